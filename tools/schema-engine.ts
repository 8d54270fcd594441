import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

/**
 * Prisma's schema engine as WebAssembly, driven through the pg driver adapter: it writes new
 * migrations and checks the committed ones against schema.prisma without the native engine that
 * Prisma's CLI would download. The wasm is the one shipped inside the `prisma` package (the exact
 * engine of this Prisma release); the JS glue comes from @prisma/schema-engine-wasm.
 *
 * Three defects of @prisma/adapter-pg 7.10.1 are worked around here; re-check them on upgrade:
 *  - it cannot map PostgreSQL's internal "char" type (OID 18) used by pg_catalog, so introspection
 *    fails; results are relabelled as text (OID 25), which pg already returns them as;
 *  - connectToShadowDb() lets the connection string's database win over the shadow database's
 *    name, so the "shadow" would be the main database; the shadow is opened by its own URL instead;
 *  - executeScript() splits a migration on every ';', breaking function bodies (the append-only
 *    trigger); the script is sent whole instead.
 */
const require = createRequire(import.meta.url);
const WASM_PATH = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm');
const NO_FILTER = { externalTables: [], externalEnums: [] };

/* eslint-disable @typescript-eslint/no-explicit-any -- the engine's JSON-RPC payloads are untyped */
type Engine = any;
let glue: any;

async function loadEngineModule() {
  if (glue) return glue;
  (globalThis as any).PRISMA_WASM_PANIC_REGISTRY ??= {
    message: '',
    get() {
      return this.message;
    },
    set_message(m: string) {
      this.message = `RuntimeError: ${m}`;
    },
  };
  const mod = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const { instance } = await (globalThis as any).WebAssembly.instantiate(fs.readFileSync(WASM_PATH), { './schema_engine_bg.js': mod });
  mod.__wbg_set_wasm(instance.exports);
  (instance.exports as any).__wbindgen_start?.();
  glue = mod;
  return mod;
}

function relabelCharColumns<T extends { query: (...args: any[]) => any; __charRelabelled?: boolean }>(queryable: T): T {
  if (queryable.__charRelabelled) return queryable;
  const original = queryable.query.bind(queryable);
  const fix = (result: any) => {
    for (const r of Array.isArray(result) ? result : [result]) {
      for (const field of r?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
    }
    return result;
  };
  queryable.query = (...args: any[]) => {
    const callback = typeof args[args.length - 1] === 'function' ? args.pop() : null;
    if (callback) return original(...args, (err: unknown, r: unknown) => callback(err, err ? r : fix(r)));
    const returned = original(...args);
    return returned && typeof returned.then === 'function' ? returned.then(fix) : returned;
  };
  queryable.__charRelabelled = true;
  return queryable;
}

function patchAdapter(adapter: any) {
  const pool = adapter.client;
  relabelCharColumns(pool);
  // Sent whole: PostgreSQL runs a multi-statement script in one simple query, semicolons in
  // function bodies included.
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };
  if (!pool.__connectPatched) {
    const connect = pool.connect.bind(pool);
    pool.connect = (...args: any[]) => (args.length ? connect(...args) : connect().then(relabelCharColumns));
    pool.__connectPatched = true;
  }
  return adapter;
}

class MigrationAdapterFactory extends PrismaPg {
  constructor(private readonly url: string) {
    super({ connectionString: url });
  }
  override async connect() {
    return patchAdapter(await super.connect());
  }
  override async connectToShadowDb() {
    const admin = await super.connect();
    const name = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
    await admin.executeScript(`CREATE DATABASE "${name}"`);
    const url = new URL(this.url);
    url.pathname = `/${name}`;
    const shadow: any = await new PrismaPg({ connectionString: url.toString() }).connect();
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await admin.dispose();
    };
    return patchAdapter(shadow);
  }
}

function listMigrations(migrationsDir: string) {
  const baseDir = path.resolve(migrationsDir);
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const names = fs.existsSync(baseDir)
    ? fs
        .readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

const schemaFiles = (schemaPath: string) => ({
  files: [{ path: path.resolve(schemaPath), content: fs.readFileSync(schemaPath, 'utf8') }],
});

async function withEngine<T>(schemaPath: string, databaseUrl: string, use: (engine: Engine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const engine = await SchemaEngine.new(
    { datamodels: [[path.resolve(schemaPath), fs.readFileSync(schemaPath, 'utf8')]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(databaseUrl)),
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
  }
}

/** SQL that would bring a database built from the committed migrations to schema.prisma; '' when none. */
export function pendingSchemaChanges(schemaPath: string, migrationsDir: string, databaseUrl: string): Promise<string> {
  return withEngine(schemaPath, databaseUrl, async (engine) => {
    const result = await engine.diff({
      from: { tag: 'migrations', ...listMigrations(migrationsDir) },
      to: { tag: 'schemaDatamodel', ...schemaFiles(schemaPath) },
      script: true,
      exitCode: null,
      filters: NO_FILTER,
    });
    return String(result.stdout ?? '')
      .replace(/^-- This is an empty migration\.\s*$/m, '')
      .trim();
  });
}

/** What `prisma migrate dev --create-only` does: writes the next migration; null when nothing changed. */
export function createMigration(schemaPath: string, migrationsDir: string, databaseUrl: string, name: string) {
  return withEngine(schemaPath, databaseUrl, async (engine) => {
    const migrationsList = listMigrations(migrationsDir);
    const diagnostic = await engine.devDiagnostic({ migrationsList, filters: NO_FILTER });
    if (diagnostic.action.tag === 'reset') throw new Error(diagnostic.action.reason);
    const output = await engine.createMigration({
      draft: false,
      migrationName: name,
      migrationsList,
      schema: schemaFiles(schemaPath),
      filters: NO_FILTER,
    });
    if (output.migrationScript == null) return null;
    const dir = path.join(migrationsDir, output.generatedMigrationName);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'migration.sql'), output.migrationScript);
    const lockPath = path.join(migrationsDir, 'migration_lock.toml');
    if (!fs.existsSync(lockPath)) {
      fs.writeFileSync(
        lockPath,
        `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${output.connectorType}"\n`,
      );
    }
    return { name: output.generatedMigrationName as string, sql: output.migrationScript as string };
  });
}
