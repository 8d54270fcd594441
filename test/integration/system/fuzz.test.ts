import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lib/config.ts';
import { ensureSchemathesis } from '../../support/python-tools.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// Schemathesis reads /openapi.json and throws generated requests (valid and invalid) at every
// operation, as each role: the API must never answer 5xx, and every answer must match the document.
let sys: TestSystem;
let server: { url: string; close(): Promise<void> };
let schemathesis: string;
const ROLES = ['east@ledger.test', 'district@ledger.test', 'city@ledger.test', 'admin@ledger.test'];
/** Signed in before any fuzzing: the fuzzed login attempts count against this address and are throttled. */
const tokens = new Map<string, string>();

beforeAll(async () => {
  const config = loadConfig();
  const command = ensureSchemathesis(config.cacheDir, config.testing.schemathesisVersion);
  if (!command) throw new Error('schemathesis needs python3 (with venv) on this machine');
  schemathesis = command;
  sys = await startTestSystem(import.meta.filename);
  server = await sys.listen();
  for (const email of ROLES) tokens.set(email, await sys.login(email));
});
afterEach(() => sys.assertReconciled());
afterAll(async () => {
  await server?.close();
  await sys?.stop();
});

type Run = { code: number | null; output: string; junit: string };

function fuzz(token: string, seed: number): Promise<Run> {
  const reportDir = mkdtempSync(path.join(tmpdir(), 'schemathesis-'));
  const junitPath = path.join(reportDir, 'junit.xml');
  const args = [
    'run',
    `${server.url}/openapi.json`,
    '--checks',
    'not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance',
    '--header',
    `Authorization: ${token}`,
    // Logging out would revoke the very token the run uses.
    '--exclude-path',
    '/auth/logout',
    '--phases',
    'examples,coverage,fuzzing',
    '--max-examples',
    '8',
    '--seed',
    String(seed),
    '--workers',
    '1',
    '--generation-database',
    'none',
    // POST /cases has a wide body (the filing) beside a patterned Idempotency-Key header; Hypothesis then
    // throws away more drawn examples than its health check allows, which says nothing about the API.
    '--suppress-health-check',
    'filter_too_much',
    '--request-timeout',
    '30',
    '--no-color',
    '--report',
    'junit',
    '--report-junit-path',
    junitPath,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(schemathesis, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      let junit = '';
      try {
        junit = readFileSync(junitPath, 'utf8');
      } catch {
        // No report: the output says why.
      }
      resolve({ code, output, junit });
    });
  });
}

describe('the OpenAPI document, fuzzed', () => {
  for (const [index, email] of ROLES.entries()) {
    it(`holds for ${email}: no server error, every answer as documented`, { timeout: 600_000 }, async () => {
      const run = await fuzz(tokens.get(email)!, 1000 + index);
      // The run really exercised the API: the report lists the operations it tested.
      expect((run.junit.match(/<testcase /g) ?? []).length, run.output.slice(-3000)).toBeGreaterThan(20);
      // On failure, show what schemathesis found (its FAILURES and ERRORS sections), not only its summary.
      const findings = /=+ (?:ERRORS|FAILURES) =+[\s\S]*?(?==+ WARNINGS =+|=+ SUMMARY =+)/.exec(run.output)?.[0] ?? run.output.slice(-6000);
      expect(run.code, findings.slice(0, 12000)).toBe(0);
    });
  }
});
