import { GLOSSARY } from '../api/generated/vocabulary.ts';

/**
 * Names of the codes the API sends (statuses, steps, kinds, levels, events, unit kinds, roles,
 * phases), from the server's glossary (model/glossary.ts, generated into api/generated/vocabulary.ts
 * at build time): the web keeps no copy, so it names each code as Annex 3 and the mails do.
 */
export type Language = 'zh' | 'en';

const GROUPS = {
  status: GLOSSARY.lifecycles.case.states,
  step: GLOSSARY.lifecycles.case.actions,
  kind: GLOSSARY.caseKinds,
  event: GLOSSARY.caseEvents,
  level: GLOSSARY.levels,
  unitKind: GLOSSARY.unitKinds,
  role: GLOSSARY.roles,
  phase: GLOSSARY.cyclePhases,
  halfYear: GLOSSARY.halfYears,
  exportStatus: GLOSSARY.lifecycles.exportJob.states,
  registration: GLOSSARY.lifecycles.registration.states,
  registrationStep: GLOSSARY.lifecycles.registration.actions,
  serviceRecord: GLOSSARY.lifecycles.serviceRecord.states,
  serviceRecordStep: GLOSSARY.lifecycles.serviceRecord.actions,
  serviceKind: GLOSSARY.serviceKinds,
  organizationState: GLOSSARY.lifecycles.partyOrganization.states,
  organizationStep: GLOSSARY.lifecycles.partyOrganization.actions,
  round: GLOSSARY.lifecycles.round.states,
  roundStep: GLOSSARY.lifecycles.round.actions,
  activityState: GLOSSARY.lifecycles.activityReview.states,
  activityAction: GLOSSARY.lifecycles.activityReview.actions,
  appendixState: GLOSSARY.lifecycles.appendixSubmission.states,
  appendixAction: GLOSSARY.lifecycles.appendixSubmission.actions,
  quotaItem: GLOSSARY.quotaItems,
  leaderRank: GLOSSARY.leaderRanks,
  userAction: GLOSSARY.lifecycles.userAccount.actions,
  apiKeyState: GLOSSARY.lifecycles.open311ApiKey.states,
  apiKeyStep: GLOSSARY.lifecycles.open311ApiKey.actions,
  webhookState: GLOSSARY.lifecycles.webhook.states,
  webhookStep: GLOSSARY.lifecycles.webhook.actions,
  deliveryState: GLOSSARY.lifecycles.webhookDelivery.states,
  deliveryStep: GLOSSARY.lifecycles.webhookDelivery.actions,
  webhookEvent: GLOSSARY.webhookEvents,
  webhookFormat: GLOSSARY.webhookFormats,
} as const;
export type WordGroup = keyof typeof GROUPS;

/** A code's name in a language; a code the glossary does not know (a newer server) shows as it is. */
export function wordOf(group: WordGroup, code: string, language: Language): string {
  const words: Record<string, { zh: string; en: string }> = GROUPS[group];
  return words[code]?.[language] ?? code;
}

/** The codes of a group, in the glossary's order (the kinds a filter or a form offers). */
export const codesOf = <G extends WordGroup>(group: G) => Object.keys(GROUPS[group]) as Array<keyof (typeof GROUPS)[G] & string>;
