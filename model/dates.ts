import { z } from 'zod';
import { bilingual } from '../lib/errors.ts';

/**
 * Every date and half-year a person gives is bounded to the years 1900-2100: far beyond any real
 * case, and well inside what PostgreSQL and JavaScript's Date both handle (PostgreSQL has no year 0,
 * and a `Date` of year 0 or before 1000 is formatted in ways the database refuses). One schema for
 * each, used by every request that takes one, so the bound shows in the OpenAPI document too.
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;
const YEAR = '(?:19\\d{2}|20\\d{2}|2100)';

/** A calendar date (YYYY-MM-DD) of the years 1900-2100. */
export const boundedDate = z.iso
  .date()
  .regex(
    new RegExp(`^${YEAR}-`),
    bilingual({ zh: `年份须在 ${EARLIEST_YEAR} 至 ${LATEST_YEAR} 之间`, en: `a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}` }),
  )
  .describe(`a date (YYYY-MM-DD), years ${EARLIEST_YEAR} to ${LATEST_YEAR}`);

/** A half-year such as 2026-H2, of the years 1900-2100. */
export const boundedHalfYear = z.string().regex(
  new RegExp(`^${YEAR}-H[12]$`),
  bilingual({
    zh: `半年度，如 2026-H2（${EARLIEST_YEAR} 至 ${LATEST_YEAR} 年）`,
    en: `a half-year such as 2026-H2, years ${EARLIEST_YEAR} to ${LATEST_YEAR}`,
  }),
);

/** A moment inside the bounds (for values that arrive inside something else, such as a list cursor). */
export function isWithinDateBounds(moment: Date): boolean {
  const year = moment.getUTCFullYear();
  return !Number.isNaN(year) && year >= EARLIEST_YEAR && year <= LATEST_YEAR;
}
