import type { Words } from '../lifecycle.ts';

/** Plain domain vocabulary of section Four, shared by the API, activities and exports. */
export const SERVICE_KINDS = ['public_service_project', 'visit', 'volunteer_service', 'problem_reported'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

export const SERVICE_KIND_LABELS: Record<ServiceKind, Words> = {
  public_service_project: { zh: '公益服务项目', en: 'Public-service project' },
  visit: { zh: '走访', en: 'Visit' },
  volunteer_service: { zh: '志愿服务', en: 'Volunteer service' },
  problem_reported: { zh: '反映问题', en: 'Problem reported' },
};

/** What a caller may do to a case's service funds (funding has no states: it is recorded, never changed). */
export const FUNDING_ACTIONS = ['record'] as const;
export type FundingAction = (typeof FUNDING_ACTIONS)[number];

export const NOMINATION_KINDS = ['member', 'branch'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];
/** The notice's "combining form": residents and the organization both recommend. */
export const NOMINATION_SOURCES = ['residents', 'organization'] as const;
export type NominationSource = (typeof NOMINATION_SOURCES)[number];

/** As the July 1 commendation list names them. */
export const NOMINATION_KIND_LABELS: Record<NominationKind, Words> = {
  member: { zh: '优秀共产党员', en: 'Outstanding party member' },
  branch: { zh: '先进党支部', en: 'Outstanding party branch' },
};
export const NOMINATION_SOURCE_LABELS: Record<NominationSource, Words> = {
  residents: { zh: '群众推荐', en: 'Residents' },
  organization: { zh: '组织推荐', en: 'Organization' },
};

/** A `@db.Date` column as the district date it stands for. */
export const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
