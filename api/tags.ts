/**
 * The OpenAPI tags: one per feature, the same word as the feature's folder in every layer
 * (`api/<tag>/`, `domain/<tag>/`, `web/src/<tag>/` ...), so a client's generated modules line up
 * with the code. Every route names one of them; the document declares them all with these texts.
 */
export const API_TAGS = {
  cases: 'Filing a case, reading it with its history, taking the steps of its transition table, look-alikes and attachments.',
  bulk: 'Bulk steps: one step applied to many selected cases, each case as its own Update with its own outcome, as a workflow with progress.',
  cycle: 'The half-year cycles: opening them, each unit’s ledger submission before 26 June / 26 December, the district summary.',
  leaders:
    'Leaders’ “four leads”: leaders and their activities, the confirmations by the street/park, claimed public-service projects, Appendix 1 and 2 and their submissions.',
  party:
    'Party members reporting to their community: communities, branches, registrations, service records, the yearly feedback to home units, recommendation rounds, commendations and service funds.',
  exports: 'The linkage ledger (Annex 3) as CSV or XLSX: streamed at once, or as a queued export job to download later.',
  statistics: 'Figures per filing unit for a period, and the cases of a repeated problem.',
  directory: 'The organisation tree and the user accounts.',
  calendar: 'The working-day calendar (public holidays and make-up working days) that deadlines count on.',
  auth: 'Signing in for a bearer token that expires, and signing out.',
  webhooks:
    'Outbound webhooks: what the ledger tells another system or a WeCom / DingTalk group about a unit’s or district’s cases, cycle deadlines and confirmations, each delivery visible and sent again on request.',
  open311:
    'Open311 GeoReport v2 under /open311/v2 (services, service definitions, requests; JSON or XML, the spec’s errors) and the api_keys administrators issue to other systems for an org unit.',
  system: 'Health, this document, the settings a client presents data with, and the development mailbox.',
} as const satisfies Record<string, string>;

export type ApiTag = keyof typeof API_TAGS;
