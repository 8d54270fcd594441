import { describe, expect, it } from 'vitest';
import { DEMO_COMMUNITIES, DEMO_LEADERS, DEMO_UNITS, DEMO_USERS } from '../../../domain/directory/seed.ts';
import { DEMO_BRANCHES, DEMO_MEMBERS } from '../../../domain/party/demo-seed.ts';

// The demo tree is merged from several features' additions: a repeated entry fails the first `npm start`.
describe('the demo seed', () => {
  it('names each unit and each user once, and puts every user in a unit of the tree', () => {
    const codes = DEMO_UNITS.map((u) => u.code);
    const emails = DEMO_USERS.map((u) => u.email);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(emails).size).toBe(emails.length);
    expect(DEMO_USERS.filter((u) => !codes.includes(u.unit))).toEqual([]);
  });

  it('names everything in Chinese for a district’s first run, with the English the tests read beside it', () => {
    const names = [
      ...DEMO_UNITS.map((u) => u.name),
      ...DEMO_USERS.map((u) => u.displayName),
      ...DEMO_COMMUNITIES.map((c) => c.name),
      ...DEMO_LEADERS.flatMap((l) => [l.name, l.post]),
      ...DEMO_BRANCHES.map((b) => b.name),
      ...DEMO_MEMBERS.map((m) => m.name),
    ];
    const han = /^[\u4e00-\u9fff（）]+$/u;
    expect(names.filter((words) => !han.test(words.zh))).toEqual([]);
    expect(names.filter((words) => !/^[A-Za-z][A-Za-z’ -]+$/.test(words.en))).toEqual([]);
  });
});
