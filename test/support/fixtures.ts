import { randomUUID } from 'node:crypto';

export const filing = (overrides: Record<string, unknown> = {}) => ({
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
  ...overrides,
});

export const newKey = () => `key-${randomUUID()}`;
