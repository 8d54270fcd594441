/**
 * Personal contact details (a reporter's phone, a member's phone or e-mail) as shown to anyone but the
 * unit that holds them. The middle is always four stars, so the mask does not tell how long the value was.
 */

/** A run of digits long enough to be a phone number, with the separators people type between them. */
const PHONE_RUN = /\+?\d[\d ()-]{5,}\d/g;
const STARS = '****';

/**
 * `13912345678` → `139****5678`; a shorter number (7 to 10 digits, a landline) keeps only its last two
 * digits after two (`02****78`), so that little of it can be guessed; separators are dropped.
 */
function maskPhone(run: string): string {
  const digits = run.replace(/\D/g, '');
  return digits.length >= 11 ? `${digits.slice(0, 3)}${STARS}${digits.slice(-4)}` : `${digits.slice(0, 2)}${STARS}${digits.slice(-2)}`;
}

/** `zhang.wei@example.cn` → `z****@example.cn`: the domain says where, not who. */
function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  return `${value.slice(0, 1)}${STARS}${value.slice(at)}`;
}

/**
 * One contact value masked: an e-mail address keeps its first letter and its domain; each phone number
 * in it is masked as above (the words around it stay: "Zhang's daughter 139****5678"); anything else
 * keeps only its first character.
 */
export function maskContact(value: string): string {
  const text = value.trim();
  if (/^[^\s@]+@[^\s@]+$/.test(text)) return maskEmail(text);
  if (text.match(PHONE_RUN)) return text.replace(PHONE_RUN, maskPhone);
  return text.length === 0 ? text : `${Array.from(text)[0]}${STARS}`;
}

/** A nullable contact masked unless the caller holds it. */
export const shownContact = (value: string | null, holder: boolean): string | null =>
  value === null || holder ? value : maskContact(value);
