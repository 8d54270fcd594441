import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, makeTelemetryFilterString, Runtime, Worker, type LogEntry } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { tracingOff } from '../../lib/tracing.ts';
import { workflowBundle } from '../support/system.ts';
import { workflowSinks } from '../../worker.ts';
import { unhandledEvents, type HistoryJson } from './histories.ts';
import { LEGACY_HISTORIES, SCENARIOS } from './scenarios.ts';

const historiesDir = path.join(import.meta.dirname, 'histories');
const files = readdirSync(historiesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readHistory = (file: string) => JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8')) as HistoryJson;

/**
 * The SDK's core reports a failed workflow task only in its log ("Failing workflow task …"); the
 * replay result carries only nondeterminism and a few eviction reasons. So this file's runtime
 * forwards core's log here, and any warning or error during replay fails the test. (Each test file
 * runs in its own process, so the runtime installed here is this file's alone.)
 */
const logged: LogEntry[] = [];
const printToStderr = new DefaultLogger('WARN');
Runtime.install({
  logger: new DefaultLogger('WARN', (entry) => {
    logged.push(entry);
    printToStderr.log(entry.level, entry.message, entry.meta);
  }),
  shutdownSignals: [],
  telemetryOptions: { logging: { forward: {}, filter: makeTelemetryFilterString({ core: 'WARN', other: 'WARN' }) } },
});

describe('recorded workflow histories replay on the current workflow code', () => {
  it('has a recorded history for every scenario, besides the legacy ones kept for patched code', () => {
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual([...SCENARIOS.map((s) => s.name), ...LEGACY_HISTORIES].sort());
  });

  it('holds only histories whose workflow had handled everything that reached it', () => {
    // What came after the last completed task would run as new work on replay: untested, and failing
    // where it schedules a local activity (no activities are registered there).
    const unhandled = files.map((file) => ({ file, events: unhandledEvents(readHistory(file)) })).filter(({ events }) => events.length);
    expect(unhandled).toEqual([]);
  });

  it('replays every history without nondeterminism or a failed workflow task', async () => {
    const histories = files.map((file) => ({ workflowId: file, history: historyFromJSON(readHistory(file)) }));
    const results = [];
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: await workflowBundle(), sinks: workflowSinks(tracingOff('replay')) },
      histories,
    ))
      results.push(result);
    expect(results).toHaveLength(files.length);
    for (const result of results)
      expect({ workflowId: result.workflowId, error: result.error?.message }).toEqual({ workflowId: result.workflowId, error: undefined });
    // Core hands its log over every few milliseconds; then the runtime's buffer is emptied.
    await sleep(250);
    Runtime.instance().flushLogs();
    expect(logged.map((entry) => `${entry.level} ${entry.message} ${JSON.stringify(entry.meta ?? {}).slice(0, 600)}`)).toEqual([]);
    // Bundling the workflow code with webpack and replaying every history grows with the paths kept:
    // a minute was exceeded on a loaded 2-core machine. Speed is a benchmark's business, not this test's.
  }, 300_000);
});
