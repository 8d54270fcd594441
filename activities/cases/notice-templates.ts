import type { CaseKind } from '../../model/cases/filing.ts';
import { CASE_GLOSSARY, CASE_KIND_WORDS, LEVEL_WORDS } from '../../model/cases/glossary.ts';
import type { CaseStatus, NoticeKind } from '../../model/cases/lifecycle.ts';
import type { Level } from '../../model/cases/outcome.ts';
import { labelOf } from '../../model/glossary.ts';
import type { Words } from '../../model/lifecycle.ts';

/** Who receives a notice, by their place in the case: resolved to addresses by the activity. */
export type Audience = 'filing_unit' | 'filer' | 'district' | 'municipality' | 'reporter' | 'responsible' | 'above_responsible';

export type NoticeFacts = {
  number: number;
  title: string;
  urgent: boolean;
  kind: CaseKind;
  /** Where the case stands as the mail is written. */
  status: CaseStatus;
  filingUnitName: string;
  districtName: string;
  level: Level;
  dueAt: string | null;
  resolution?: string;
  reason?: string;
};

type RenderedNotice = { subject: string; text: string; audience: Audience[] };

/** "the district level (区级)": a level named in the glossary's words, inside an English sentence. */
const atLevel = (level: Level) => `the ${LEVEL_WORDS[level].en} level (${LEVEL_WORDS[level].zh})`;
const both = (words: Words) => `${labelOf(words, 'en')} / ${words.zh}`;

/** A case notice: what happened, in English, then the case's kind and status as the ledger and the web app name them. */
export function renderNotice(kind: NoticeKind, facts: NoticeFacts): RenderedNotice {
  const notice = whatHappened(kind, facts);
  const standing = `Kind / 类型: ${both(CASE_KIND_WORDS[facts.kind])}\nStatus / 状态: ${both(CASE_GLOSSARY.states[facts.status])}`;
  return { ...notice, text: `${notice.text}\n\n${standing}` };
}

function whatHappened(kind: NoticeKind, facts: NoticeFacts): RenderedNotice {
  const ref = `${facts.urgent ? '[URGENT] ' : ''}Case #${facts.number}`;
  const title = `"${facts.title}"`;
  const due = facts.dueAt ? ` Due: ${facts.dueAt}.` : '';
  switch (kind) {
    case 'case_filed':
      // Sent for urgent filings, which go to the district at once; a regular one waits in the unit's ledger.
      return {
        subject: `${ref} filed: ${facts.title}`,
        text: `${title} was filed by ${facts.filingUnitName}. It is urgent and went straight to ${facts.districtName} for triage.${due}`,
        audience: ['filing_unit', 'filer', 'district'],
      };
    case 'case_submitted':
    case 'case_resubmitted':
      return {
        subject: `${ref} ${kind === 'case_submitted' ? 'submitted' : 'resubmitted'} to ${facts.districtName}: ${facts.title}`,
        text: `${title} from ${facts.filingUnitName} is now with ${facts.districtName} for triage.${due}`,
        audience: ['district', 'filing_unit'],
      };
    case 'case_forwarded':
      return {
        subject: `${ref} forwarded for municipal coordination: ${facts.title}`,
        text: `${facts.districtName} forwarded ${title} from ${facts.filingUnitName} to the municipal organization department.${due}`,
        audience: ['municipality', 'district', 'filing_unit'],
      };
    case 'case_returned':
      return {
        subject: `${ref} returned for more information: ${facts.title}`,
        text: `${facts.districtName} needs more information on ${title}: ${facts.reason ?? ''}\nEdit the case and resubmit it; the deadline is paused meanwhile.`,
        audience: ['filing_unit', 'filer'],
      };
    case 'case_rejected':
      return {
        subject: `${ref} rejected: ${facts.title}`,
        text: `${facts.districtName} rejected ${title}. Reason: ${facts.reason ?? ''}`,
        audience: ['filing_unit', 'filer'],
      };
    case 'case_merged':
      return {
        subject: `${ref} merged into an open case: ${facts.title}`,
        text: `${facts.districtName} merged ${title} into a case already open on the same problem; it will close with that case.`,
        audience: ['filing_unit', 'filer'],
      };
    case 'case_resolved':
      return {
        subject: `${ref} result: ${facts.title}`,
        text: `Result for ${title}: ${facts.resolution ?? ''}\nPlease pass it to the reporter and record their answer (satisfied or not).${due}`,
        audience: ['district', 'filing_unit', 'filer', 'reporter'],
      };
    case 'case_reopened':
      return {
        subject: `${ref} reopened, the reporter is not satisfied: ${facts.title}`,
        text: `The reporter is not satisfied with the result of ${title}: ${facts.reason ?? ''}\nIt is back at ${atLevel(facts.level)}.${due}`,
        audience: ['responsible', 'filing_unit'],
      };
    case 'case_closed':
      return {
        subject: `${ref} closed: ${facts.title}`,
        text: `${title} is closed.${facts.resolution ? ` Result: ${facts.resolution}` : ''}`,
        audience: ['filing_unit', 'filer', 'district'],
      };
    case 'deadline_reminder_50':
    case 'deadline_reminder_75':
      return {
        subject: `${ref} reminder: ${kind.endsWith('50') ? 'half' : 'three quarters'} of the time used: ${facts.title}`,
        text: `${title} is at ${atLevel(facts.level)}.${due}`,
        audience: ['responsible'],
      };
    case 'deadline_overdue':
      return {
        subject: `${ref} OVERDUE at ${atLevel(facts.level)}: ${facts.title}`,
        text: `${title} passed its deadline at ${atLevel(facts.level)}.${due}`,
        audience: ['responsible', 'above_responsible'],
      };
  }
}
