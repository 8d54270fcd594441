/** A history as `historyToJSON` writes it (test/replay/histories/*.json). */
export type HistoryJson = { events: Array<{ eventType: string }> };

/** The events a completed workflow task writes for its commands, right after WORKFLOW_TASK_COMPLETED. */
const COMMAND_EVENTS = new Set(
  [
    'ACTIVITY_TASK_SCHEDULED',
    'ACTIVITY_TASK_CANCEL_REQUESTED',
    'TIMER_STARTED',
    'TIMER_CANCELED',
    'MARKER_RECORDED',
    'START_CHILD_WORKFLOW_EXECUTION_INITIATED',
    'SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
    'REQUEST_CANCEL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED',
    'UPSERT_WORKFLOW_SEARCH_ATTRIBUTES',
    'WORKFLOW_PROPERTIES_MODIFIED',
    'WORKFLOW_EXECUTION_UPDATE_ACCEPTED',
    'WORKFLOW_EXECUTION_UPDATE_COMPLETED',
    'WORKFLOW_EXECUTION_COMPLETED',
    'WORKFLOW_EXECUTION_FAILED',
    'WORKFLOW_EXECUTION_CANCELED',
    'WORKFLOW_EXECUTION_CONTINUED_AS_NEW',
  ].map((type) => `EVENT_TYPE_${type}`),
);

/** How many events the history has up to its last completed workflow task and the events of that task's commands. */
function settledLength(history: HistoryJson): number {
  const { events } = history;
  const lastCompleted = events.map((event) => event.eventType).lastIndexOf('EVENT_TYPE_WORKFLOW_TASK_COMPLETED');
  if (lastCompleted < 0) return 0;
  let end = lastCompleted + 1;
  while (end < events.length && COMMAND_EVENTS.has(events[end]!.eventType)) end += 1;
  return end;
}

/**
 * The events after the workflow's last completed task that it had not yet handled: a signal, an
 * activity's result, a task begun. Replay would run them as new work, where no activity is
 * registered, so such a history tests less than it seems and fails that task.
 */
export const unhandledEvents = (history: HistoryJson): string[] =>
  history.events.slice(settledLength(history)).map((event) => event.eventType);
