/** The mails of the semi-annual ledger cycle; pure, so their text is tested without a mail server. */
export type CycleNotice =
  // `withAppendices`: some of the units owe their leaders' statistics (Appendix 1 and 2), due with the ledger.
  | { kind: 'reminder'; unitIds: string[]; workingDaysLeft: number; withAppendices?: boolean }
  | { kind: 'late'; unitIds: string[]; day: number; withAppendices?: boolean }
  | { kind: 'ledger_submitted'; unitId: string; caseCount: number; late: boolean }
  | { kind: 'batch_forwarded'; caseCount: number };

type CycleNoticeFacts = {
  cycle: string;
  /** The cycle's own deadline, the district's date (YYYY-MM-DD) ledgers are due before. */
  deadline: string;
  districtName: string;
};

const OWED_WITH_APPENDICES = 'its linkage ledger, or (for a unit that keeps leaders) its leaders’ statistics, Appendix 1 and 2,';

export function renderCycleNotice(notice: CycleNotice, { cycle, deadline, districtName }: CycleNoticeFacts) {
  switch (notice.kind) {
    case 'reminder':
      return {
        subject: `Linkage ledger ${cycle}: ${notice.workingDaysLeft} working day(s) left to submit`,
        text: notice.withAppendices
          ? `Your unit has not yet submitted ${OWED_WITH_APPENDICES} for ${cycle}. Submit before ${deadline}.`
          : `Your unit has not yet submitted its linkage ledger for ${cycle}. Submit it before ${deadline}.`,
      };
    case 'late':
      return {
        subject: `Linkage ledger ${cycle}: OVERDUE (day ${notice.day})`,
        text: notice.withAppendices
          ? `Your unit has not submitted ${OWED_WITH_APPENDICES} for ${cycle}, due before ${deadline}. Submit now.`
          : `The linkage ledger for ${cycle} was due before ${deadline} and has not been submitted. Submit it now.`,
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
