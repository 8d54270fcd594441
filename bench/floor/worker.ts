import path from 'node:path';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../../lib/config.ts';
import { createPrisma } from '../../lib/db.ts';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';
import { createFloorActivities } from './activities.ts';
import { FLOOR_TASK_QUEUE } from './workflow.ts';

/**
 * The floor's worker, its own process as the case worker is (spawned by bench/run.ts only), with the
 * same database pool size and the same SDK settings, so the two differ only in what a filing does.
 */
const config = loadConfig();
installTemporalRuntime({ logLevel: config.logLevel, handleSignals: true });
if (!config.database.url || !config.temporal.address) throw new Error('the floor worker needs DATABASE_URL and TEMPORAL_ADDRESS');
const prisma = createPrisma(config.database.url);
const connection = await NativeConnection.connect({ address: config.temporal.address });
const worker = await Worker.create({
  connection,
  namespace: config.temporal.namespace,
  taskQueue: FLOOR_TASK_QUEUE,
  activities: createFloorActivities(prisma),
  workflowsPath: path.join(import.meta.dirname, 'workflow.ts'),
});
try {
  await worker.run();
} finally {
  await connection.close();
  await prisma.$disconnect();
}
