import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv, type Config } from '../lib/config.ts';

/**
 * Finds or builds the official Temporal CLI (dev server + Web UI). Temporal's own downloader cannot
 * reach its CDN from machines that see only package registries, so the pinned release is compiled
 * from the Go module proxy into the project cache and reused afterwards.
 *
 * v1.5.1 is the newest release `go install` accepts: from v1.6.0 on, the CLI's go.mod carries a
 * `replace` directive, which `go install pkg@version` refuses.
 */
type TemporalCliSource = 'configured' | 'path' | 'cache' | 'built';
type TemporalCli = { path: string; source: TemporalCliSource };

const CLI_MODULE = 'github.com/temporalio/cli';

export function cachedCliPath(cacheDir: string, version: string): string {
  return path.join(cacheDir, 'temporal-cli', version, 'temporal');
}

export function findOnPath(name: string, searchPath: string): string | undefined {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

export function resolveTemporalCli(
  options: { configuredPath?: string; cacheDir: string; version: string; searchPath: string },
  log: (message: string) => void = console.log,
): TemporalCli | undefined {
  if (options.configuredPath) {
    if (!existsSync(options.configuredPath)) {
      throw new Error(`TEMPORAL_CLI_PATH points at ${options.configuredPath}, which does not exist`);
    }
    return { path: options.configuredPath, source: 'configured' };
  }
  const onPath = findOnPath('temporal', options.searchPath);
  if (onPath) return { path: onPath, source: 'path' };
  const cached = cachedCliPath(options.cacheDir, options.version);
  if (existsSync(cached)) return { path: cached, source: 'cache' };
  const go = findOnPath('go', options.searchPath);
  if (!go) return undefined;
  buildWithGo(go, options.version, path.dirname(cached), log);
  return { path: cached, source: 'built' };
}

function buildWithGo(go: string, version: string, binDir: string, log: (message: string) => void) {
  mkdirSync(binDir, { recursive: true });
  log(`Building Temporal CLI ${version} with \`go install\` into ${binDir} (first run only; a few minutes)...`);
  const started = Date.now();
  const bareVersion = version.replace(/^v/, '');
  const result = spawnSync(
    go,
    ['install', '-ldflags', `-X ${CLI_MODULE}/temporalcli.Version=${bareVersion}`, `${CLI_MODULE}/cmd/temporal@${version}`],
    { stdio: 'inherit', env: childProcessEnv({ GOBIN: binDir, GOFLAGS: '-buildvcs=false' }) },
  );
  if (result.status !== 0) throw new Error(`go install of the Temporal CLI ${version} failed (exit ${result.status})`);
  log(`Temporal CLI ${version} built in ${Math.round((Date.now() - started) / 1000)} s`);
}

/** The CLI as the configuration asks for it (building it if it can), or undefined. */
export function findConfiguredTemporalCli(config: Config, log: (message: string) => void = console.log): TemporalCli | undefined {
  return resolveTemporalCli(
    {
      configuredPath: config.temporal.cliPath,
      cacheDir: config.cacheDir,
      version: config.temporal.cliVersion,
      searchPath: childProcessEnv().PATH ?? '',
    },
    log,
  );
}

/** The CLI as the configuration asks for it, or the reason there is none. */
export function requireTemporalCli(config: Config, log: (message: string) => void = console.log): TemporalCli {
  const cli = findConfiguredTemporalCli(config, log);
  if (!cli) {
    throw new Error(
      'no Temporal CLI: install Go >= 1.25 (it builds one), put `temporal` on PATH, or set TEMPORAL_CLI_PATH (or TEMPORAL_ADDRESS to use a running server)',
    );
  }
  return cli;
}
