import type { Language } from '../../model/glossary.ts';
import type { Words } from '../../model/lifecycle.ts';
import type { ServiceKind } from '../../model/party/vocabulary.ts';
import { districtDateOf, districtToday } from '../../lib/district-time.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { seedId } from '../directory/seed.ts';
import { nominate, openRound, roundStep } from './rounds.ts';
import type { PartyDeps } from './scope.ts';

// Section Four's demo data for `npm start` (tests register their own through the API): party branches of
// two home units, a dozen members registered across two streets, service records in several states,
// and the year's 15 % round of East Street in progress. Named in the district's language.

/** Party branches of the demo home units. */
export const DEMO_BRANCHES = [
  { code: 'BR-CIVIL-1', unit: 'DEPT-CIVIL', name: { zh: '民政局机关第一党支部', en: 'Civil Affairs Bureau First Branch' } },
  { code: 'BR-CIVIL-2', unit: 'DEPT-CIVIL', name: { zh: '民政局机关第二党支部', en: 'Civil Affairs Bureau Second Branch' } },
  { code: 'BR-GARRISON', unit: 'GARRISON', name: { zh: '驻区部队机关党支部', en: 'Garrison Unit Office Branch' } },
] as const;

type HomeUnit = 'DEPT-CIVIL' | 'GARRISON';
type DemoMember = {
  number: string;
  name: Words;
  branch: (typeof DEMO_BRANCHES)[number]['code'];
  community: string;
  /** Registered by its home unit and not yet accepted by the community's street. */
  pending?: boolean;
  /** Where the member lived before moving to `community` (the old registration stays, ended). */
  movedFrom?: string;
};

/** A dozen members of the Civil Affairs Bureau and the Garrison Unit, living in East and West Street's communities. */
export const DEMO_MEMBERS: DemoMember[] = [
  { number: 'DM-0001', name: { zh: '李娜', en: 'Li Na' }, branch: 'BR-CIVIL-1', community: 'COMM-EAST-ELM' },
  { number: 'DM-0002', name: { zh: '王芳', en: 'Wang Fang' }, branch: 'BR-CIVIL-1', community: 'COMM-EAST-ELM' },
  { number: 'DM-0003', name: { zh: '张伟', en: 'Zhang Wei' }, branch: 'BR-GARRISON', community: 'COMM-EAST-ELM' },
  { number: 'DM-0004', name: { zh: '刘强', en: 'Liu Qiang' }, branch: 'BR-CIVIL-2', community: 'COMM-EAST-ELM', pending: true },
  { number: 'DM-0005', name: { zh: '陈静', en: 'Chen Jing' }, branch: 'BR-CIVIL-2', community: 'COMM-EAST-RIVER' },
  { number: 'DM-0006', name: { zh: '杨帆', en: 'Yang Fan' }, branch: 'BR-GARRISON', community: 'COMM-EAST-RIVER' },
  { number: 'DM-0007', name: { zh: '赵敏', en: 'Zhao Min' }, branch: 'BR-CIVIL-1', community: 'COMM-EAST-RIVER' },
  { number: 'DM-0008', name: { zh: '黄磊', en: 'Huang Lei' }, branch: 'BR-GARRISON', community: 'COMM-EAST-RIVER' },
  { number: 'DM-0009', name: { zh: '周婷', en: 'Zhou Ting' }, branch: 'BR-CIVIL-1', community: 'COMM-WEST-PINE' },
  { number: 'DM-0010', name: { zh: '吴昊', en: 'Wu Hao' }, branch: 'BR-GARRISON', community: 'COMM-WEST-PINE' },
  { number: 'DM-0011', name: { zh: '徐丽', en: 'Xu Li' }, branch: 'BR-CIVIL-2', community: 'COMM-WEST-PINE', pending: true },
  {
    number: 'DM-0012',
    name: { zh: '孙杰', en: 'Sun Jie' },
    branch: 'BR-GARRISON',
    community: 'COMM-WEST-PINE',
    movedFrom: 'COMM-EAST-RIVER',
  },
];

/** Service records: by the community's street (confirmed), or by the home unit (`byHomeUnit`: awaiting the street's confirmation). */
export const DEMO_SERVICE_RECORDS: Array<{
  member: string;
  kind: ServiceKind;
  daysAgo: number;
  hours: number;
  account: Words;
  byHomeUnit?: boolean;
}> = [
  {
    member: 'DM-0001',
    kind: 'volunteer_service',
    daysAgo: 40,
    hours: 3,
    account: { zh: '协助社区开展垃圾分类宣传', en: 'Helped the community explain waste sorting' },
  },
  {
    member: 'DM-0002',
    kind: 'visit',
    daysAgo: 33,
    hours: 2,
    account: { zh: '走访慰问独居老人', en: 'Visited elderly residents living alone' },
  },
  {
    member: 'DM-0003',
    kind: 'problem_reported',
    daysAgo: 26,
    hours: 1,
    account: { zh: '反映小区路灯损坏问题', en: 'Reported broken street lights in the estate' },
  },
  {
    member: 'DM-0005',
    kind: 'public_service_project',
    daysAgo: 19,
    hours: 4,
    account: { zh: '参与滨河步道整治', en: 'Took part in repairing the riverside path' },
    byHomeUnit: true,
  },
  {
    member: 'DM-0007',
    kind: 'volunteer_service',
    daysAgo: 12,
    hours: 2.5,
    account: { zh: '社区核酸点志愿服务', en: 'Volunteered at the community service point' },
    byHomeUnit: true,
  },
  { member: 'DM-0009', kind: 'visit', daysAgo: 21, hours: 2, account: { zh: '走访困难家庭', en: 'Visited families in hardship' } },
  {
    member: 'DM-0010',
    kind: 'volunteer_service',
    daysAgo: 9,
    hours: 3,
    account: { zh: '协助松山社区文明创建', en: 'Helped Pine Hill Community’s civic campaign' },
    byHomeUnit: true,
  },
];

const HOME_UNIT_OF_BRANCH = Object.fromEntries(DEMO_BRANCHES.map((b) => [b.code, b.unit])) as Record<string, HomeUnit>;
const STREET_OF_COMMUNITY: Record<string, string> = {
  'COMM-EAST-ELM': 'ST-EAST',
  'COMM-EAST-RIVER': 'ST-EAST',
  'COMM-WEST-PINE': 'ST-WEST',
};
const CLERK_OF_UNIT: Record<string, string> = {
  'ST-EAST': 'east@ledger.test',
  'ST-WEST': 'west@ledger.test',
  'DEPT-CIVIL': 'civil@ledger.test',
  GARRISON: 'garrison@ledger.test',
};
const clerkId = (unit: string) => seedId(`user:${CLERK_OF_UNIT[unit]!}`);
const DAY_MS = 86_400_000;

/**
 * Inserts the demo branches, members, registrations and service records unless the database already
 * has party members, then opens East Street's round of the year with two nominations shortlisted (one
 * more than its quota, so the board shows what submitting would refuse). Needs a worker for the round.
 */
export async function seedDemoParty(deps: PartyDeps, language: Language): Promise<{ seeded: boolean }> {
  if ((await deps.prisma.partyMember.count()) > 0) return { seeded: false };
  const now = deps.clock.now();
  const offset = deps.settings.feedback.utcOffsetMinutes;
  const daysAgo = (days: number) => new Date(`${districtDateOf(new Date(now.getTime() - days * DAY_MS), offset)}T00:00:00Z`);
  const registrationOf = (member: DemoMember) => seedId(`registration:${member.number}:${member.community}`);
  await deps.prisma.$transaction(async (tx) => {
    await tx.partyBranch.createMany({
      data: DEMO_BRANCHES.map((b) => ({ id: seedId(b.code), unitId: seedId(b.unit), name: b.name[language] })),
    });
    for (const member of DEMO_MEMBERS) {
      const homeUnit = HOME_UNIT_OF_BRANCH[member.branch]!;
      const memberId = seedId(`member:${member.number}`);
      await tx.partyMember.create({
        data: {
          id: memberId,
          memberNumber: member.number,
          name: member.name[language],
          homeUnitId: seedId(homeUnit),
          branchId: seedId(member.branch),
          contact: `139${member.number.slice(-4)}5678`,
          createdByUserId: clerkId(homeUnit),
        },
      });
      const registration = (community: string, status: 'pending' | 'active' | 'ended', from: number, to?: number) => {
        const street = STREET_OF_COMMUNITY[community]!;
        const registeredBy = status === 'pending' ? clerkId(homeUnit) : clerkId(street);
        return {
          id: seedId(`registration:${member.number}:${community}`),
          memberId,
          communityId: seedId(community),
          unitId: seedId(street),
          status,
          registeredOn: daysAgo(from),
          endedOn: to === undefined ? null : daysAgo(to),
          openMemberId: status === 'ended' ? null : memberId,
          submittedByUserId: registeredBy,
          acceptedByUserId: status === 'pending' ? null : clerkId(street),
          acceptedAt: status === 'pending' ? null : daysAgo(from),
        };
      };
      if (member.movedFrom) await tx.memberRegistration.create({ data: registration(member.movedFrom, 'ended', 300, 60) });
      await tx.memberRegistration.create({
        data: registration(member.community, member.pending ? 'pending' : 'active', member.movedFrom ? 60 : 200),
      });
    }
    for (const [n, record] of DEMO_SERVICE_RECORDS.entries()) {
      const member = DEMO_MEMBERS.find((m) => m.number === record.member)!;
      const street = STREET_OF_COMMUNITY[member.community]!;
      const recordedBy = record.byHomeUnit ? HOME_UNIT_OF_BRANCH[member.branch]! : street;
      await tx.serviceRecord.create({
        data: {
          id: seedId(`record:${n}`),
          memberId: seedId(`member:${member.number}`),
          registrationId: registrationOf(member),
          unitId: seedId(street),
          kind: record.kind,
          servedOn: daysAgo(record.daysAgo),
          hours: record.hours,
          account: record.account[language],
          confirmed: !record.byHomeUnit,
          recordedByUserId: clerkId(recordedBy),
          recordedByUnitId: seedId(recordedBy),
          confirmedByUserId: record.byHomeUnit ? null : clerkId(street),
          confirmedAt: record.byHomeUnit ? null : daysAgo(record.daysAgo),
        },
      });
    }
  });
  await seedDemoRound(deps, Number(districtToday(deps.clock, offset).slice(0, 4)), language);
  return { seeded: true };
}

/** East Street's round of the year: one member nominated by the residents, one by the organization, both shortlisted. */
async function seedDemoRound(deps: PartyDeps, year: number, language: Language) {
  const email = CLERK_OF_UNIT['ST-EAST']!;
  const clerk = await deps.prisma.user.findUniqueOrThrow({ where: { email } });
  const user: AuthenticatedUser = { id: clerk.id, email, displayName: clerk.displayName, role: clerk.role, orgUnitId: clerk.orgUnitId };
  const east = seedId('ST-EAST');
  await openRound(deps, user, year);
  const nominees = [
    {
      number: 'DM-0001',
      source: 'residents',
      reason: { zh: '长期参与社区志愿服务，群众认可', en: 'Years of volunteer work the residents value' },
    },
    { number: 'DM-0005', source: 'organization', reason: { zh: '带头参与滨河步道整治', en: 'Led the repair of the riverside path' } },
  ] as const;
  for (const nominee of nominees) {
    const subjectId = seedId(`member:${nominee.number}`);
    await nominate(deps, user, year, east, { kind: 'member', subjectId, source: nominee.source, reason: nominee.reason[language] });
  }
  await roundStep(deps, user, year, east, 'shortlist', { subjectKeys: nominees.map((n) => `member:${seedId(`member:${n.number}`)}`) });
}
