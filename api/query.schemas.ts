import { z } from 'zod';

/** A yes/no in a query string, the way every route reads one: `true` or `false`, nothing else. */
export const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
