import type { Client } from '@temporalio/client';
import type { Config } from '../lib/config.ts';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../lib/db.ts';
import type { Logger } from '../lib/logger.ts';
import type { DevMailbox } from '../infra/dev-smtp.ts';
import type { BlobStorage } from '../lib/storage.ts';

export type AppDeps = {
  config: Config;
  prisma: Db;
  temporal: Client;
  logger: Logger;
  clock: Clock;
  storage: BlobStorage;
  /** Present only when this process runs the embedded development SMTP server. */
  devMailbox?: DevMailbox;
};

/** What the case domain functions need, from the app's dependencies. */
export const caseDepsOf = (deps: AppDeps) => ({
  prisma: deps.prisma,
  temporal: deps.temporal,
  policy: deps.config.deadlines,
  clock: deps.clock,
  bounds: deps.config.district.bounds,
});

/** What the party members' domain functions need (section Four). */
export const partyDepsOf = (deps: AppDeps) => ({
  prisma: deps.prisma,
  temporal: deps.temporal,
  clock: deps.clock,
  storage: deps.storage,
  settings: deps.config.party,
});
