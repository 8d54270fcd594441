/**
 * What an entry of the personal-information access log records: a reporter's contact shown whole
 * (the case), a member's contact shown whole (the member), an export of the ledger (its job, if any).
 */
export const PERSONAL_DATA_ACCESS_KINDS = ['case_reporter', 'member_contact', 'ledger_export'] as const;
export type PersonalDataAccessKind = (typeof PERSONAL_DATA_ACCESS_KINDS)[number];
