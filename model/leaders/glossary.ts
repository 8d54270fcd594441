import type { LifecycleWords } from '../lifecycle.ts';
import type { ActivityReviewAction, ActivityReviewState } from './activity-review.ts';
import type { AppendixSubmissionAction, AppendixSubmissionState } from './appendix-submission.ts';

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
