import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { childProcessEnv } from '../lib/config.ts';

// `prisma generate` never runs the schema engine, but Prisma's CLI downloads one unless this
// variable names an existing file; the download fails on machines that reach only package registries.
const placeholderEngine = process.execPath;
const env = childProcessEnv({
  PRISMA_SCHEMA_ENGINE_BINARY: existsSync(placeholderEngine) ? placeholderEngine : undefined,
  PRISMA_HIDE_UPDATE_MESSAGE: '1',
});
const result = spawnSync('npx', ['prisma', 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
