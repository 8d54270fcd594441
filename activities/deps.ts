import type { Client } from '@temporalio/client';
import type { Clock } from '../lib/clock.ts';
import type { DistrictTime } from '../lib/district-time.ts';
import type { Db } from '../lib/db.ts';
import type { Mailer } from '../lib/mailer.ts';
import type { Config } from '../lib/config.ts';
import type { BlobStorage } from '../lib/storage.ts';

/**
 * What every activity may use. `temporal` lets the cycle move cases by Update and hear whether each case took the move;
 * `districtTime` is how mails show dates, `notices` their language and where they link to.
 */
export type ActivityDeps = {
  prisma: Db;
  mailer: Mailer;
  clock: Clock;
  storage: BlobStorage;
  temporal: Client;
  districtTime: DistrictTime;
  notices: Config['notices'];
};
