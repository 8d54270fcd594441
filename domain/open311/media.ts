import { createHash } from 'node:crypto';
import path from 'node:path';
import { DomainError, invalidField, type Localized } from '../../lib/errors.ts';
import { assertAcceptedFile } from '../attachments.ts';

export type MediaSettings = { hosts: readonly string[]; timeoutMs: number; maxBytes: number };

const refuse = (reason: Localized) => invalidField('media_url', reason);
const tooLarge = (maxBytes: number) => refuse({ zh: `照片超过 ${maxBytes} 字节`, en: `the photo is larger than ${maxBytes} bytes` });

/** Only hosts the district named: the server fetches on a stranger's word, so it goes nowhere else. */
function allowedUrl(url: string, hosts: readonly string[]): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse({ zh: '不是有效的网址', en: 'not a URL' });
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw refuse({ zh: '只获取 http 和 https 网址', en: 'only http and https URLs are fetched' });
  if (parsed.username || parsed.password) throw refuse({ zh: '不获取带用户名或密码的网址', en: 'a URL with credentials is not fetched' });
  if (hosts.length === 0)
    throw refuse({ zh: '本区不接收 media_url，请不带照片网址提交', en: 'this district takes no media_url; send the request without one' });
  const host = parsed.host.toLowerCase();
  if (!hosts.includes(host) && !hosts.includes(parsed.hostname.toLowerCase())) {
    throw refuse({ zh: `只从这些主机获取照片：${hosts.join('、')}`, en: `photos are fetched only from ${hosts.join(', ')}` });
  }
  return parsed;
}

async function readAtMost(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (!body) return Buffer.alloc(0);
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** A name for the stored file: the URL's last path segment, or `photo` and the type's extension. */
function fileNameOf(url: URL, contentType: string): string {
  const last = path.posix.basename(decodeURIComponent(url.pathname)).replace(/[^\p{L}\p{N}._-]/gu, '_');
  return last && last !== '.' && last !== '..' ? last.slice(0, 200) : `photo.${contentType === 'image/png' ? 'png' : 'jpg'}`;
}

/**
 * Fetches the photo a GeoReport v2 `media_url` names, from an allowed host only, without following
 * redirects (a redirect could lead anywhere), within the time and size limits; it must be a PNG or
 * JPEG whose bytes say so. Every refusal is a 400 naming `media_url`.
 */
export async function fetchMedia(url: string, settings: MediaSettings) {
  const target = allowedUrl(url, settings.hosts);
  let response: Response;
  try {
    response = await fetch(target, { redirect: 'manual', signal: AbortSignal.timeout(settings.timeoutMs) });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw refuse({
      zh: `无法获取（${timedOut ? '未及时应答' : '无法连接'}）`,
      en: `could not be fetched (${timedOut ? 'no answer in time' : 'no connection'})`,
    });
  }
  if (response.status >= 300 && response.status < 400)
    throw refuse({ zh: '对方答复了重定向，不予跟随', en: 'answered with a redirect, which is not followed' });
  if (!response.ok) throw refuse({ zh: `对方答复 ${response.status}`, en: `answered ${response.status}` });
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > settings.maxBytes) throw tooLarge(settings.maxBytes);
  const data = await readAtMost(response.body, settings.maxBytes);
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (contentType !== 'image/png' && contentType !== 'image/jpeg')
    throw refuse({
      zh: `需要 PNG 或 JPEG 照片，而不是 ${contentType || '未标类型的内容'}`,
      en: `a PNG or JPEG photo is needed, not ${contentType || 'untyped'}`,
    });
  try {
    assertAcceptedFile({ contentType, data });
  } catch (error) {
    if (error instanceof DomainError) throw refuse('log' in error.said ? { zh: '照片内容与其类型不符', en: error.message } : error.said);
    throw error;
  }
  return { fileName: fileNameOf(target, contentType), contentType, data, sha256: createHash('sha256').update(data).digest('hex') };
}
