/**
 * The notice's "four leads" (section Two) as plain rules: what a leader must do each calendar year
 * and how far they are. Pure (no I/O, no imports), so the quota tracker workflow, the activities and
 * the API all use this one definition.
 */

/** What a leader records (the receiving street/park confirms each one). */
export const ACTIVITY_KINDS = ['planning_meeting', 'research_visit', 'opinion_collection', 'party_lecture', 'scheduling'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** What is counted toward a quota: the activities, and public-service projects completed through the ledger (in the notice's order). */
export const QUOTA_ITEMS = [
  'planning_meeting',
  'research_visit',
  'opinion_collection',
  'party_lecture',
  'public_service_project',
  'scheduling',
] as const satisfies ReadonlyArray<ActivityKind | 'public_service_project'>;
export type QuotaItem = (typeof QUOTA_ITEMS)[number];
export type Quotas = Record<QuotaItem, number>;
export type ItemCounts = Record<QuotaItem, number>;

/**
 * The four leads and the items each one needs: planning (a party committee or party group meeting on
 * the work), research (visits to the unit reported to, and a collection of residents' opinions),
 * policy (a party lecture there), helping (a public-service project completed). Taking part in the
 * street/park's scheduling once a year is a separate duty of principal leaders.
 */
export const FOUR_LEADS = {
  planning: ['planning_meeting'],
  research: ['research_visit', 'opinion_collection'],
  policy: ['party_lecture'],
  helping: ['public_service_project'],
} as const satisfies Record<string, readonly QuotaItem[]>;
export type Lead = keyof typeof FOUR_LEADS;
export const LEADS = Object.keys(FOUR_LEADS) as Lead[];

export const LEADER_RANKS = ['principal', 'team_member'] as const;
export type LeaderRank = (typeof LEADER_RANKS)[number];

export type LeaderStanding = {
  /** Minimums that apply: the configured quotas for principal leaders, none for team members. */
  required: ItemCounts;
  done: ItemCounts;
  missing: ItemCounts;
  /** Per lead: all its items done (null: no quota applies). */
  leads: Record<Lead, boolean | null>;
  allFourMet: boolean | null;
  schedulingMet: boolean | null;
  /** Principal leaders with anything missing are behind and are named in reminders. */
  behind: boolean;
};

export const zeroCounts = (): ItemCounts => Object.fromEntries(QUOTA_ITEMS.map((item) => [item, 0])) as ItemCounts;

/** The quotas bind principal leaders; team members' work is counted but owes nothing. */
export function standingOf(rank: LeaderRank, done: ItemCounts, quotas: Quotas): LeaderStanding {
  const bound = rank === 'principal';
  const required = bound ? { ...quotas } : zeroCounts();
  const missing = Object.fromEntries(QUOTA_ITEMS.map((item) => [item, Math.max(0, required[item] - done[item])])) as ItemCounts;
  const leads = Object.fromEntries(
    LEADS.map((lead) => [lead, bound ? FOUR_LEADS[lead].every((item) => missing[item] === 0) : null]),
  ) as Record<Lead, boolean | null>;
  return {
    required,
    done: { ...done },
    missing,
    leads,
    allFourMet: bound ? LEADS.every((lead) => leads[lead]) : null,
    schedulingMet: bound ? missing.scheduling === 0 : null,
    behind: bound && QUOTA_ITEMS.some((item) => missing[item] > 0),
  };
}

/** "1 research visit, 1 party lecture": what a leader still owes, for reminders. */
export function describeMissing(missing: ItemCounts): string {
  const names: Record<QuotaItem, [string, string]> = {
    planning_meeting: ['planning meeting', 'planning meetings'],
    research_visit: ['research visit', 'research visits'],
    opinion_collection: ['collection of residents’ opinions', 'collections of residents’ opinions'],
    party_lecture: ['party lecture', 'party lectures'],
    public_service_project: ['public-service project', 'public-service projects'],
    scheduling: ['scheduling participation', 'scheduling participations'],
  };
  return QUOTA_ITEMS.filter((item) => missing[item] > 0)
    .map((item) => `${missing[item]} ${names[item][missing[item] === 1 ? 0 : 1]}`)
    .join(', ');
}
