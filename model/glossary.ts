import type { LifecycleWords, Words } from './lifecycle.ts';
import type { LIFECYCLES, LifecycleName } from './lifecycles.ts';
import { CASE_EVENT_WORDS, CASE_GLOSSARY, CASE_KIND_WORDS, LEVEL_WORDS } from './cases/glossary.ts';
import { CYCLE_PHASE_WORDS, HALF_YEAR_WORDS } from './cycle/glossary.ts';
import { ROLE_WORDS, UNIT_KIND_WORDS, USER_ACCOUNT_GLOSSARY } from './directory/glossary.ts';
import { DOWNLOAD_WORDS, EXPORT_JOB_GLOSSARY } from './exports/glossary.ts';
import { ACTIVITY_REVIEW_GLOSSARY, APPENDIX_SUBMISSION_GLOSSARY, LEADER_RANK_WORDS, QUOTA_ITEM_WORDS } from './leaders/glossary.ts';
import { API_KEY_GLOSSARY } from './open311/glossary.ts';
import { DELIVERY_GLOSSARY, WEBHOOK_EVENT_WORDS, WEBHOOK_FORMAT_WORDS, WEBHOOK_GLOSSARY } from './webhooks/glossary.ts';
import { ORGANIZATION_GLOSSARY, RECORD_GLOSSARY, REGISTRATION_GLOSSARY, ROUND_GLOSSARY } from './party/glossary.ts';
import { SERVICE_KIND_LABELS } from './party/vocabulary.ts';

/**
 * The one glossary: every name people read for a code the system keeps (statuses, steps, kinds,
 * levels, events, unit kinds, roles, phases), in Chinese and English. Each feature keeps its words in
 * its own `model/<feature>/glossary.ts`; this module gathers them. Annex 3 and the other exports,
 * the mails and the web app (a copy generated at build time, see tools/web-build.ts) all name codes
 * from here, so they cannot drift apart.
 *
 * English is written as it reads inside a sentence ("district review"); `labelOf` gives the form
 * that stands alone on a label, a cell or a button ("District review").
 */
export type Language = 'zh' | 'en';

type StatesOf<L> = L extends { states: readonly (infer S extends string)[] } ? S : never;
type ActionsOf<L> = L extends { actions: readonly (infer A extends string)[] } ? A : never;

/** The words of every registered lifecycle (model/lifecycles.ts): tsc fails when a table has a state or step without them. */
export const LIFECYCLE_WORDS = {
  case: CASE_GLOSSARY,
  activityReview: ACTIVITY_REVIEW_GLOSSARY,
  appendixSubmission: APPENDIX_SUBMISSION_GLOSSARY,
  round: ROUND_GLOSSARY,
  registration: REGISTRATION_GLOSSARY,
  serviceRecord: RECORD_GLOSSARY,
  partyOrganization: ORGANIZATION_GLOSSARY,
  exportJob: EXPORT_JOB_GLOSSARY,
  open311ApiKey: API_KEY_GLOSSARY,
  webhook: WEBHOOK_GLOSSARY,
  webhookDelivery: DELIVERY_GLOSSARY,
  userAccount: USER_ACCOUNT_GLOSSARY,
} as const satisfies { [K in LifecycleName]: LifecycleWords<StatesOf<(typeof LIFECYCLES)[K]>, ActionsOf<(typeof LIFECYCLES)[K]>> };

export const GLOSSARY = {
  lifecycles: LIFECYCLE_WORDS,
  caseKinds: CASE_KIND_WORDS,
  levels: LEVEL_WORDS,
  caseEvents: CASE_EVENT_WORDS,
  unitKinds: UNIT_KIND_WORDS,
  roles: ROLE_WORDS,
  cyclePhases: CYCLE_PHASE_WORDS,
  halfYears: HALF_YEAR_WORDS,
  quotaItems: QUOTA_ITEM_WORDS,
  leaderRanks: LEADER_RANK_WORDS,
  serviceKinds: SERVICE_KIND_LABELS,
  downloads: DOWNLOAD_WORDS,
  webhookEvents: WEBHOOK_EVENT_WORDS,
  webhookFormats: WEBHOOK_FORMAT_WORDS,
} as const;

/** Several words in one phrase, each language with its own joiner ("街道或园区", "street or park"). */
export const joinWords = (list: readonly Words[], joiner: Words = { zh: '或', en: ' or ' }): Words => ({
  zh: list.map((words) => words.zh).join(joiner.zh),
  en: list.map((words) => words.en).join(joiner.en),
});

/** A word as it stands alone (a label, a table cell, a button): English begins with a capital. */
export const labelOf = (words: Words, language: Language): string =>
  language === 'zh' ? words.zh : words.en.charAt(0).toUpperCase() + words.en.slice(1);
