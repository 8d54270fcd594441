import { Client, Connection } from '@temporalio/client';
import { allSchedules, ensureSchedules, schedulesReport } from '../domain/system/schedules.ts';
import { systemClock } from '../lib/clock.ts';
import { loadConfig } from '../lib/config.ts';
import { ensureWebhookFeed } from '../domain/webhooks/webhooks.ts';

// `npm run schedules`: creates the half-yearly ledger cycle, the yearly member feedback and the yearly
// quota tracker Schedules, starts once the period each has missed, and starts the webhook feed
// (npm start does it itself).
const config = loadConfig();
const connection = await Connection.connect({ address: config.temporal.address ?? `127.0.0.1:${config.temporal.devPort}` });
try {
  const client = new Client({ connection, namespace: config.temporal.namespace });
  console.log(schedulesReport(await ensureSchedules(client, allSchedules(config), systemClock, config.districtTime.zone)));
  // Not a Schedule: the webhook feed runs for good once started, and starting it again joins it.
  if (await ensureWebhookFeed(client, config.webhooks)) console.log('started the webhook feed');
} finally {
  await connection.close();
}
