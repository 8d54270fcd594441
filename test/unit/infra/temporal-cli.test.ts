import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cachedCliPath, findOnPath, resolveTemporalCli } from '../../../infra/temporal-cli.ts';

function fakeExecutable(dir: string, name: string) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\nexit 0\n');
  chmodSync(file, 0o755);
  return file;
}

describe('resolveTemporalCli', () => {
  const cacheDir = () => mkdtempSync(path.join(tmpdir(), 'cli-cache-'));

  it('prefers TEMPORAL_CLI_PATH, and fails loudly when it points nowhere', () => {
    const configured = fakeExecutable(mkdtempSync(path.join(tmpdir(), 'cfg-')), 'temporal');
    expect(resolveTemporalCli({ configuredPath: configured, cacheDir: cacheDir(), version: 'v1.5.1', searchPath: '' })).toEqual({
      path: configured,
      source: 'configured',
    });
    expect(() =>
      resolveTemporalCli({ configuredPath: '/nonexistent/temporal', cacheDir: cacheDir(), version: 'v1.5.1', searchPath: '' }),
    ).toThrow(/does not exist/);
  });

  it('then a temporal on PATH, then the project cache', () => {
    const cache = cacheDir();
    const cached = cachedCliPath(cache, 'v1.5.1');
    fakeExecutable(path.dirname(cached), 'temporal');
    const binDir = mkdtempSync(path.join(tmpdir(), 'bin-'));
    const onPath = fakeExecutable(binDir, 'temporal');
    expect(resolveTemporalCli({ cacheDir: cache, version: 'v1.5.1', searchPath: binDir })).toEqual({ path: onPath, source: 'path' });
    expect(resolveTemporalCli({ cacheDir: cache, version: 'v1.5.1', searchPath: '/nonexistent' })).toEqual({
      path: cached,
      source: 'cache',
    });
  });

  it('gives up (so the SDK may download) when there is nothing and no Go to build with', () => {
    expect(resolveTemporalCli({ cacheDir: cacheDir(), version: 'v1.5.1', searchPath: '/nonexistent' })).toBeUndefined();
  });

  it('finds only executables on the search path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bin-'));
    writeFileSync(path.join(dir, 'plain'), 'not executable');
    expect(findOnPath('plain', dir)).toBeUndefined();
    expect(findOnPath('tool', `/nonexistent${path.delimiter}${dir}`)).toBeUndefined();
    const tool = fakeExecutable(dir, 'tool');
    expect(findOnPath('tool', `/nonexistent${path.delimiter}${dir}`)).toBe(tool);
  });
});
