import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../../lib/config.ts';
import { findOnPath } from '../../infra/temporal-cli.ts';

/**
 * Schemathesis (PyPI) in a virtual environment of its own under the cache, installed once; returns its
 * command, or undefined where there is no python3 to make the environment with.
 */
export function ensureSchemathesis(cacheDir: string, version: string, log: (m: string) => void = console.log): string | undefined {
  const home = path.join(cacheDir, 'schemathesis', version);
  const command = path.join(home, 'bin', 'schemathesis');
  if (existsSync(command)) return command;
  const python = findOnPath('python3', childProcessEnv().PATH ?? '');
  if (!python) return undefined;
  log(`Installing schemathesis ${version} from PyPI into ${home} (first run only)...`);
  const run = (exe: string, args: string[]) => {
    const result = spawnSync(exe, args, { stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`${path.basename(exe)} ${args.join(' ')} failed (exit ${result.status})`);
  };
  run(python, ['-m', 'venv', home]);
  run(path.join(home, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${version}`]);
  return command;
}
