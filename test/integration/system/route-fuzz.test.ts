import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import type { RouteDefinition } from '../../../api/route.ts';
import type { Role } from '../../../model/directory/roles.ts';
import { fileAs } from '../../support/case-steps.ts';
import { fieldCount, requestFor, type GeneratedRequest } from '../../support/request-arbitraries.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/**
 * Property: whatever a client sends to any route, as a role allowed to call it, the answer is never
 * a 5xx, and afterwards the ledger and the workflows agree (no workflow stuck without its row).
 * Seeded and bounded: a few requests per declared field of each route, the same ones on every run.
 */
const runsFor = (route: RouteDefinition) => Math.min(24, 6 + 3 * fieldCount(route));
const SEED = 20261125;
const LOGINS: Record<Role, string> = {
  street_staff: 'east@ledger.test',
  district_officer: 'district@ledger.test',
  municipal_liaison: 'city@ledger.test',
  admin: 'admin@ledger.test',
};

let sys: TestSystem;
const tokens = {} as Record<Role, string>;
let knownCaseId: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  for (const [role, email] of Object.entries(LOGINS)) tokens[role as Role] = await sys.login(email);
  knownCaseId = (await fileAs(sys, tokens.street_staff, { urgent: true, title: 'A case for the fuzzer to aim at' })).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

// Logging in and out last: a logout revokes the token the other routes use.
const ordered = [...routes].sort((a, b) => Number(a.path.startsWith('/auth')) - Number(b.path.startsWith('/auth')));

function send(route: RouteDefinition, request: GeneratedRequest, token: string | undefined) {
  // Now and then aim at a case that exists, so the domain and the workflow get past "not found".
  const params: Record<string, string> = {
    ...request.params,
    ...(request.params.id?.length === 36 && request.params.id < '8' ? { id: knownCaseId } : {}),
  };
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  let call = sys.http[route.method](path).query(request.query);
  for (const [name, value] of Object.entries(request.headers)) call = call.set(name, value);
  if (token) call = call.set('Authorization', token);
  if (request.body === undefined) return call;
  if (Buffer.isBuffer(request.body)) return call.send(request.body);
  if (route.formBody) return call.type('form').send(request.body as Record<string, string>);
  return call.type('json').send(JSON.stringify(request.body));
}

describe('every route, fuzzed from its own schemas against the real app and database', () => {
  for (const route of ordered) {
    const role = route.roles?.[0] ?? 'street_staff';
    it(`${route.method.toUpperCase()} ${route.path} never answers 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (request) => {
          const res = await send(route, request, route.authenticated ? tokens[role] : undefined);
          expect(res.status, `${JSON.stringify(request)} -> ${res.status} ${JSON.stringify(res.body)}`).toBeLessThan(500);
        }),
        { seed: SEED, numRuns: runsFor(route), endOnFailure: true },
      );
    });
  }
});
