import { Client, Connection } from '@temporalio/client';
import { reconcile } from '../domain/cases/reconcile.ts';
import { operatorDatabaseUrl } from '../infra/embedded-postgres.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';

// `npm run reconcile`: compares ledger rows with case workflows; exits 1 when anything disagrees.
// Needs DATABASE_URL and TEMPORAL_ADDRESS (against `npm start`'s defaults: the embedded database
// URL it prints, and 127.0.0.1:7233).
const config = loadConfig();
const databaseUrl = operatorDatabaseUrl(config);
const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}`;
const prisma = createPrisma(databaseUrl, { maxConnections: 1 });
const connection = await Connection.connect({ address });
try {
  const report = await reconcile(
    { prisma, temporal: new Client({ connection, namespace: config.temporal.namespace }) },
    { onProgress: (n) => console.error(`checked ${n} workflows...`) },
  );
  console.log(`checked ${report.casesChecked} ledger rows and ${report.workflowsChecked} workflows`);
  for (const problem of report.problems) console.log(JSON.stringify(problem));
  console.log(report.problems.length === 0 ? 'ledger and workflows agree' : `${report.problems.length} problem(s)`);
  process.exitCode = report.problems.length === 0 ? 0 : 1;
} finally {
  await connection.close();
  await prisma.$disconnect();
}
