/**
 * A small XML writer for documents whose shape is a JSON value: an object becomes one element per
 * key (in the object's key order, which the callers keep in the order their format prescribes), an
 * array becomes a wrapper element holding one element per item under the name `itemNames` gives
 * for the wrapper, null or undefined an empty element. Nothing is read back, so no parser is needed.
 */
export type XmlValue = string | number | boolean | null | undefined | XmlValue[] | { [name: string]: XmlValue };

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const C0_BUT_WHITESPACE = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F';
const NOT_XML = new RegExp(
  `[${C0_BUT_WHITESPACE}\\uFFFE\\uFFFF]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]`,
  'g',
);

export const escapeXml = (text: string) =>
  text
    .replace(NOT_XML, '\uFFFD')
    .replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

const NAME = /^[A-Za-z_][A-Za-z0-9._-]*$/;

function element(name: string, value: XmlValue, itemNames: Readonly<Record<string, string>>, out: string[]): void {
  if (!NAME.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === undefined) {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    const itemName = itemNames[name];
    if (!itemName) throw new Error(`no item element name for the list <${name}>`);
    out.push(`<${name}>`);
    for (const item of value) element(itemName, item, itemNames, out);
    out.push(`</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [child, childValue] of Object.entries(value)) element(child, childValue, itemNames, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${escapeXml(String(value))}</${name}>`);
  }
}

/** A whole document, UTF-8, with its declaration. */
export function xmlDocument(root: string, value: XmlValue, itemNames: Readonly<Record<string, string>> = {}): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  element(root, value, itemNames, out);
  return out.join('');
}
