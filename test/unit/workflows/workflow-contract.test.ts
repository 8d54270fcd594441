import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Workflows } from '../../../workflows/definitions.ts';
import * as registered from '../../../workflows/index.ts';

// Callers start workflows by name with the contract's types (definitions.ts), never importing
// workflow code; this is where the contract and the code the worker registers must agree.
describe('the workflow contract', () => {
  it('names exactly the workflows the worker registers, with their signatures', () => {
    // A type assertion: `npm run typecheck` fails here when a workflow is missing, extra or changed.
    expectTypeOf(registered).toEqualTypeOf<Workflows>();
    const exported = Object.entries(registered);
    expect(exported.length).toBeGreaterThan(0);
    // The worker registers each export by its name; Temporal records the function's own name.
    for (const [name, workflow] of exported) expect([name, typeof workflow, workflow.name]).toEqual([name, 'function', name]);
  });
});
