import type { Client } from '@temporalio/client';
import type { AuthenticatedUser } from '../../domain/auth.ts';
import { fileCase, performCaseAction } from '../../domain/cases.ts';
import type { Db } from '../../lib/db.ts';
import type { CaseFiling, DeadlinePolicy } from '../../workflows/definitions.ts';

/**
 * Each scenario drives one path of a case through the real domain functions and returns the case id
 * whose workflow history is recorded under test/replay/histories/<name>.json.
 */
export type ScenarioDeps = { prisma: Db; temporal: Client; policy: DeadlinePolicy; users: Record<string, AuthenticatedUser> };
export type Scenario = { name: string; run(deps: ScenarioDeps): Promise<string> };

const baseFiling: CaseFiling = {
  kind: 'hard_problem',
  urgent: false,
  title: 'Street lights out on Elm Road',
  description: 'Six street lights have been dark for a month.',
  category: 'infrastructure',
  location: 'Elm Road 1-40',
  foundOn: '2026-11-01',
  triedLocally: 'Called the utility company twice.',
  helpNeeded: 'Municipal coordination with the utility.',
  reporter: { name: 'Li Wei', email: 'li.wei@example.test' },
};

const user = (deps: ScenarioDeps, email: string) => {
  const found = deps.users[email];
  if (!found) throw new Error(`no seeded user ${email}`);
  return found;
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'urgent-filing',
    async run(deps) {
      const { case: filed } = await fileCase(deps, user(deps, 'east@ledger.test'), { ...baseFiling, urgent: true }, 'replay-urgent');
      return filed.id;
    },
  },
  {
    name: 'regular-filing-submitted',
    async run(deps) {
      const east = user(deps, 'east@ledger.test');
      const { case: filed } = await fileCase(deps, east, baseFiling, 'replay-regular');
      await performCaseAction(deps, east, filed.id, 'submit', { comment: 'ready for the district' });
      return filed.id;
    },
  },
];
