import { z } from 'zod';

export const settingsView = z.object({
  /** Every date a person reads is shown in this zone. */
  timeZone: z.string(),
  /** The half-year whose ledger is being collected now. */
  currentCycle: z.string(),
});
