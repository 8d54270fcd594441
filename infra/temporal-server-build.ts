import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv, type Config } from '../lib/config.ts';
import { findOnPath } from './temporal-cli.ts';

/**
 * The real Temporal server (the production topology: frontend, history, matching and worker services
 * on PostgreSQL), built from the Go module proxy like the CLI, since the vendor's release downloads
 * are out of reach. The server binary, its `sql` schema tool, and the PostgreSQL schemas and sample
 * configuration of the same module version are kept together under `.cache/temporal-server/<version>/`,
 * so running it later needs neither Go nor the module cache.
 */
export type TemporalServerBuild = {
  version: string;
  server: string;
  sqlTool: string;
  /** `schema/postgresql/v12` of the module: `temporal/versioned` and `visibility/versioned`. */
  schemaDir: string;
  /** `config/development-postgres12.yaml` and `config/dynamicconfig/development-sql.yaml` of the module. */
  configDir: string;
};

const SERVER_MODULE = 'go.temporal.io/server';

export function temporalServerBuildAt(cacheDir: string, version: string): TemporalServerBuild {
  const dir = path.resolve(cacheDir, 'temporal-server', version);
  return {
    version,
    server: path.join(dir, 'server'),
    sqlTool: path.join(dir, 'sql'),
    schemaDir: path.join(dir, 'schema', 'postgresql', 'v12'),
    configDir: path.join(dir, 'config'),
  };
}

/** Written last: a build interrupted half-way is done again rather than half-used. */
const stampOf = (build: TemporalServerBuild) => path.join(path.dirname(build.server), 'complete');

/** The cached build, built first when missing and Go is there; undefined without either. */
export function ensureTemporalServer(
  options: { cacheDir: string; version: string; searchPath: string },
  log: (message: string) => void = console.log,
): TemporalServerBuild | undefined {
  const build = temporalServerBuildAt(options.cacheDir, options.version);
  if (existsSync(stampOf(build))) return build;
  const go = findOnPath('go', options.searchPath);
  if (!go) return undefined;
  const binDir = path.dirname(build.server);
  mkdirSync(binDir, { recursive: true });
  log(
    `Building Temporal server ${options.version} and its sql tool with \`go install\` into ${binDir} (first run only; about 4 minutes)...`,
  );
  const started = Date.now();
  const goRun = (args: string[]) => {
    const result = spawnSync(go, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      env: childProcessEnv({ GOBIN: binDir, GOFLAGS: '-buildvcs=false' }),
    });
    if (result.status !== 0) throw new Error(`go ${args.slice(0, 2).join(' ')} failed (exit ${result.status})`);
    return result.stdout;
  };
  goRun(['install', `${SERVER_MODULE}/cmd/server@${options.version}`, `${SERVER_MODULE}/cmd/tools/sql@${options.version}`]);
  // The module itself is in Go's module cache now; `go mod download -json` names its directory.
  const moduleDir = (JSON.parse(goRun(['mod', 'download', '-json', `${SERVER_MODULE}@${options.version}`])) as { Dir: string }).Dir;
  copyWritable(path.join(moduleDir, 'schema', 'postgresql', 'v12'), build.schemaDir);
  rmSync(build.configDir, { recursive: true, force: true });
  for (const file of ['development-postgres12.yaml', path.join('dynamicconfig', 'development-sql.yaml')]) {
    copyWritable(path.join(moduleDir, 'config', file), path.join(build.configDir, file));
  }
  writeFileSync(stampOf(build), `${options.version}\n`);
  log(`Temporal server ${options.version} built in ${Math.round((Date.now() - started) / 1000)} s`);
  return build;
}

/** Copies a file or tree out of Go's module cache, whose files and folders are read-only, as ordinary writable ones. */
function copyWritable(from: string, to: string) {
  if (!statSync(from).isDirectory()) {
    mkdirSync(path.dirname(to), { recursive: true });
    writeFileSync(to, readFileSync(from));
    return;
  }
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) copyWritable(path.join(from, entry), path.join(to, entry));
}

/** The server the configuration pins, built if it can be; undefined without a cached build or Go. */
export function findConfiguredTemporalServer(config: Config, log: (message: string) => void = console.log) {
  return ensureTemporalServer(
    { cacheDir: config.cacheDir, version: config.temporal.serverVersion, searchPath: childProcessEnv().PATH ?? '' },
    log,
  );
}

/** The server the configuration pins, built if need be; the reason there is none otherwise. */
export function requireTemporalServer(config: Config, log: (message: string) => void = console.log): TemporalServerBuild {
  const build = findConfiguredTemporalServer(config, log);
  if (!build) throw new Error(`no Temporal server ${config.temporal.serverVersion} in ${config.cacheDir} and no Go >= 1.25 to build it`);
  return build;
}
