import { createHash } from 'node:crypto';
import type { Db } from '../../lib/db.ts';
import type { Role } from '../../model/directory/roles.ts';
import type { UnitKind } from '../../model/directory/unit-kinds.ts';
import { hashPassword } from '../auth/passwords.ts';

type UnitSeed = {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  email: string;
  /** The unit's party organization, when it has its own address. */
  partyEmail?: string;
};
type UserSeed = { email: string; displayName: string; role: Role; unit: string };

/** Stable ids, so demo data and tests can name units without a lookup. */
export const seedId = (code: string) => {
  const hex = createHash('sha256').update(`seed:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const DEMO_UNITS: UnitSeed[] = [
  { code: 'CITY', name: 'Municipal Party Committee Organization Department', kind: 'municipality', email: 'city-org@ledger.test' },
  { code: 'DIST', name: 'District Organization Department', kind: 'district', parent: 'CITY', email: 'district-org@ledger.test' },
  { code: 'ST-EAST', name: 'East Street Office', kind: 'street', parent: 'DIST', email: 'east-street@ledger.test' },
  { code: 'ST-WEST', name: 'West Street Office', kind: 'street', parent: 'DIST', email: 'west-street@ledger.test' },
  { code: 'PK-EDZ', name: 'Economic Development Zone', kind: 'park', parent: 'DIST', email: 'edz@ledger.test' },
  { code: 'PK-RESORT', name: 'Provincial Tourism Resort', kind: 'park', parent: 'DIST', email: 'resort@ledger.test' },
  { code: 'PK-RESERVE', name: 'Mountain Nature Reserve', kind: 'park', parent: 'DIST', email: 'reserve@ledger.test' },
  { code: 'PK-ECO', name: 'Eco-industrial Park', kind: 'park', parent: 'DIST', email: 'eco-park@ledger.test' },
  {
    code: 'DEPT-CIVIL',
    name: 'District Civil Affairs Bureau',
    kind: 'district_department',
    parent: 'DIST',
    email: 'civil-affairs@ledger.test',
    partyEmail: 'civil-affairs-party@ledger.test',
  },
  { code: 'GARRISON', name: 'Garrison Unit', kind: 'garrison_unit', parent: 'DIST', email: 'garrison@ledger.test' },
  // The district's four leadership bodies, each through its office (they keep leaders, file no cases).
  {
    code: 'BODY-COMMITTEE',
    name: 'District Committee Office',
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'committee-office@ledger.test',
  },
  {
    code: 'BODY-CONGRESS',
    name: 'District People’s Congress Office',
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'congress-office@ledger.test',
  },
  {
    code: 'BODY-GOVERNMENT',
    name: 'District Government Office',
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'government-office@ledger.test',
  },
  { code: 'BODY-CPPCC', name: 'District CPPCC Office', kind: 'leadership_body', parent: 'DIST', email: 'cppcc-office@ledger.test' },
  {
    code: 'DIST-NORTH',
    name: 'North District Organization Department',
    kind: 'district',
    parent: 'CITY',
    email: 'north-district@ledger.test',
  },
  { code: 'ST-NORTH', name: 'North Street Office', kind: 'street', parent: 'DIST-NORTH', email: 'north-street@ledger.test' },
];

export const DEMO_USERS: UserSeed[] = [
  { email: 'east@ledger.test', displayName: 'East Street clerk', role: 'street_staff', unit: 'ST-EAST' },
  { email: 'west@ledger.test', displayName: 'West Street clerk', role: 'street_staff', unit: 'ST-WEST' },
  { email: 'edz@ledger.test', displayName: 'Development Zone clerk', role: 'street_staff', unit: 'PK-EDZ' },
  { email: 'north@ledger.test', displayName: 'North Street clerk', role: 'street_staff', unit: 'ST-NORTH' },
  // Unit clerks keep their unit's leaders (the role is the one reporting units' staff have).
  { email: 'civil@ledger.test', displayName: 'Civil Affairs Bureau clerk', role: 'street_staff', unit: 'DEPT-CIVIL' },
  { email: 'garrison@ledger.test', displayName: 'Garrison Unit clerk', role: 'street_staff', unit: 'GARRISON' },
  { email: 'committee-office@ledger.test', displayName: 'District Committee office clerk', role: 'street_staff', unit: 'BODY-COMMITTEE' },
  { email: 'district@ledger.test', displayName: 'District triage officer', role: 'district_officer', unit: 'DIST' },
  { email: 'north-district@ledger.test', displayName: 'North District officer', role: 'district_officer', unit: 'DIST-NORTH' },
  { email: 'city@ledger.test', displayName: 'Municipal liaison officer', role: 'municipal_liaison', unit: 'CITY' },
  { email: 'admin@ledger.test', displayName: 'Administrator', role: 'admin', unit: 'CITY' },
];

/** Residents' communities of the demo streets and parks, where party members register. */
export const DEMO_COMMUNITIES = [
  { code: 'COMM-EAST-ELM', name: 'Elm Road Community', unit: 'ST-EAST' },
  { code: 'COMM-EAST-RIVER', name: 'Riverside Community', unit: 'ST-EAST' },
  { code: 'COMM-WEST-PINE', name: 'Pine Hill Community', unit: 'ST-WEST' },
  { code: 'COMM-EDZ-TECH', name: 'Tech Park Community', unit: 'PK-EDZ' },
];

/** Inserts the demo tree and users unless the database already has organisation units. */
export async function seedDemoData(prisma: Db, password: string): Promise<{ seeded: boolean }> {
  if ((await prisma.orgUnit.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    for (const unit of DEMO_UNITS) {
      await tx.orgUnit.create({
        data: {
          id: seedId(unit.code),
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          email: unit.email,
          partyEmail: unit.partyEmail ?? null,
          parentId: unit.parent ? seedId(unit.parent) : null,
        },
      });
    }
    await tx.user.createMany({
      data: DEMO_USERS.map((u) => ({
        id: seedId(`user:${u.email}`),
        email: u.email,
        displayName: u.displayName,
        role: u.role,
        orgUnitId: seedId(u.unit),
        passwordHash,
      })),
    });
    await tx.community.createMany({ data: DEMO_COMMUNITIES.map((c) => ({ id: seedId(c.code), name: c.name, unitId: seedId(c.unit) })) });
  });
  return { seeded: true };
}

/** Demo leaders for `npm start` (tests add their own through the API). */
export const DEMO_LEADERS = [
  { code: 'DEPT-CIVIL', name: 'Zhang Min', post: 'Director', rank: 'principal', reportsTo: 'ST-EAST' },
  { code: 'DEPT-CIVIL', name: 'Liu Yang', post: 'Deputy Director', rank: 'team_member', reportsTo: 'ST-EAST' },
  { code: 'GARRISON', name: 'Wang Jun', post: 'Political Commissar', rank: 'principal', reportsTo: 'PK-EDZ' },
  { code: 'BODY-COMMITTEE', name: 'Chen Hua', post: 'Secretary of the District Committee', rank: 'principal', reportsTo: 'ST-WEST' },
  { code: 'BODY-COMMITTEE', name: 'Zhao Lei', post: 'Deputy Secretary', rank: 'team_member', reportsTo: 'ST-EAST' },
] as const;

/** Inserts the demo leaders unless the database already has leaders. */
export async function seedDemoLeaders(prisma: Db, now: Date): Promise<{ seeded: boolean }> {
  if ((await prisma.leader.count()) > 0) return { seeded: false };
  await prisma.leader.createMany({
    data: DEMO_LEADERS.map((l) => ({
      id: seedId(`leader:${l.code}:${l.name}`),
      unitId: seedId(l.code),
      name: l.name,
      post: l.post,
      rank: l.rank,
      reportsToUnitId: seedId(l.reportsTo),
      updatedAt: now,
    })),
  });
  return { seeded: true };
}
