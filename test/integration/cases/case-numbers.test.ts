import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/**
 * People quote a case by its number ("第 12 号问题"): numbers follow one another with no gaps, however
 * many events each case's projection writes (issue 20: #5 was followed by #21).
 */
let sys: TestSystem;
let east: string, west: string, district: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  [east, west, district] = await Promise.all([
    sys.login('east@ledger.test'),
    sys.login('west@ledger.test'),
    sys.login('district@ledger.test'),
  ]);
});
afterAll(() => sys?.stop());

describe('case numbers', () => {
  it('are consecutive across units, after each case has moved through several steps', async () => {
    const first = await fileAs(sys, east, { urgent: true });
    // Each step projects another event onto the case's row.
    await stepOk(sys, district, first.id, 'take');
    await stepOk(sys, district, first.id, 'release');
    await stepOk(sys, district, first.id, 'return', { questions: 'Which lamps exactly?' });
    const second = await fileAs(sys, west, { urgent: true });
    await stepOk(sys, district, second.id, 'take');
    const third = await fileAs(sys, east);
    const numbers = [first.number, second.number, third.number];
    expect(numbers).toEqual([first.number, first.number + 1, first.number + 2]);
  });
});
