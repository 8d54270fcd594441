import { Client, Connection } from '@temporalio/client';
import { ensureCycleSchedules } from '../domain/cycles.ts';
import { ensureFeedbackSchedule } from '../domain/party/feedback.ts';
import { loadConfig } from '../lib/config.ts';

// `npm run schedules`: creates the half-yearly ledger cycle and the yearly member feedback Schedules (npm start does it itself).
const config = loadConfig();
const connection = await Connection.connect({ address: config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}` });
try {
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const created = [...(await ensureCycleSchedules(client, config)), ...(await ensureFeedbackSchedule(client, config))];
  console.log(created.length ? `created ${created.join(', ')}` : 'the schedules already exist');
} finally {
  await connection.close();
}
