import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import { booleanFlag } from '../query.schemas.ts';
import { ACTIVITY_KINDS, LEADER_RANKS, QUOTA_ITEMS } from '../../model/leaders/four-leads.ts';
import { attachmentView } from '../cases/attachments.schemas.ts';
import { lineText, plainText } from '../../model/text.ts';
import { ACTIVITY_REVIEW_ACTIONS, ACTIVITY_REVIEW_STATES } from '../../model/leaders/activity-review.ts';
import { APPENDIX_SUBMISSION_ACTIONS, APPENDIX_SUBMISSION_STATES } from '../../model/leaders/appendix-submission.ts';
import { pagedList, pageQuery } from '../paging.schemas.ts';

/** A calendar year; the far bounds only keep typing slips out. */
export const yearField = z.coerce.number().int().min(2000).max(2999);

export const leaderIdParams = z.strictObject({ id: z.uuid() });
export const activityIdParams = z.strictObject({ activityId: z.uuid() });
export const activityAttachmentParams = z.strictObject({ activityId: z.uuid(), attachmentId: z.uuid() });

export const createLeaderBody = z.strictObject({
  unitId: z.uuid().optional(),
  name: lineText(100),
  post: lineText(100),
  rank: z.enum(LEADER_RANKS),
  reportsToUnitId: z.uuid(),
});

export const updateLeaderBody = z
  .strictObject({
    name: lineText(100).optional(),
    post: lineText(100).optional(),
    rank: z.enum(LEADER_RANKS).optional(),
    reportsToUnitId: z.uuid().optional(),
    active: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual({ zh: '请至少修改一项', en: 'change at least one field' }));

export const listLeadersQuery = z.strictObject({
  unit: z.uuid().optional(),
  district: z.uuid().optional(),
  rank: z.enum(LEADER_RANKS).optional(),
  active: booleanFlag.optional(),
  behind: booleanFlag.optional(),
  year: yearField.optional(),
  ...pageQuery,
});
export const leaderYearQuery = z.strictObject({ year: yearField.optional() });
export const standingTotalsQuery = z.strictObject({ unit: z.uuid().optional(), district: z.uuid().optional(), year: yearField.optional() });

export const recordActivityBody = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  occurredOn: z.iso.date().refine((d) => d >= '2000-01-01', bilingual({ zh: '日期不能早于 2000 年', en: 'a date from 2000 on' })),
  placeUnitId: z.uuid(),
  participants: plainText(2000),
  account: plainText(5000),
  opinionsCollected: z.number().int().min(0).max(100_000).optional(),
});

export const rejectActivityBody = z.strictObject({ reason: plainText(2000) });

export const listActivitiesQuery = z.strictObject({
  leader: z.uuid().optional(),
  review: z.enum(ACTIVITY_REVIEW_STATES).optional(),
  place: z.uuid().optional(),
  year: yearField.optional(),
  ...pageQuery,
});

const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string(), kind: z.string() });
const counts = z.object(Object.fromEntries(QUOTA_ITEMS.map((i) => [i, z.number().int()])));

export const leaderView = z.object({
  id: z.uuid(),
  name: z.string(),
  post: z.string(),
  rank: z.enum(LEADER_RANKS),
  active: z.boolean(),
  unit: unitRef,
  reportsTo: unitRef,
});

export const yearRecordView = z.object({
  leaderId: z.uuid(),
  year: z.number().int(),
  standing: z.object({
    required: counts,
    done: counts,
    missing: counts,
    leads: z.object({
      planning: z.boolean().nullable(),
      research: z.boolean().nullable(),
      policy: z.boolean().nullable(),
      helping: z.boolean().nullable(),
    }),
    allFourMet: z.boolean().nullable(),
    schedulingMet: z.boolean().nullable(),
    behind: z.boolean(),
  }),
  dates: z.record(z.string(), z.array(z.iso.date())),
  projectCaseNumbers: z.array(z.number().int()),
  opinionsCollected: z.number().int(),
  frozen: z.boolean(),
});

/** Days (YYYY-MM-DD) of the year still to come on which the unit is reminded of its leaders who are behind. */
const remindersAhead = z.array(z.iso.date());
/** What is on its way, per item: activities awaiting the street/park's confirmation, claimed projects still open. */
const leaderYearView = leaderView.extend({ record: yearRecordView, waiting: counts });

export const leaderWithYearView = leaderYearView.extend({ year: z.number().int(), remindersAhead });
export const leaderListView = pagedList(leaderYearView).extend({ year: z.number().int(), remindersAhead });

export const standingTotalsView = z.object({
  year: z.number().int(),
  /** Principal leaders in office: the ones the minimums bind. */
  principals: z.number().int(),
  /** Of them, those with something missing. */
  behind: z.number().int(),
  required: counts,
  /** Done toward the minimums: done plus missing is required. */
  done: counts,
  missing: counts,
});

export const activityView = z.object({
  id: z.uuid(),
  leader: leaderView,
  kind: z.enum(ACTIVITY_KINDS),
  occurredOn: z.iso.date(),
  place: unitRef,
  participants: z.string(),
  account: z.string(),
  opinionsCollected: z.number().int().nullable(),
  review: z.enum(ACTIVITY_REVIEW_STATES),
  recordedAt: z.iso.datetime(),
  reviewedAt: z.iso.datetime().nullable(),
  rejectionReason: z.string().nullable(),
  attachments: z.array(attachmentView),
  allowedActions: z.array(z.enum(ACTIVITY_REVIEW_ACTIONS)),
});
export const activityListView = pagedList(activityView);

export const appendixQuery = z.strictObject({
  year: yearField,
  format: z.enum(['csv', 'xlsx', 'json', 'table']).default('csv'),
  lang: z.enum(['zh', 'en']).default('zh'),
  unit: z.uuid().optional(),
  district: z.uuid().optional(),
});

const appendixState = z.enum(APPENDIX_SUBMISSION_STATES);
const appendixActions = z.array(z.enum(APPENDIX_SUBMISSION_ACTIONS));
/** The answer to a unit's submission of its Appendix 1 and 2. */
export const appendixSubmissionView = z.object({
  cycle: z.string(),
  late: z.boolean(),
  leaders: z.number().int(),
  state: appendixState,
  allowedActions: appendixActions,
});
/** A half-year's Appendix 1 and 2: what was submitted, with its frozen figures, and which units still owe them. */
export const appendixSubmissionsView = z.object({
  cycle: z.string(),
  items: z.array(
    z.object({
      unitId: z.uuid(),
      state: appendixState,
      submittedAt: z.iso.datetime(),
      late: z.boolean(),
      year: z.number().int(),
      appendix1: z.unknown(),
      appendix2: z.unknown(),
      allowedActions: appendixActions,
    }),
  ),
  owing: z.array(z.object({ unitId: z.uuid(), state: appendixState, allowedActions: appendixActions })),
});
