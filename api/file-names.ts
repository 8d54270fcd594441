import { z } from 'zod';
import { lineText } from '../model/text.ts';

/**
 * File names in and out of HTTP headers, which carry bytes, not text. Coming in, `X-File-Name` is
 * read as UTF-8 in any of three spellings: percent-encoded (`%E6%96%87%E4%BB%B6.txt`, a literal `%`
 * as `%25`), RFC 5987 (`UTF-8''%E6%96%87%E4%BB%B6.txt`), or raw UTF-8 bytes (which Node hands over
 * as Latin-1 characters; bytes that are not UTF-8 are taken as Latin-1). Going out, `Content-Disposition` names the file twice: an ASCII fallback
 * for old clients and the exact name as RFC 5987 `filename*`.
 */
const RFC_5987 = /^utf-8'[A-Za-z0-9-]*'(.*)$/i;

function decodeFileName(raw: string): string | undefined {
  const ext = RFC_5987.exec(raw);
  const value = ext ? (ext[1] ?? '') : raw;
  try {
    return decodeURIComponent(fromHeaderBytes(value));
  } catch {
    return undefined;
  }
}

/** Raw UTF-8 bytes arrive one Latin-1 character per byte: read them back as UTF-8 when they are UTF-8. */
function fromHeaderBytes(value: string): string {
  if (!/[^\u0020-\u007E]/.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

export const fileNameHeader = z
  .string()
  .describe(
    "The file name as UTF-8: percent-encoded (a literal % as %25), RFC 5987 (UTF-8''%E6%96%87%E4%BB%B6.txt) or raw UTF-8; one line, no folders",
  )
  .transform((raw, ctx) => {
    const name = decodeFileName(raw);
    if (name === undefined) ctx.addIssue({ code: 'custom', message: 'percent-encode the name as UTF-8 (a literal % as %25)' });
    return name ?? '';
  })
  .pipe(lineText(200).refine((name) => !/[/\\]/.test(name), 'a plain file name, without folders'));

/** `Content-Disposition` for a download: an ASCII stand-in, then the exact name (RFC 6266, RFC 5987). */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\u0020-\u007E]|["\\%]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${exact}`;
}
