import type { Role } from '../directory/roles.ts';
import type { Level } from './outcome.ts';
import { defineLifecycle, type Refusal, type Taker, type Transition as LifecycleTransition } from '../lifecycle.ts';

/**
 * The case state machine, declared once in the shape every lifecycle shares (model/lifecycle.ts). The workflow records every change through this table (its
 * steps only do their side effects), its Update validators check it, the API derives `allowedActions`
 * and route roles from it, the statistics name its event types, and the docs' state diagram is
 * generated from it. Pure: safe in workflow code and in Node.
 */
export const CASE_STATUSES = [
  'awaiting_submission',
  'district_review',
  'returned_for_info',
  'municipal_coordination',
  'awaiting_feedback',
  'closed',
  'rejected',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/**
 * Where a status stands: `open` cases are still being worked on; a `merged` case waits for its
 * primary (no one acts on it, but its workflow runs until the primary closes); `final` statuses end
 * the workflow.
 */
const STATUS_STANDING = {
  awaiting_submission: 'open',
  district_review: 'open',
  returned_for_info: 'open',
  municipal_coordination: 'open',
  awaiting_feedback: 'open',
  merged: 'following',
  closed: 'final',
  rejected: 'final',
} as const satisfies Record<CaseStatus, 'open' | 'following' | 'final'>;

const withStanding = (standing: (typeof STATUS_STANDING)[CaseStatus]) =>
  CASE_STATUSES.filter((status) => STATUS_STANDING[status] === standing);
/** Still being worked on: counted as open, and the only statuses a case can be merged into. */
export const OPEN_STATUSES: readonly CaseStatus[] = withStanding('open');
/** The case's workflow ends here; the ledger row gets its closing time. */
export const FINAL_STATUSES: readonly CaseStatus[] = withStanding('final');
export const isOpenStatus = (status: CaseStatus) => OPEN_STATUSES.includes(status);
export const isFinalStatus = (status: CaseStatus) => FINAL_STATUSES.includes(status);

/**
 * The level that holds an open case, and so whose staff work it: the filing unit while it is in its
 * own ledger, returned to it or waiting for the reporter's answer; the district while it reviews it;
 * the city while it coordinates. A case has a named owner only inside the level holding it.
 */
const HOLDING_LEVEL: Partial<Record<CaseStatus, Level>> = {
  awaiting_submission: 'street',
  returned_for_info: 'street',
  awaiting_feedback: 'street',
  district_review: 'district',
  municipal_coordination: 'municipal',
};
const heldAt = (level: Level) => OPEN_STATUSES.filter((status) => HOLDING_LEVEL[status] === level);
/** The open statuses in which each level holds the case. */
export const AT_STREET: readonly CaseStatus[] = heldAt('street');
export const AT_DISTRICT: readonly CaseStatus[] = heldAt('district');
export const AT_CITY: readonly CaseStatus[] = heldAt('municipal');
/** The level holding a case in this status; null when nobody holds it (merged, closed, rejected). */
export const holdingLevelOf = (status: CaseStatus): Level | null => HOLDING_LEVEL[status] ?? null;

/** Every e-mail the lifecycle sends: handovers down and up the tree, deadline reminders, closure. */
export const NOTICE_KINDS = [
  'case_filed',
  'case_submitted',
  'case_resubmitted',
  'case_forwarded',
  'case_returned',
  'case_rejected',
  'case_merged',
  'case_resolved',
  'case_reopened',
  'case_closed',
  'deadline_reminder_50',
  'deadline_reminder_75',
  'deadline_overdue',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** The ledger's event types: what `case_events.type` may hold. */
export const CASE_EVENT_TYPES = [
  'filed',
  'submitted_to_district',
  'submitted_with_ledger',
  'resubmitted',
  'forwarded_to_municipal',
  'solved_at_district',
  'returned_for_info',
  'merged',
  'rejected',
  'coordinator_assigned',
  'progress_note',
  'resolved_by_municipal',
  'declared_unsolvable',
  'reporter_satisfied',
  'reopened',
  'project_claimed',
  'duplicate_attached',
  'closed_with_primary',
  'closed_without_answer',
  'deadline_reminder_50',
  'deadline_reminder_75',
  'deadline_overdue',
  'owner_taken',
  'owner_assigned',
  'owner_released',
  'owner_cleared',
  'attachment_added',
] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];

/** A step people take through the API (`POST /cases/:id/<action>`), each an Update of the case. */
export const CASE_ACTIONS = [
  'submit',
  'resubmit',
  'forward',
  'solve',
  'return',
  'merge',
  'reject',
  'assign',
  'note',
  'resolve',
  'declareUnsolvable',
  'feedback',
  'take',
  'assignOwner',
  'release',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
/** A move the half-year cycle makes on a case, also an Update, so the cycle learns whether the case took it. */
export const CYCLE_MOVES = ['submitWithLedger', 'forwardWithBatch'] as const;
export type CycleMove = (typeof CYCLE_MOVES)[number];
/**
 * A unit with a leader at its head claims an unclaimed public-service project (the notice's "lead in
 * helping"): an Update of the case, but not one of its `/cases/:id/<action>` steps, since the claiming
 * unit is not the case's filer and sees only what it may claim.
 */
export const PROJECT_MOVES = ['claim'] as const;
export type ProjectMove = (typeof PROJECT_MOVES)[number];
/**
 * A file added to the case (photos, documents, an answer to the district's questions): an Update of
 * the case recorded in its history, taken by `POST /cases/:id/attachments` with the file as the body.
 */
export const FILE_MOVES = ['attach'] as const;
export type FileMove = (typeof FILE_MOVES)[number];
/** Every Update that moves a case. */
export type UpdateVia = CaseAction | CycleMove | ProjectMove | FileMove;
/** What the case view's `allowedActions` lists: the `/cases/:id/<action>` steps and adding a file. */
export const VIEW_ACTIONS = [...CASE_ACTIONS, ...FILE_MOVES] as const;
export type ViewAction = (typeof VIEW_ACTIONS)[number];

export type { Taker };
type Transition = LifecycleTransition<CaseStatus, UpdateVia, CaseEventType, NoticeKind>;

const WITH_CLOCK = ['district_review', 'municipal_coordination'] as const satisfies readonly CaseStatus[];

type OwnerStep = 'take' | 'assignOwner' | 'release';
type OwnerEvent = 'owner_taken' | 'owner_assigned' | 'owner_released';
/** An owner step of one level's staff: it records who holds the case and leaves its status as it is. */
const ownerStep = <V extends OwnerStep, R extends Role, E extends OwnerEvent>(
  via: V,
  by: R,
  from: readonly CaseStatus[],
  event: E,
  label: string,
) => ({ via, by: [by] as const, from, to: 'unchanged' as const, event, notices: [] as const, label });

export const TRANSITIONS = {
  fileRegular: {
    via: null,
    by: ['street_staff'],
    from: [],
    to: ['awaiting_submission'],
    event: 'filed',
    notices: [],
    label: 'filed (regular)',
  },
  fileUrgent: {
    via: null,
    by: ['street_staff'],
    from: [],
    to: ['district_review'],
    event: 'filed',
    notices: ['case_filed'],
    label: 'filed (urgent)',
  },
  submit: {
    via: 'submit',
    by: ['street_staff'],
    from: ['awaiting_submission'],
    to: ['district_review'],
    event: 'submitted_to_district',
    notices: ['case_submitted'],
    label: 'submit (street)',
  },
  submitWithLedger: {
    via: 'submitWithLedger',
    by: ['street_staff'],
    from: ['awaiting_submission'],
    to: ['district_review'],
    event: 'submitted_with_ledger',
    notices: [],
    label: 'with the half-year ledger (street)',
  },
  resubmit: {
    via: 'resubmit',
    by: ['street_staff'],
    from: ['returned_for_info'],
    to: ['district_review'],
    event: 'resubmitted',
    notices: ['case_resubmitted'],
    label: 'resubmit (street), clock resumes',
  },
  forward: {
    via: 'forward',
    by: ['district_officer'],
    from: ['district_review'],
    to: ['municipal_coordination'],
    event: 'forwarded_to_municipal',
    notices: ['case_forwarded'],
    label: 'forward (district)',
  },
  forwardWithBatch: {
    via: 'forwardWithBatch',
    by: ['district_officer', 'system'],
    from: ['district_review'],
    to: ['municipal_coordination'],
    event: 'forwarded_to_municipal',
    notices: [],
    label: 'with the half-year batch (district)',
  },
  solve: {
    via: 'solve',
    by: ['district_officer'],
    from: ['district_review'],
    to: ['awaiting_feedback'],
    event: 'solved_at_district',
    notices: ['case_resolved'],
    label: 'solve (district)',
  },
  return: {
    via: 'return',
    by: ['district_officer'],
    from: ['district_review'],
    to: ['returned_for_info'],
    event: 'returned_for_info',
    notices: ['case_returned'],
    label: 'return (district), clock pauses',
  },
  merge: {
    via: 'merge',
    by: ['district_officer'],
    from: ['district_review'],
    to: ['merged'],
    event: 'merged',
    notices: ['case_merged'],
    label: 'merge into an open case (district)',
  },
  reject: {
    via: 'reject',
    by: ['district_officer'],
    from: ['district_review'],
    to: ['rejected'],
    event: 'rejected',
    notices: ['case_rejected'],
    label: 'reject with a reason (district)',
  },
  assign: {
    via: 'assign',
    by: ['municipal_liaison'],
    from: ['municipal_coordination'],
    to: 'unchanged',
    event: 'coordinator_assigned',
    notices: [],
    label: 'assign (city)',
  },
  note: {
    via: 'note',
    by: ['municipal_liaison'],
    from: AT_CITY,
    to: 'unchanged',
    event: 'progress_note',
    notices: [],
    label: 'note (city)',
  },
  noteAtDistrict: {
    via: 'note',
    by: ['district_officer'],
    from: AT_DISTRICT,
    to: 'unchanged',
    event: 'progress_note',
    notices: [],
    label: 'note (district)',
  },
  noteByFilingUnit: {
    via: 'note',
    by: ['street_staff'],
    // The filing unit adds what it learns while the case is open, wherever it is.
    from: OPEN_STATUSES,
    to: 'unchanged',
    event: 'progress_note',
    notices: [],
    label: 'note (the filing unit, at any open status)',
  },
  resolve: {
    via: 'resolve',
    by: ['municipal_liaison'],
    from: ['municipal_coordination'],
    to: ['awaiting_feedback'],
    event: 'resolved_by_municipal',
    notices: ['case_resolved'],
    label: 'resolve (city)',
  },
  declareUnsolvable: {
    via: 'declareUnsolvable',
    by: ['municipal_liaison'],
    from: ['municipal_coordination'],
    to: ['awaiting_feedback'],
    event: 'declared_unsolvable',
    notices: ['case_resolved'],
    label: 'declareUnsolvable (city)',
  },
  reporterSatisfied: {
    via: 'feedback',
    by: ['street_staff'],
    from: ['awaiting_feedback'],
    to: ['closed'],
    event: 'reporter_satisfied',
    notices: ['case_closed'],
    label: 'feedback, satisfied (street)',
  },
  reopen: {
    via: 'feedback',
    by: ['street_staff'],
    from: ['awaiting_feedback'],
    to: ['district_review', 'municipal_coordination'],
    event: 'reopened',
    notices: ['case_reopened'],
    label: 'feedback, not satisfied: back where it was resolved (street)',
  },
  closeWithoutAnswer: {
    via: null,
    by: ['system'],
    from: ['awaiting_feedback'],
    to: ['closed'],
    event: 'closed_without_answer',
    notices: ['case_closed'],
    label: 'no answer in FEEDBACK_DAYS',
  },
  claim: {
    via: 'claim',
    by: ['street_staff'],
    // Before a result: a project someone leads to completion is claimed while it is still open.
    from: ['awaiting_submission', 'district_review', 'returned_for_info', 'municipal_coordination'],
    to: 'unchanged',
    event: 'project_claimed',
    notices: [],
    label: 'claim (a unit with a leader, unclaimed projects only)',
  },
  attachByFilingUnit: {
    via: 'attach',
    by: ['street_staff'],
    from: OPEN_STATUSES,
    to: 'unchanged',
    event: 'attachment_added',
    notices: [],
    label: 'a file added (the filing unit, at any open status)',
  },
  attachAtDistrict: {
    via: 'attach',
    by: ['district_officer'],
    from: AT_DISTRICT,
    to: 'unchanged',
    event: 'attachment_added',
    notices: [],
    label: 'a file added (district)',
  },
  attachAtCity: {
    via: 'attach',
    by: ['municipal_liaison'],
    from: AT_CITY,
    to: 'unchanged',
    event: 'attachment_added',
    notices: [],
    label: 'a file added (city)',
  },
  // A named owner inside the level holding the case: taken by one of its staff, handed to a colleague
  // of the same unit, or released. The unit is the domain's and the validator's to check.
  takeAtStreet: ownerStep('take', 'street_staff', AT_STREET, 'owner_taken', 'take (the filing unit)'),
  takeAtDistrict: ownerStep('take', 'district_officer', AT_DISTRICT, 'owner_taken', 'take (district)'),
  takeAtCity: ownerStep('take', 'municipal_liaison', AT_CITY, 'owner_taken', 'take (city)'),
  assignOwnerAtStreet: ownerStep('assignOwner', 'street_staff', AT_STREET, 'owner_assigned', 'assign to a colleague (the filing unit)'),
  assignOwnerAtDistrict: ownerStep('assignOwner', 'district_officer', AT_DISTRICT, 'owner_assigned', 'assign to a colleague (district)'),
  assignOwnerAtCity: ownerStep('assignOwner', 'municipal_liaison', AT_CITY, 'owner_assigned', 'assign to a colleague (city)'),
  releaseAtStreet: ownerStep('release', 'street_staff', AT_STREET, 'owner_released', 'release (the filing unit)'),
  releaseAtDistrict: ownerStep('release', 'district_officer', AT_DISTRICT, 'owner_released', 'release (district)'),
  releaseAtCity: ownerStep('release', 'municipal_liaison', AT_CITY, 'owner_released', 'release (city)'),
  clearOwner: {
    via: null,
    by: ['system'],
    from: CASE_STATUSES,
    to: 'unchanged',
    event: 'owner_cleared',
    notices: [],
    label: 'the case moved to another level: its owner there no longer holds it',
  },
  attachDuplicate: {
    via: null,
    by: ['system'],
    from: OPEN_STATUSES,
    to: 'unchanged',
    event: 'duplicate_attached',
    notices: [],
    label: 'a duplicate is merged into it',
  },
  closeWithPrimary: {
    via: null,
    by: ['system'],
    from: ['merged'],
    to: ['closed'],
    event: 'closed_with_primary',
    notices: ['case_closed'],
    label: 'its primary closes (with the primary’s result)',
  },
  remindHalfway: {
    via: null,
    by: ['system'],
    from: WITH_CLOCK,
    to: 'unchanged',
    event: 'deadline_reminder_50',
    notices: ['deadline_reminder_50'],
    label: '50 % of the time used',
  },
  remindThreeQuarters: {
    via: null,
    by: ['system'],
    from: WITH_CLOCK,
    to: 'unchanged',
    event: 'deadline_reminder_75',
    notices: ['deadline_reminder_75'],
    label: '75 % of the time used',
  },
  markOverdue: {
    via: null,
    by: ['system'],
    from: WITH_CLOCK,
    to: 'unchanged',
    event: 'deadline_overdue',
    notices: ['deadline_overdue'],
    label: 'deadline passed',
  },
} as const satisfies Record<string, Transition>;
export type TransitionName = keyof typeof TRANSITIONS;

/** Every Update that moves a case, in the order `allowedActions` lists the human steps. */
const UPDATES: readonly UpdateVia[] = [...CASE_ACTIONS, ...CYCLE_MOVES, ...PROJECT_MOVES, ...FILE_MOVES];

export const CASE_LIFECYCLE = defineLifecycle({ subject: 'case', states: CASE_STATUSES, actions: UPDATES, transitions: TRANSITIONS });

/** Who may take an Update, and from which statuses: the union of the transitions it can take. */
export const updateRule = (via: UpdateVia) => CASE_LIFECYCLE.stepRule(via);

/** The roles that may call a step's route. */
export const rolesFor = (action: CaseAction): Role[] => CASE_LIFECYCLE.rolesFor(action);

/** What a role can do to a case in this status: the `/cases/:id/<action>` steps only. */
export const availableActions = (status: CaseStatus, role: Role): CaseAction[] =>
  CASE_LIFECYCLE.allowedActions(status, role).filter((via): via is CaseAction => (CASE_ACTIONS as readonly string[]).includes(via));

/** What the case view offers a role in this status: its steps and adding a file (owner rules aside, model/cases/owner.ts). */
export const viewActions = (status: CaseStatus, role: Role): ViewAction[] =>
  CASE_LIFECYCLE.allowedActions(status, role).filter((via): via is ViewAction => (VIEW_ACTIONS as readonly string[]).includes(via));

/** The transition a step takes for this taker in this status (steps several levels take have one each). */
export const transitionOf = (via: UpdateVia, status: CaseStatus, taker: Taker): TransitionName | undefined =>
  CASE_LIFECYCLE.transitionOf(via, status, taker);

export type TransitionRefusal = Refusal<CaseStatus, UpdateVia>;

/** Why an Update may not run now, or undefined when it may. The wrong taker is named before the wrong state. */
export const refuseUpdate = (via: UpdateVia, status: CaseStatus, taker: Taker): TransitionRefusal | undefined =>
  CASE_LIFECYCLE.refuse(via, status, taker);

/** The status a transition leads to from `from`; `choice` picks among several targets. Throws on a move the table does not allow. */
export const targetOf = (name: TransitionName, from: CaseStatus | null, choice?: CaseStatus): CaseStatus =>
  CASE_LIFECYCLE.targetOf(name, from, choice);

/** The case's state diagram (docs/features/cases.md), from the table. */
export const lifecycleDiagram = (): string => CASE_LIFECYCLE.diagram({ finalStates: FINAL_STATUSES });
