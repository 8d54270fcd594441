import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../../lib/config.ts';
import { findOnPath } from '../../infra/temporal-cli.ts';

type Log = (m: string) => void;

/**
 * A PyPI package at a pinned version in a virtual environment of its own under the cache, installed
 * once (a marker file says the install finished); returns the environment's directory, or undefined
 * where there is no python3 to make it with.
 */
function ensureVenvPackage(cacheDir: string, name: string, version: string, log: Log): string | undefined {
  const home = path.join(cacheDir, name, version);
  const marker = path.join(home, '.installed');
  if (existsSync(marker)) return home;
  const python = findOnPath('python3', childProcessEnv().PATH ?? '');
  if (!python) return undefined;
  log(`Installing ${name} ${version} from PyPI into ${home} (first run only)...`);
  const run = (exe: string, args: string[]) => {
    const result = spawnSync(exe, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${path.basename(exe)} ${args.join(' ')} failed (exit ${result.status})`);
  };
  run(python, ['-m', 'venv', home]);
  run(path.join(home, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `${name}==${version}`]);
  writeFileSync(marker, `${name}==${version}\n`);
  return home;
}

/** Schemathesis (PyPI): its command (an environment installed before the marker existed is taken as it is). */
export function ensureSchemathesis(cacheDir: string, version: string, log: Log = console.log): string | undefined {
  const installed = path.join(cacheDir, 'schemathesis', version, 'bin', 'schemathesis');
  if (existsSync(installed)) return installed;
  const home = ensureVenvPackage(cacheDir, 'schemathesis', version, log);
  return home && path.join(home, 'bin', 'schemathesis');
}

/** `georeport` (PyPI), a Python client of Open311 GeoReport v2: the python that imports it. */
export function ensureGeoReportClient(cacheDir: string, version: string, log: Log = console.log): string | undefined {
  const home = ensureVenvPackage(cacheDir, 'georeport', version, log);
  return home && path.join(home, 'bin', 'python');
}
