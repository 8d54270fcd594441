import { attachmentDisposition } from './file-names.ts';
import type { RouteResult } from './route.ts';

/** A stored file as a download: its own type, never sniffed, named safely. */
export function downloadResult(file: { data: Buffer; fileName: string; contentType: string }): RouteResult {
  return {
    status: 200,
    body: file.data,
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
    },
  };
}
