import type { LifecycleWords } from '../lifecycle.ts';
import type { ActivityReviewAction, ActivityReviewState } from './activity-review.ts';

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
