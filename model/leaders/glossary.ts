import type { LifecycleWords } from '../lifecycle.ts';
import type { ActivityReviewAction, ActivityReviewState } from './activity-review.ts';
import type { AppendixSubmissionAction, AppendixSubmissionState } from './appendix-submission.ts';
import type { LeaderRank, QuotaItem } from './four-leads.ts';
import type { Words } from '../lifecycle.ts';

/**
 * The leaders' lifecycles in the words people read (the screens, the exports, the mail), per state
 * and per step; the glossary of model/ gathers them with the other features'.
 */
export const ACTIVITY_REVIEW_GLOSSARY = {
  states: {
    pending: { zh: '待确认', en: 'awaiting confirmation' },
    confirmed: { zh: '已确认', en: 'confirmed' },
    rejected: { zh: '不予确认', en: 'rejected' },
  },
  actions: {
    record: { zh: '登记活动', en: 'record' },
    confirm: { zh: '确认', en: 'confirm' },
    reject: { zh: '不予确认', en: 'reject' },
  },
} as const satisfies LifecycleWords<ActivityReviewState, ActivityReviewAction>;

export const APPENDIX_SUBMISSION_GLOSSARY = {
  states: {
    owing: { zh: '待报送', en: 'due' },
    overdue: { zh: '逾期未报', en: 'overdue' },
    submitted: { zh: '已报送', en: 'submitted' },
    submitted_late: { zh: '逾期报送', en: 'submitted late' },
  },
  actions: {
    submit: { zh: '报送附件1、2', en: 'submit Appendix 1 and 2' },
  },
} as const satisfies LifecycleWords<AppendixSubmissionState, AppendixSubmissionAction>;

/** The items a leader's year is counted on (the activity kinds and the projects), as Appendix 1 and 2 head their columns. */
export const QUOTA_ITEM_WORDS = {
  planning_meeting: { zh: '抓谋划（党委（党组）会议）', en: 'planning meetings' },
  research_visit: { zh: '抓调研（走访报到单位）', en: 'research visits' },
  opinion_collection: { zh: '收集群众意见建议', en: 'collections of residents’ opinions' },
  party_lecture: { zh: '讲政策（讲党课）', en: 'party lectures' },
  public_service_project: { zh: '帮办实事（领办公益项目）', en: 'public-service projects completed' },
  scheduling: { zh: '参加街道（园区）调度', en: 'scheduling participation' },
} as const satisfies Record<QuotaItem, Words>;

export const LEADER_RANK_WORDS = {
  principal: { zh: '主要负责人', en: 'principal' },
  team_member: { zh: '班子成员', en: 'team member' },
} as const satisfies Record<LeaderRank, Words>;
