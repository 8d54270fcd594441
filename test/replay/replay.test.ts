import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';
import { workflowBundle } from '../support/system.ts';
import { LEGACY_HISTORIES, SCENARIOS } from './scenarios.ts';

const historiesDir = path.join(import.meta.dirname, 'histories');
const files = readdirSync(historiesDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('recorded workflow histories replay on the current workflow code', () => {
  it('has a recorded history for every scenario, besides the legacy ones kept for patched code', () => {
    expect(files.map((f) => f.replace(/\.json$/, ''))).toEqual([...SCENARIOS.map((s) => s.name), ...LEGACY_HISTORIES].sort());
  });

  it('replays every history without nondeterminism', async () => {
    installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
    const histories = files.map((file) => ({
      workflowId: file,
      history: historyFromJSON(JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8'))),
    }));
    const results = [];
    for await (const result of Worker.runReplayHistories({ workflowBundle: await workflowBundle() }, histories)) results.push(result);
    expect(results).toHaveLength(files.length);
    for (const result of results)
      expect({ workflowId: result.workflowId, error: result.error?.message }).toEqual({ workflowId: result.workflowId, error: undefined });
  });
});
