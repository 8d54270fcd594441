import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '../../../model/cases/lifecycle.ts';
import { ALL_SERVICES, categoryOf, open311Status, parseServiceCode, serviceCode, serviceName } from '../../../model/open311/services.ts';

describe('the Open311 service catalogue', () => {
  it('names every kind in every category once, by a code that parses back and has no dot', () => {
    const codes = ALL_SERVICES.map(serviceCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const service of ALL_SERVICES) expect(parseServiceCode(serviceCode(service))).toEqual(service);
    for (const code of codes) expect(code).not.toContain('.');
    expect(parseServiceCode('hard_problem-potholes')).toBeUndefined();
    expect(parseServiceCode('hard_problem-drainage.json')).toBeUndefined();
  });

  it('finds a case’s category by its word in either language and any letter case, else other', () => {
    expect(categoryOf('排水')).toBe('drainage');
    expect(categoryOf(' drainage ')).toBe('drainage');
    expect(categoryOf('Municipal Facilities')).toBe('infrastructure');
    expect(categoryOf('water supply pressure')).toBe('other');
  });

  it('names a service in the district’s language', () => {
    expect(serviceName({ kind: 'hard_problem', category: 'drainage' }, 'zh')).toBe('排水（难点问题）');
    expect(serviceName({ kind: 'unclaimed_project', category: 'other' }, 'en')).toBe('Other (unclaimed public-service project)');
  });

  it('maps the ledger’s statuses onto open and closed: only a case that ended is closed', () => {
    const closed = CASE_STATUSES.filter((s) => open311Status(s) === 'closed');
    expect(closed.sort()).toEqual(['closed', 'rejected']);
  });
});
