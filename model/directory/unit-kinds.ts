import type { Role } from './roles.ts';

/**
 * The kinds of organisation unit and what each kind does, in one table: where it hangs in the tree,
 * which role its staff hold, and whether it files cases (section Three of the notice), keeps leaders
 * (section Two: the filing units and the district's four leadership bodies) and keeps communities
 * (section Four: street offices and parks, where members and leaders report for service). Every list
 * of kinds in the API, the domain, the activities, the seed and the web derives from it.
 * Pure and free of imports at run time.
 */
export const UNIT_KINDS = [
  'municipality',
  'district',
  'street',
  'park',
  'district_department',
  'garrison_unit',
  'leadership_body',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

type UnitKindRule = {
  /** A unit's parent must be of this kind; null: the root. */
  parent: UnitKind | null;
  /** The role a unit's staff hold (admins work anywhere). */
  staffRole: Exclude<Role, 'admin'>;
  /** It files cases and keeps its own linkage ledger (Annex 3), submitted each half-year. */
  filesCases: boolean;
  /** Its clerk keeps its leaders' records and statistics (Appendix 1 and 2). */
  keepsLeaders: boolean;
  /** It keeps residents' communities: members register and leaders report for service there, and it confirms their service. */
  keepsCommunities: boolean;
};

export const UNIT_KIND_RULES = {
  municipality: { parent: null, staffRole: 'municipal_liaison', filesCases: false, keepsLeaders: false, keepsCommunities: false },
  district: { parent: 'municipality', staffRole: 'district_officer', filesCases: false, keepsLeaders: false, keepsCommunities: false },
  street: { parent: 'district', staffRole: 'street_staff', filesCases: true, keepsLeaders: true, keepsCommunities: true },
  park: { parent: 'district', staffRole: 'street_staff', filesCases: true, keepsLeaders: true, keepsCommunities: true },
  district_department: { parent: 'district', staffRole: 'street_staff', filesCases: true, keepsLeaders: true, keepsCommunities: false },
  garrison_unit: { parent: 'district', staffRole: 'street_staff', filesCases: true, keepsLeaders: true, keepsCommunities: false },
  // One of the district's four leadership bodies (Committee, People's Congress, Government, CPPCC), through its office.
  leadership_body: { parent: 'district', staffRole: 'street_staff', filesCases: false, keepsLeaders: true, keepsCommunities: false },
} as const satisfies Record<UnitKind, UnitKindRule>;

type Flag = 'filesCases' | 'keepsLeaders' | 'keepsCommunities';
const kindsThat = (flag: Flag): UnitKind[] => UNIT_KINDS.filter((kind) => UNIT_KIND_RULES[kind][flag]);

/** Street offices, parks, district departments and garrison units: they file cases and keep a ledger. */
export const FILING_UNIT_KINDS: readonly UnitKind[] = kindsThat('filesCases');
/** The filing units and the district's leadership bodies: their clerks keep leaders. */
export const LEADER_UNIT_KINDS: readonly UnitKind[] = kindsThat('keepsLeaders');
/** Street offices and parks: communities, registrations, and where leaders report for service. */
export const COMMUNITY_UNIT_KINDS: readonly UnitKind[] = kindsThat('keepsCommunities');

/** Plain-string checks, for kinds read from the database or a request. */
export const filesCases = (kind: string) => (FILING_UNIT_KINDS as readonly string[]).includes(kind);
export const keepsLeaders = (kind: string) => (LEADER_UNIT_KINDS as readonly string[]).includes(kind);
export const keepsCommunities = (kind: string) => (COMMUNITY_UNIT_KINDS as readonly string[]).includes(kind);

/** The kind a unit's parent must have (null: it has none). */
export const parentKindOf = (kind: UnitKind): UnitKind | null => UNIT_KIND_RULES[kind].parent;

/** The kinds of unit a role works in: admins anywhere, everyone else in the kinds whose staff hold the role. */
export const unitKindsFor = (role: Role): readonly UnitKind[] =>
  role === 'admin' ? UNIT_KINDS : UNIT_KINDS.filter((kind) => UNIT_KIND_RULES[kind].staffRole === role);
