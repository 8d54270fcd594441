import type { CaseStatus, Role } from '../api/client.ts';
import type { MessageKey } from '../i18n/zh.ts';

export type QueueName = 'triage' | 'coordination';

/** The work queues: one status in the server's queue order (overdue first, then by deadline), paged like the ledger. */
export const QUEUES: Record<QueueName, { status: CaseStatus; title: MessageKey; role: Role }> = {
  triage: { status: 'district_review', title: 'nav.triage', role: 'district_officer' },
  coordination: { status: 'municipal_coordination', title: 'nav.coordination', role: 'municipal_liaison' },
};

/** The queue a role works through, if it has one (the district's triage inbox, the city's coordination queue). */
export const queueOf = (role: Role) => Object.values(QUEUES).find((queue) => queue.role === role);
