import { randomUUID } from 'node:crypto';
import type { Role } from '../../model/directory/roles.ts';

export const filing = (overrides: Record<string, unknown> = {}) => ({
  kind: 'hard_problem',
  urgent: false,
  title: 'Street lights out on Elm Road',
  description: 'Six street lights have been dark for a month.',
  category: 'infrastructure',
  location: 'Elm Road 1-40',
  // Long past, so it is never "in the future" whatever date a (faked) clock shows.
  foundOn: '2024-11-01',
  triedLocally: 'Called the utility company twice.',
  helpNeeded: 'Municipal coordination with the utility.',
  reporter: { name: 'Li Wei', email: 'li.wei@example.test' },
  ...overrides,
});

export const newKey = () => `key-${randomUUID()}`;

/** The smallest valid PNG: a 1x1 transparent pixel. */
export const PNG_BYTES = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082',
  'hex',
);

/** Users who must not reach East Street's data, whatever their role. */
export const OUTSIDERS_OF_EAST: Array<{ email: string; role: Role }> = [
  { email: 'west@ledger.test', role: 'street_staff' },
  { email: 'north@ledger.test', role: 'street_staff' },
  { email: 'north-district@ledger.test', role: 'district_officer' },
  { email: 'city@ledger.test', role: 'municipal_liaison' },
];
