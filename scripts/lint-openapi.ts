import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { routes } from '../api/app.ts';
import { buildOpenApi } from '../api/openapi.ts';

// Lints the OpenAPI document GET /openapi.json serves with Spectral's standard ruleset
// (.spectral.yaml): any warning fails, so client generators and API tools get no surprises.
const root = path.join(import.meta.dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'linkage-openapi-'));
const file = path.join(dir, 'openapi.json');
try {
  writeFileSync(file, JSON.stringify(buildOpenApi(routes), null, 2));
  const spectral = path.join(root, 'node_modules', '.bin', 'spectral');
  execFileSync(spectral, ['lint', '--ruleset', path.join(root, '.spectral.yaml'), '--fail-severity', 'warn', file], { stdio: 'inherit' });
} catch (error) {
  process.exitCode = 1;
  if (!(error instanceof Error && 'status' in error)) throw error;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
