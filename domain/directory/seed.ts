import { createHash } from 'node:crypto';
import type { Db } from '../../lib/db.ts';
import type { Role } from '../../model/directory/roles.ts';
import type { UnitKind } from '../../model/directory/unit-kinds.ts';
import type { Language } from '../../model/glossary.ts';
import type { Words } from '../../model/lifecycle.ts';
import { hashPassword } from '../auth/passwords.ts';

type UnitSeed = {
  code: string;
  /** Chinese for a district's own install (`npm start`), English where a test reads the names. */
  name: Words;
  kind: UnitKind;
  parent?: string;
  email: string;
  /** The unit's party organization, when it has its own address. */
  partyEmail?: string;
};
type UserSeed = { email: string; displayName: Words; role: Role; unit: string };

/** Stable ids, so demo data and tests can name units without a lookup. */
export const seedId = (code: string) => {
  const hex = createHash('sha256').update(`seed:${code}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const DEMO_UNITS: UnitSeed[] = [
  {
    code: 'CITY',
    name: { zh: '市委组织部', en: 'Municipal Party Committee Organization Department' },
    kind: 'municipality',
    email: 'city-org@ledger.test',
  },
  {
    code: 'DIST',
    name: { zh: '区委组织部', en: 'District Organization Department' },
    kind: 'district',
    parent: 'CITY',
    email: 'district-org@ledger.test',
  },
  {
    code: 'ST-EAST',
    name: { zh: '东街街道办事处', en: 'East Street Office' },
    kind: 'street',
    parent: 'DIST',
    email: 'east-street@ledger.test',
  },
  {
    code: 'ST-WEST',
    name: { zh: '西街街道办事处', en: 'West Street Office' },
    kind: 'street',
    parent: 'DIST',
    email: 'west-street@ledger.test',
  },
  { code: 'PK-EDZ', name: { zh: '经济开发区', en: 'Economic Development Zone' }, kind: 'park', parent: 'DIST', email: 'edz@ledger.test' },
  {
    code: 'PK-RESORT',
    name: { zh: '省级旅游度假区', en: 'Provincial Tourism Resort' },
    kind: 'park',
    parent: 'DIST',
    email: 'resort@ledger.test',
  },
  {
    code: 'PK-RESERVE',
    name: { zh: '山地自然保护区', en: 'Mountain Nature Reserve' },
    kind: 'park',
    parent: 'DIST',
    email: 'reserve@ledger.test',
  },
  { code: 'PK-ECO', name: { zh: '生态工业园区', en: 'Eco-industrial Park' }, kind: 'park', parent: 'DIST', email: 'eco-park@ledger.test' },
  {
    code: 'DEPT-CIVIL',
    name: { zh: '区民政局', en: 'District Civil Affairs Bureau' },
    kind: 'district_department',
    parent: 'DIST',
    email: 'civil-affairs@ledger.test',
    partyEmail: 'civil-affairs-party@ledger.test',
  },
  { code: 'GARRISON', name: { zh: '驻区部队', en: 'Garrison Unit' }, kind: 'garrison_unit', parent: 'DIST', email: 'garrison@ledger.test' },
  // The district's four leadership bodies, each through its office (they keep leaders, file no cases).
  {
    code: 'BODY-COMMITTEE',
    name: { zh: '区委办公室', en: 'District Committee Office' },
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'committee-office@ledger.test',
  },
  {
    code: 'BODY-CONGRESS',
    name: { zh: '区人大常委会办公室', en: 'District People’s Congress Office' },
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'congress-office@ledger.test',
  },
  {
    code: 'BODY-GOVERNMENT',
    name: { zh: '区政府办公室', en: 'District Government Office' },
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'government-office@ledger.test',
  },
  {
    code: 'BODY-CPPCC',
    name: { zh: '区政协办公室', en: 'District CPPCC Office' },
    kind: 'leadership_body',
    parent: 'DIST',
    email: 'cppcc-office@ledger.test',
  },
  {
    code: 'DIST-NORTH',
    name: { zh: '北区区委组织部', en: 'North District Organization Department' },
    kind: 'district',
    parent: 'CITY',
    email: 'north-district@ledger.test',
  },
  {
    code: 'ST-NORTH',
    name: { zh: '北街街道办事处', en: 'North Street Office' },
    kind: 'street',
    parent: 'DIST-NORTH',
    email: 'north-street@ledger.test',
  },
];

export const DEMO_USERS: UserSeed[] = [
  { email: 'east@ledger.test', displayName: { zh: '东街街道工作人员', en: 'East Street clerk' }, role: 'street_staff', unit: 'ST-EAST' },
  { email: 'west@ledger.test', displayName: { zh: '西街街道工作人员', en: 'West Street clerk' }, role: 'street_staff', unit: 'ST-WEST' },
  { email: 'edz@ledger.test', displayName: { zh: '开发区工作人员', en: 'Development Zone clerk' }, role: 'street_staff', unit: 'PK-EDZ' },
  { email: 'north@ledger.test', displayName: { zh: '北街街道工作人员', en: 'North Street clerk' }, role: 'street_staff', unit: 'ST-NORTH' },
  // Unit clerks keep their unit's leaders (the role is the one reporting units' staff have).
  {
    email: 'civil@ledger.test',
    displayName: { zh: '区民政局工作人员', en: 'Civil Affairs Bureau clerk' },
    role: 'street_staff',
    unit: 'DEPT-CIVIL',
  },
  {
    email: 'garrison@ledger.test',
    displayName: { zh: '驻区部队工作人员', en: 'Garrison Unit clerk' },
    role: 'street_staff',
    unit: 'GARRISON',
  },
  {
    email: 'committee-office@ledger.test',
    displayName: { zh: '区委办公室工作人员', en: 'District Committee office clerk' },
    role: 'street_staff',
    unit: 'BODY-COMMITTEE',
  },
  {
    email: 'district@ledger.test',
    displayName: { zh: '区委组织部梳理员', en: 'District triage officer' },
    role: 'district_officer',
    unit: 'DIST',
  },
  {
    email: 'north-district@ledger.test',
    displayName: { zh: '北区区委组织部干部', en: 'North District officer' },
    role: 'district_officer',
    unit: 'DIST-NORTH',
  },
  {
    email: 'city@ledger.test',
    displayName: { zh: '市委组织部联络员', en: 'Municipal liaison officer' },
    role: 'municipal_liaison',
    unit: 'CITY',
  },
  { email: 'admin@ledger.test', displayName: { zh: '系统管理员', en: 'Administrator' }, role: 'admin', unit: 'CITY' },
];

/** Residents' communities of the demo streets and parks, where party members register. */
export const DEMO_COMMUNITIES = [
  { code: 'COMM-EAST-ELM', name: { zh: '榆树路社区', en: 'Elm Road Community' }, unit: 'ST-EAST' },
  { code: 'COMM-EAST-RIVER', name: { zh: '滨河社区', en: 'Riverside Community' }, unit: 'ST-EAST' },
  { code: 'COMM-WEST-PINE', name: { zh: '松山社区', en: 'Pine Hill Community' }, unit: 'ST-WEST' },
  { code: 'COMM-EDZ-TECH', name: { zh: '科技园社区', en: 'Tech Park Community' }, unit: 'PK-EDZ' },
];

/**
 * Inserts the demo tree and users unless the database already has organisation units, named in the
 * district's language (Chinese on a fresh install; the tests read English).
 */
export async function seedDemoData(prisma: Db, password: string, language: Language): Promise<{ seeded: boolean }> {
  if ((await prisma.orgUnit.count()) > 0) return { seeded: false };
  const passwordHash = await hashPassword(password);
  await prisma.$transaction(async (tx) => {
    for (const unit of DEMO_UNITS) {
      await tx.orgUnit.create({
        data: {
          id: seedId(unit.code),
          code: unit.code,
          name: unit.name[language],
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
        displayName: u.displayName[language],
        role: u.role,
        orgUnitId: seedId(u.unit),
        passwordHash,
      })),
    });
    await tx.community.createMany({
      data: DEMO_COMMUNITIES.map((c) => ({ id: seedId(c.code), name: c.name[language], unitId: seedId(c.unit) })),
    });
  });
  return { seeded: true };
}

/** Demo leaders for `npm start` (tests add their own through the API). */
export const DEMO_LEADERS = [
  {
    code: 'DEPT-CIVIL',
    name: { zh: '张敏', en: 'Zhang Min' },
    post: { zh: '局长', en: 'Director' },
    rank: 'principal',
    reportsTo: 'ST-EAST',
  },
  {
    code: 'DEPT-CIVIL',
    name: { zh: '刘洋', en: 'Liu Yang' },
    post: { zh: '副局长', en: 'Deputy Director' },
    rank: 'team_member',
    reportsTo: 'ST-EAST',
  },
  {
    code: 'GARRISON',
    name: { zh: '王军', en: 'Wang Jun' },
    post: { zh: '政治委员', en: 'Political Commissar' },
    rank: 'principal',
    reportsTo: 'PK-EDZ',
  },
  {
    code: 'BODY-COMMITTEE',
    name: { zh: '陈华', en: 'Chen Hua' },
    post: { zh: '区委书记', en: 'Secretary of the District Committee' },
    rank: 'principal',
    reportsTo: 'ST-WEST',
  },
  {
    code: 'BODY-COMMITTEE',
    name: { zh: '赵磊', en: 'Zhao Lei' },
    post: { zh: '区委副书记', en: 'Deputy Secretary' },
    rank: 'team_member',
    reportsTo: 'ST-EAST',
  },
] as const;

/** Inserts the demo leaders unless the database already has leaders. */
export async function seedDemoLeaders(prisma: Db, now: Date, language: Language): Promise<{ seeded: boolean }> {
  if ((await prisma.leader.count()) > 0) return { seeded: false };
  await prisma.leader.createMany({
    data: DEMO_LEADERS.map((l) => ({
      id: seedId(`leader:${l.code}:${l.name.en}`),
      unitId: seedId(l.code),
      name: l.name[language],
      post: l.post[language],
      rank: l.rank,
      reportsToUnitId: seedId(l.reportsTo),
      updatedAt: now,
    })),
  });
  return { seeded: true };
}
