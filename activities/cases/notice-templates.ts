import type { CaseKind } from '../../model/cases/filing.ts';
import { CASE_GLOSSARY, CASE_KIND_WORDS, LEVEL_WORDS } from '../../model/cases/glossary.ts';
import type { CaseStatus, NoticeKind } from '../../model/cases/lifecycle.ts';
import type { Level } from '../../model/cases/outcome.ts';
import { labelOf, type Language } from '../../model/glossary.ts';

/** Who receives a notice, by their place in the case: resolved to addresses by the activity. */
export type Audience = 'filing_unit' | 'filer' | 'district' | 'municipality' | 'reporter' | 'responsible' | 'above_responsible';

export type NoticeFacts = {
  number: number;
  title: string;
  urgent: boolean;
  kind: CaseKind;
  /** Where the case stands as the mail is written. */
  status: CaseStatus;
  /** The units' names as they are when the mail is written (a renamed unit under its new name). */
  filingUnitName: string;
  districtName: string | undefined;
  level: Level;
  dueAt: string | null;
  resolution?: string;
  reason?: string;
  /** The case page in the web app. */
  caseUrl: string;
};

type RenderedNotice = { subject: string; text: string; html: string; audience: readonly Audience[] };
type Wording = { subject: string; text: string };

const AUDIENCE: Record<NoticeKind, readonly Audience[]> = {
  // Sent for urgent filings, which go to the district at once; a regular one waits in the unit's ledger.
  case_filed: ['filing_unit', 'filer', 'district'],
  case_submitted: ['district', 'filing_unit'],
  case_resubmitted: ['district', 'filing_unit'],
  case_forwarded: ['municipality', 'district', 'filing_unit'],
  case_returned: ['filing_unit', 'filer'],
  case_rejected: ['filing_unit', 'filer'],
  case_merged: ['filing_unit', 'filer'],
  case_resolved: ['district', 'filing_unit', 'filer', 'reporter'],
  case_reopened: ['responsible', 'filing_unit'],
  case_closed: ['filing_unit', 'filer', 'district'],
  deadline_reminder_50: ['responsible'],
  deadline_reminder_75: ['responsible'],
  deadline_overdue: ['responsible', 'above_responsible'],
};

/**
 * A case notice in the district's language: what happened, the case's kind and status in the
 * glossary's words, and a link to the case page; as plain text and as HTML.
 */
export function renderNotice(kind: NoticeKind, facts: NoticeFacts, language: Language): RenderedNotice {
  const { subject, text } = (language === 'zh' ? inChinese : inEnglish)(kind, facts);
  const standing =
    language === 'zh'
      ? [`类型：${CASE_KIND_WORDS[facts.kind].zh}`, `状态：${CASE_GLOSSARY.states[facts.status].zh}`]
      : [`Kind: ${labelOf(CASE_KIND_WORDS[facts.kind], 'en')}`, `Status: ${labelOf(CASE_GLOSSARY.states[facts.status], 'en')}`];
  const open = language === 'zh' ? '查看问题' : 'Open the case';
  const paragraphs = text.split('\n');
  return {
    subject,
    text: [...paragraphs, '', ...standing, '', `${open}: ${facts.caseUrl}`].join('\n'),
    html: [
      '<!doctype html>',
      `<html lang="${language === 'zh' ? 'zh-CN' : 'en'}"><body>`,
      ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      `<p>${standing.map(escapeHtml).join('<br>')}</p>`,
      `<p><a href="${escapeHtml(facts.caseUrl)}">${open}</a></p>`,
      '</body></html>',
    ].join('\n'),
    audience: AUDIENCE[kind],
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function inChinese(kind: NoticeKind, facts: NoticeFacts): Wording {
  const ref = `${facts.urgent ? '【紧急】' : ''}第 ${facts.number} 号问题`;
  const title = `“${facts.title}”`;
  const district = facts.districtName ?? '所在区';
  const level = LEVEL_WORDS[facts.level].zh;
  const due = facts.dueAt ? `办理时限：${facts.dueAt}。` : '';
  switch (kind) {
    case 'case_filed':
      return {
        subject: `${ref}已登记：${facts.title}`,
        text: `${facts.filingUnitName}登记了${title}。此为紧急问题，已直接报送${district}梳理。${due}`,
      };
    case 'case_submitted':
    case 'case_resubmitted':
      return {
        subject: `${ref}已${kind === 'case_submitted' ? '' : '补充后重新'}报送${district}：${facts.title}`,
        text: `${facts.filingUnitName}的${title}已报送${district}梳理。${due}`,
      };
    case 'case_forwarded':
      return {
        subject: `${ref}已转市级协调：${facts.title}`,
        text: `${district}已将${facts.filingUnitName}的${title}转市委组织部协调。${due}`,
      };
    case 'case_returned':
      return {
        subject: `${ref}被退回补充：${facts.title}`,
        text: `${district}需要补充${title}的情况：${facts.reason ?? ''}\n请修改后重新报送；退回期间不计办理时限。`,
      };
    case 'case_rejected':
      return { subject: `${ref}不予受理：${facts.title}`, text: `${district}对${title}不予受理。原因：${facts.reason ?? ''}` };
    case 'case_merged':
      return {
        subject: `${ref}已并入相同问题：${facts.title}`,
        text: `${district}已将${title}并入正在办理的相同问题，将随该问题一并办结。`,
      };
    case 'case_resolved':
      return {
        subject: `${ref}办理结果：${facts.title}`,
        text: `${title}的办理结果：${facts.resolution ?? ''}\n请转告反映人，并记录其评价（满意或不满意）。${due}`,
      };
    case 'case_reopened':
      return {
        subject: `${ref}重新办理，反映人不满意：${facts.title}`,
        text: `反映人对${title}的办理结果不满意：${facts.reason ?? ''}\n现由${level}办理。${due}`,
      };
    case 'case_closed':
      return {
        subject: `${ref}已办结：${facts.title}`,
        text: `${title}已办结。${facts.resolution ? `办理结果：${facts.resolution}` : ''}`,
      };
    case 'deadline_reminder_50':
    case 'deadline_reminder_75':
      return {
        subject: `${ref}提醒：办理时限已过${kind.endsWith('50') ? '半' : '四分之三'}：${facts.title}`,
        text: `${title}现由${level}办理。${due}`,
      };
    case 'deadline_overdue':
      return { subject: `${ref}已超期（${level}）：${facts.title}`, text: `${title}在${level}办理已超过时限。${due}` };
  }
}

function inEnglish(kind: NoticeKind, facts: NoticeFacts): Wording {
  const ref = `${facts.urgent ? '[URGENT] ' : ''}Case #${facts.number}`;
  const title = `"${facts.title}"`;
  const district = facts.districtName ?? 'the district';
  const atLevel = `the ${LEVEL_WORDS[facts.level].en} level`;
  const due = facts.dueAt ? ` Due: ${facts.dueAt}.` : '';
  switch (kind) {
    case 'case_filed':
      return {
        subject: `${ref} filed: ${facts.title}`,
        text: `${title} was filed by ${facts.filingUnitName}. It is urgent and went straight to ${district} for triage.${due}`,
      };
    case 'case_submitted':
    case 'case_resubmitted':
      return {
        subject: `${ref} ${kind === 'case_submitted' ? 'submitted' : 'resubmitted'} to ${district}: ${facts.title}`,
        text: `${title} from ${facts.filingUnitName} is now with ${district} for triage.${due}`,
      };
    case 'case_forwarded':
      return {
        subject: `${ref} forwarded for municipal coordination: ${facts.title}`,
        text: `${district} forwarded ${title} from ${facts.filingUnitName} to the municipal organization department.${due}`,
      };
    case 'case_returned':
      return {
        subject: `${ref} returned for more information: ${facts.title}`,
        text: `${district} needs more information on ${title}: ${facts.reason ?? ''}\nEdit the case and resubmit it; the deadline is paused meanwhile.`,
      };
    case 'case_rejected':
      return { subject: `${ref} rejected: ${facts.title}`, text: `${district} rejected ${title}. Reason: ${facts.reason ?? ''}` };
    case 'case_merged':
      return {
        subject: `${ref} merged into an open case: ${facts.title}`,
        text: `${district} merged ${title} into a case already open on the same problem; it will close with that case.`,
      };
    case 'case_resolved':
      return {
        subject: `${ref} result: ${facts.title}`,
        text: `Result for ${title}: ${facts.resolution ?? ''}\nPlease pass it to the reporter and record their answer (satisfied or not).${due}`,
      };
    case 'case_reopened':
      return {
        subject: `${ref} reopened, the reporter is not satisfied: ${facts.title}`,
        text: `The reporter is not satisfied with the result of ${title}: ${facts.reason ?? ''}\nIt is back at ${atLevel}.${due}`,
      };
    case 'case_closed':
      return {
        subject: `${ref} closed: ${facts.title}`,
        text: `${title} is closed.${facts.resolution ? ` Result: ${facts.resolution}` : ''}`,
      };
    case 'deadline_reminder_50':
    case 'deadline_reminder_75':
      return {
        subject: `${ref} reminder: ${kind.endsWith('50') ? 'half' : 'three quarters'} of the time used: ${facts.title}`,
        text: `${title} is at ${atLevel}.${due}`,
      };
    case 'deadline_overdue':
      return { subject: `${ref} OVERDUE at ${atLevel}: ${facts.title}`, text: `${title} passed its deadline at ${atLevel}.${due}` };
  }
}
