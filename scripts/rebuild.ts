import { Client, Connection } from '@temporalio/client';
import { rebuildFromLedger } from '../domain/system/rebuild.ts';
import { operatorDatabaseUrl } from '../infra/embedded-postgres.ts';
import { systemClock } from '../lib/clock.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';

// `npm run rebuild`: after Temporal's store was lost, starts every open case's workflow (and the open
// cycles and the Schedules) again from the ledger; safe to run twice. Needs DATABASE_URL and
// TEMPORAL_ADDRESS (against `npm start`'s defaults: its embedded database and dev server), and a
// worker running to carry the workflows on.
const config = loadConfig();
const prisma = createPrisma(operatorDatabaseUrl(config), { maxConnections: 2 });
const connection = await Connection.connect({ address: config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}` });
try {
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const report = await rebuildFromLedger({ prisma, temporal, config, clock: systemClock }, (n) => {
    if (n % 500 === 0) console.error(`started ${n} cases...`);
  });
  console.log(`started ${report.casesStarted.length} open cases from the ledger; ${report.casesFound} Temporal still had`);
  console.log(`started ${report.cyclesStarted.length} open district cycles; ${report.cyclesFound} Temporal still had`);
  console.log(
    `schedules: created ${report.schedules.created.join(', ') || 'none'}; periods started ${report.schedules.caughtUp.join(', ') || 'none'}`,
  );
  console.log('next: `npm run reconcile`');
} finally {
  await connection.close();
  await prisma.$disconnect();
}
