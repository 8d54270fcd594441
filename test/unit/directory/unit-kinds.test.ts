import { describe, expect, it } from 'vitest';
import { OrgUnitKind } from '../../../generated/prisma/enums.ts';
import { unitView } from '../../../domain/directory/directory.ts';
import { DEMO_UNITS, DEMO_USERS } from '../../../domain/directory/seed.ts';
import {
  COMMUNITY_UNIT_KINDS,
  FILING_UNIT_KINDS,
  LEADER_UNIT_KINDS,
  UNIT_KINDS,
  filesCases,
  parentKindOf,
  unitKindsFor,
} from '../../../model/directory/unit-kinds.ts';

describe('the unit kinds', () => {
  it('are the kinds the database knows', () => {
    expect([...UNIT_KINDS].sort()).toEqual(Object.values(OrgUnitKind).sort());
  });

  it('say which kinds file cases, keep leaders and keep communities', () => {
    // Leadership bodies keep their leaders' statistics but file no cases (section Two vs section Three).
    expect(FILING_UNIT_KINDS).toEqual(['street', 'park', 'district_department', 'garrison_unit']);
    expect(LEADER_UNIT_KINDS).toEqual(['street', 'park', 'district_department', 'garrison_unit', 'leadership_body']);
    expect(COMMUNITY_UNIT_KINDS).toEqual(['street', 'park']);
  });

  it('make one tree: the municipality at the root, districts under it, everything else under a district', () => {
    expect(UNIT_KINDS.filter((kind) => parentKindOf(kind) === null)).toEqual(['municipality']);
    expect(parentKindOf('district')).toBe('municipality');
    for (const kind of UNIT_KINDS.filter((k) => !['municipality', 'district'].includes(k))) expect(parentKindOf(kind)).toBe('district');
  });

  it('say which kinds of unit each role works in', () => {
    expect(unitKindsFor('street_staff')).toEqual([...LEADER_UNIT_KINDS]);
    expect(unitKindsFor('district_officer')).toEqual(['district']);
    expect(unitKindsFor('municipal_liaison')).toEqual(['municipality']);
    expect(unitKindsFor('admin')).toEqual(UNIT_KINDS);
  });

  it('tell the web which units file cases, in the API view of each unit', () => {
    const unit = (kind: (typeof UNIT_KINDS)[number]) => unitView({ id: 'u', code: 'U', name: 'U', kind, parentId: null, email: null });
    expect(unit('leadership_body').filesCases).toBe(false);
    expect(unit('district').filesCases).toBe(false);
    expect(unit('municipality').filesCases).toBe(false);
    expect(unit('street').filesCases).toBe(true);
    expect(unit('garrison_unit').filesCases).toBe(true);
    expect(UNIT_KINDS.filter((kind) => unit(kind).filesCases)).toEqual(FILING_UNIT_KINDS);
    expect(filesCases('leadership_body')).toBe(false);
  });

  it('hold for the demo seed: each unit under a parent of the right kind, each user in a unit of their role', () => {
    const kindOf = new Map(DEMO_UNITS.map((u) => [u.code, u.kind]));
    for (const unit of DEMO_UNITS)
      expect([unit.code, unit.parent ? kindOf.get(unit.parent) : null]).toEqual([unit.code, parentKindOf(unit.kind)]);
    for (const user of DEMO_USERS) expect(unitKindsFor(user.role)).toContain(kindOf.get(user.unit));
    // The demo has a unit of every kind, so every rule above is exercised by `npm start`.
    expect(new Set(kindOf.values())).toEqual(new Set(UNIT_KINDS));
  });
});
