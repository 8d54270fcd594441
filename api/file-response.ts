import { TABLE_CONTENT_TYPES } from '../lib/tabular-writers.ts';
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

/** Headers of a table (CSV or XLSX) sent as a download named `fileName`. */
export const tableFileHeaders = (format: keyof typeof TABLE_CONTENT_TYPES, fileName: string) => ({
  'Content-Type': TABLE_CONTENT_TYPES[format],
  'Content-Disposition': attachmentDisposition(fileName),
});
