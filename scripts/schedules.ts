import { Client, Connection } from '@temporalio/client';
import { ensureCycleSchedules } from '../domain/cycle/cycles.ts';
import { ensureFeedbackSchedule } from '../domain/party/feedback.ts';
import { ensureQuotaSchedule } from '../domain/leaders/quota-trackers.ts';
import { loadConfig } from '../lib/config.ts';

// `npm run schedules`: creates the half-yearly ledger cycle, the yearly member feedback and the yearly quota tracker Schedules (npm start does it itself).
const config = loadConfig();
const connection = await Connection.connect({ address: config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}` });
try {
  const client = new Client({ connection, namespace: config.temporal.namespace });
  const created = [
    ...(await ensureCycleSchedules(client, config)),
    ...(await ensureFeedbackSchedule(client, config)),
    ...(await ensureQuotaSchedule(client, config)),
  ];
  console.log(created.length ? `created ${created.join(', ')}` : 'the schedules already exist');
} finally {
  await connection.close();
}
