import { z } from 'zod';

export const settingsView = z.object({
  /** Every date a person reads is shown in this zone. */
  timeZone: z.string(),
  /** Today's date in the district (YYYY-MM-DD): date pickers grey out the days after it where a date cannot lie ahead. */
  today: z.iso.date(),
  /** The half-year whose ledger is being collected now. */
  currentCycle: z.string(),
});
