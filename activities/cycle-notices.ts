/** The mails of the semi-annual ledger cycle; pure, so their text is tested without a mail server. */
export type CycleNotice =
  | { kind: 'reminder'; unitIds: string[]; workingDaysLeft: number }
  | { kind: 'late'; unitIds: string[]; day: number }
  | { kind: 'ledger_submitted'; unitId: string; caseCount: number; late: boolean }
  | { kind: 'batch_forwarded'; caseCount: number };

type CycleNoticeFacts = {
  cycle: string;
  /** The cycle's own deadline, the district's date (YYYY-MM-DD) ledgers are due before. */
  deadline: string;
  districtName: string;
};

export function renderCycleNotice(notice: CycleNotice, { cycle, deadline, districtName }: CycleNoticeFacts) {
  switch (notice.kind) {
    case 'reminder':
      return {
        subject: `Linkage ledger ${cycle}: ${notice.workingDaysLeft} working day(s) left to submit`,
        text: `Your unit has not yet submitted its linkage ledger for ${cycle}. Submit it before ${deadline}.`,
      };
    case 'late':
      return {
        subject: `Linkage ledger ${cycle}: OVERDUE (day ${notice.day})`,
        text: `The linkage ledger for ${cycle} was due before ${deadline} and has not been submitted. Submit it now.`,
      };
    case 'ledger_submitted':
      return {
        subject: `Linkage ledger ${cycle} submitted${notice.late ? ' late' : ''}: ${notice.caseCount} case(s)`,
        text: `A unit submitted its linkage ledger for ${cycle} with ${notice.caseCount} case(s).`,
      };
    case 'batch_forwarded':
      return {
        subject: `Linkage ledger ${cycle}: ${notice.caseCount} case(s) forwarded for municipal coordination`,
        text: `${districtName} combed the ledgers of ${cycle} and forwards ${notice.caseCount} case(s) together.`,
      };
  }
}
