import { CASE_LIFECYCLE } from './cases/lifecycle.ts';
import { ACTIVITY_REVIEW_LIFECYCLE } from './leaders/activity-review.ts';
import { APPENDIX_SUBMISSION_LIFECYCLE } from './leaders/appendix-submission.ts';
import { ROUND_LIFECYCLE } from './party/round-lifecycle.ts';
import { REGISTRATION_LIFECYCLE } from './party/registration-lifecycle.ts';
import { RECORD_LIFECYCLE } from './party/record-lifecycle.ts';
import { ORGANIZATION_LIFECYCLE } from './party/organization-lifecycle.ts';
import { EXPORT_JOB_LIFECYCLE } from './exports/export-job.ts';
import { API_KEY_LIFECYCLE } from './open311/api-key.ts';
import { DELIVERY_LIFECYCLE } from './webhooks/delivery.ts';
import { WEBHOOK_LIFECYCLE } from './webhooks/webhook.ts';
import { USER_ACCOUNT_LIFECYCLE } from './directory/user-account.ts';

/**
 * Every thing with states, by the name the docs and the glossary use for it. The docs' state
 * diagrams are generated from this list, and a test checks each table's shape (every step has a
 * transition, every state is reachable).
 */
export const LIFECYCLES = {
  case: CASE_LIFECYCLE,
  activityReview: ACTIVITY_REVIEW_LIFECYCLE,
  appendixSubmission: APPENDIX_SUBMISSION_LIFECYCLE,
  round: ROUND_LIFECYCLE,
  registration: REGISTRATION_LIFECYCLE,
  serviceRecord: RECORD_LIFECYCLE,
  partyOrganization: ORGANIZATION_LIFECYCLE,
  exportJob: EXPORT_JOB_LIFECYCLE,
  open311ApiKey: API_KEY_LIFECYCLE,
  webhook: WEBHOOK_LIFECYCLE,
  webhookDelivery: DELIVERY_LIFECYCLE,
  userAccount: USER_ACCOUNT_LIFECYCLE,
} as const;
export type LifecycleName = keyof typeof LIFECYCLES;
