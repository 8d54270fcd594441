import { condition, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { FloorActivities, FloorInput } from './activities.ts';

/** The bench's floor only: what a filing must do durably, and nothing else. Never registered by the runtime. */
export const floorRecordedUpdate = defineUpdate<{ id: string }>('floorRecorded');
export const FLOOR_TASK_QUEUE = 'bench-floor';

const { writeFloorRow } = proxyLocalActivities<FloorActivities>({ startToCloseTimeout: '10 seconds' });

/**
 * Started by update-with-start as a filing is: its one Update answers once the row is written through a
 * local activity. It then stays open, as a filed case does.
 */
export async function floorWorkflow(input: FloorInput): Promise<void> {
  let written = false;
  setHandler(floorRecordedUpdate, async () => {
    await condition(() => written);
    return { id: input.id };
  });
  await writeFloorRow(input);
  written = true;
  await condition(() => false);
}
