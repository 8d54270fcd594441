import { z } from 'zod';
import { DomainError } from '../lib/errors.ts';
import { isWithinDateBounds } from '../model/dates.ts';

/**
 * Keyset cursors: the sort key of a page's last row, as opaque base64url JSON. A cursor that does
 * not parse as the schema of the list it is given to is a 400 on `path`, never a 500.
 */
export const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function decodeCursor<T>(raw: string, schema: z.ZodType<T>, path: string): T {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new DomainError('validation_failed', { zh: '翻页标记无效', en: 'invalid cursor' }, [
    { path, message: { zh: '请使用上一页返回的 nextCursor', en: 'use nextCursor from a previous page' } },
  ]);
}

/** A moment in a cursor: an ISO time inside the years every date is bounded to. */
export const cursorMoment = z.iso.datetime().refine((iso) => isWithinDateBounds(new Date(iso)));
