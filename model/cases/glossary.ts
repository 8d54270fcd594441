import type { LifecycleWords, Words } from '../lifecycle.ts';
import type { CaseKind } from './filing.ts';
import type { CaseEventType, CaseStatus, UpdateVia } from './lifecycle.ts';
import type { Level } from './outcome.ts';

/**
 * The case in the words people read, Chinese and English: its statuses and steps, its kinds, the
 * levels it climbs and the events of its history. Annex 3, the mails and the web app (which gets a
 * generated copy) all name them from here; model/glossary.ts gathers them with the other features'.
 * The Chinese is the web app's wording where Annex 3 used to differ (难点问题, 区级梳理).
 */
export const CASE_GLOSSARY = {
  states: {
    awaiting_submission: { zh: '待报送', en: 'awaiting submission' },
    district_review: { zh: '区级梳理', en: 'district review' },
    returned_for_info: { zh: '退回补充', en: 'returned for information' },
    municipal_coordination: { zh: '市级协调', en: 'municipal coordination' },
    awaiting_feedback: { zh: '待反馈', en: 'awaiting feedback' },
    closed: { zh: '已办结', en: 'closed' },
    rejected: { zh: '不予受理', en: 'rejected' },
    merged: { zh: '已合并', en: 'merged' },
  },
  actions: {
    submit: { zh: '报送区级', en: 'submit to the district' },
    resubmit: { zh: '补充后重新报送', en: 'answer and resubmit' },
    forward: { zh: '转市级协调', en: 'forward to the city' },
    solve: { zh: '区级解决', en: 'solve at the district' },
    return: { zh: '退回补充', en: 'return with questions' },
    merge: { zh: '合并', en: 'merge' },
    reject: { zh: '不予受理', en: 'reject' },
    assign: { zh: '指定协调单位', en: 'assign a coordinating body' },
    note: { zh: '记录进展', en: 'record progress' },
    resolve: { zh: '办结', en: 'resolve' },
    declareUnsolvable: { zh: '无法解决', en: 'declare unsolvable' },
    feedback: { zh: '记录反映人评价', en: 'record the reporter’s answer' },
    submitWithLedger: { zh: '随半年台账报送', en: 'submit with the half-year ledger' },
    forwardWithBatch: { zh: '随半年汇总转市级', en: 'forward with the half-year batch' },
    claim: { zh: '认领项目', en: 'claim the project' },
    take: { zh: '由我承办', en: 'take it on' },
    assignOwner: { zh: '交给同事承办', en: 'assign to a colleague' },
    release: { zh: '放弃承办', en: 'release it' },
    attach: { zh: '添加附件', en: 'add a file' },
  },
} as const satisfies LifecycleWords<CaseStatus, UpdateVia>;

export const CASE_KIND_WORDS = {
  hard_problem: { zh: '难点问题', en: 'hard problem' },
  unclaimed_project: { zh: '无人认领的公益项目', en: 'unclaimed public-service project' },
} as const satisfies Record<CaseKind, Words>;

export const LEVEL_WORDS = {
  street: { zh: '街道/园区', en: 'street/park' },
  district: { zh: '区级', en: 'district' },
  municipal: { zh: '市级', en: 'city' },
} as const satisfies Record<Level, Words>;

export const CASE_EVENT_WORDS = {
  filed: { zh: '登记', en: 'filed' },
  submitted_to_district: { zh: '报送区级', en: 'submitted to the district' },
  submitted_with_ledger: { zh: '随半年台账报送', en: 'submitted with the half-year ledger' },
  resubmitted: { zh: '补充后重新报送', en: 'resubmitted' },
  forwarded_to_municipal: { zh: '转市级协调', en: 'forwarded to the city' },
  solved_at_district: { zh: '区级解决', en: 'solved by the district' },
  returned_for_info: { zh: '退回补充', en: 'returned for information' },
  merged: { zh: '合并', en: 'merged' },
  rejected: { zh: '不予受理', en: 'rejected' },
  coordinator_assigned: { zh: '指定协调单位', en: 'coordinating body assigned' },
  progress_note: { zh: '进展', en: 'progress' },
  resolved_by_municipal: { zh: '市级办结', en: 'resolved by the city' },
  declared_unsolvable: { zh: '无法解决', en: 'declared unsolvable' },
  reporter_satisfied: { zh: '反映人满意，办结', en: 'reporter satisfied; closed' },
  reopened: { zh: '反映人不满意，重新办理', en: 'reporter not satisfied; reopened' },
  project_claimed: { zh: '项目被认领', en: 'project claimed' },
  duplicate_attached: { zh: '并入相同问题', en: 'a duplicate joined' },
  closed_with_primary: { zh: '随主问题办结', en: 'closed with its primary' },
  closed_without_answer: { zh: '逾期未反馈，自动办结', en: 'closed without an answer' },
  deadline_reminder_50: { zh: '时限已过半提醒', en: 'half the time used' },
  deadline_reminder_75: { zh: '时限已过四分之三提醒', en: 'three quarters of the time used' },
  deadline_overdue: { zh: '已超期', en: 'overdue' },
  owner_taken: { zh: '承办', en: 'taken on' },
  owner_assigned: { zh: '交由同事承办', en: 'assigned to a colleague' },
  owner_released: { zh: '放弃承办', en: 'released' },
  owner_cleared: { zh: '转至其他层级，承办人清除', en: 'moved to another level; owner cleared' },
  attachment_added: { zh: '添加附件', en: 'file added' },
} as const satisfies Record<CaseEventType, Words>;
