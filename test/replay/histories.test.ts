import { describe, expect, it } from 'vitest';
import { unhandledEvents } from './histories.ts';

const history = (...types: string[]) => ({ events: types.map((type) => ({ eventType: `EVENT_TYPE_${type}` })) });
const TASK = ['WORKFLOW_TASK_SCHEDULED', 'WORKFLOW_TASK_STARTED', 'WORKFLOW_TASK_COMPLETED'];

describe('what a recorded workflow had not yet handled', () => {
  it('is nothing when the history ends with a completed task and the events of its commands', () => {
    expect(unhandledEvents(history('WORKFLOW_EXECUTION_STARTED', ...TASK, 'MARKER_RECORDED', 'TIMER_STARTED'))).toEqual([]);
    expect(unhandledEvents(history('WORKFLOW_EXECUTION_STARTED', ...TASK, 'WORKFLOW_EXECUTION_UPDATE_COMPLETED'))).toEqual([]);
    expect(unhandledEvents(history('WORKFLOW_EXECUTION_STARTED', ...TASK, 'WORKFLOW_EXECUTION_COMPLETED'))).toEqual([]);
  });

  it('is a task begun, an activity result or a signal after the last completed task', () => {
    expect(unhandledEvents(history('WORKFLOW_EXECUTION_STARTED', ...TASK, 'ACTIVITY_TASK_SCHEDULED', ...TASK.slice(0, 2)))).toEqual([
      'EVENT_TYPE_WORKFLOW_TASK_SCHEDULED',
      'EVENT_TYPE_WORKFLOW_TASK_STARTED',
    ]);
    expect(unhandledEvents(history(...TASK, 'MARKER_RECORDED', 'WORKFLOW_EXECUTION_SIGNALED'))).toEqual([
      'EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED',
    ]);
    expect(unhandledEvents(history(...TASK, 'ACTIVITY_TASK_SCHEDULED', 'ACTIVITY_TASK_STARTED', 'ACTIVITY_TASK_COMPLETED'))).toEqual([
      'EVENT_TYPE_ACTIVITY_TASK_STARTED',
      'EVENT_TYPE_ACTIVITY_TASK_COMPLETED',
    ]);
    expect(unhandledEvents(history('WORKFLOW_EXECUTION_STARTED', 'WORKFLOW_TASK_SCHEDULED'))).toHaveLength(2);
  });
});
