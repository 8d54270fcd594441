import { Client, Connection } from '@temporalio/client';
import { ensureCycleSchedules } from '../domain/cycles.ts';
import { loadConfig } from '../lib/config.ts';

// `npm run schedules`: creates the half-yearly ledger cycle Schedules on a cluster (npm start does it itself).
const config = loadConfig();
const connection = await Connection.connect({ address: config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}` });
try {
  const created = await ensureCycleSchedules(new Client({ connection, namespace: config.temporal.namespace }), config);
  console.log(created.length ? `created ${created.join(', ')}` : 'the ledger cycle schedules already exist');
} finally {
  await connection.close();
}
