import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * One unit's Appendix 1 and 2 in one district's half-year cycle. A unit that keeps active leaders
 * owes them once the cycle opens, or once its first leader comes while the cycle runs (and no longer
 * once its last one retires before it submitted); it is reminded before the deadline, overdue (and chased daily) after
 * it, and submits once: on time or late, as the moment of the submission says. The district's cycle
 * workflow keeps who owes and checks the step with this table (its validator), the unit's clerk
 * takes it (`POST /cycles/:cycle/appendices`); which unit may submit (its own, of this district, one
 * that keeps leaders) is the workflow's and the domain's to check. Pure: no imports at run time.
 */
export const APPENDIX_SUBMISSION_STATES = ['owing', 'overdue', 'submitted', 'submitted_late'] as const;
export type AppendixSubmissionState = (typeof APPENDIX_SUBMISSION_STATES)[number];

export const APPENDIX_SUBMISSION_ACTIONS = ['submit'] as const;
export type AppendixSubmissionAction = (typeof APPENDIX_SUBMISSION_ACTIONS)[number];

export const APPENDIX_SUBMISSION_EVENTS = [
  'appendices_due',
  'appendices_reminded',
  'appendices_overdue',
  'appendices_chased',
  'appendices_submitted',
  'appendices_submitted_late',
] as const;
export type AppendixSubmissionEvent = (typeof APPENDIX_SUBMISSION_EVENTS)[number];

/** The cycle's mails that name the appendices (activities/cycle/notices.ts: `withAppendices`). */
export type AppendixNotice = 'reminder' | 'late';

export const APPENDIX_SUBMISSION_TRANSITIONS = {
  open: {
    via: null,
    by: ['system'],
    from: [],
    to: ['owing'],
    event: 'appendices_due',
    notices: [],
    label: 'the cycle opens, or a unit’s first leader comes while it runs (units with active leaders)',
  },
  remind: {
    via: null,
    by: ['system'],
    from: ['owing'],
    to: 'unchanged',
    event: 'appendices_reminded',
    notices: ['reminder'],
    label: 'reminded before the deadline',
  },
  passDeadline: {
    via: null,
    by: ['system'],
    from: ['owing'],
    to: ['overdue'],
    event: 'appendices_overdue',
    notices: [],
    label: 'the deadline passes (June 26 / December 26)',
  },
  chase: {
    via: null,
    by: ['system'],
    from: ['overdue'],
    to: 'unchanged',
    event: 'appendices_chased',
    notices: ['late'],
    label: 'chased daily',
  },
  submit: {
    via: 'submit',
    by: ['street_staff'],
    from: ['owing'],
    to: ['submitted'],
    event: 'appendices_submitted',
    notices: [],
    label: 'submit (the unit’s clerk): figures frozen',
  },
  submitLate: {
    via: 'submit',
    by: ['street_staff'],
    from: ['overdue'],
    to: ['submitted_late'],
    event: 'appendices_submitted_late',
    notices: [],
    label: 'submit late (the unit’s clerk): figures frozen, recorded late',
  },
} as const satisfies Record<string, Transition<AppendixSubmissionState, AppendixSubmissionAction, AppendixSubmissionEvent, AppendixNotice>>;

export const APPENDIX_SUBMISSION_LIFECYCLE = defineLifecycle({
  subject: 'Appendix 1 and 2 submission',
  states: APPENDIX_SUBMISSION_STATES,
  actions: APPENDIX_SUBMISSION_ACTIONS,
  transitions: APPENDIX_SUBMISSION_TRANSITIONS,
});

/** Where a unit that submitted stands: on time or late. */
export const submittedState = (late: boolean): AppendixSubmissionState => (late ? 'submitted_late' : 'submitted');
/** Where a unit that has not submitted stands: owing until the deadline, overdue after it. */
export const owingState = (pastDeadline: boolean): AppendixSubmissionState => (pastDeadline ? 'overdue' : 'owing');

export type AppendixSubmissionTransition = keyof typeof APPENDIX_SUBMISSION_TRANSITIONS;

/** The transition the `submit` step takes from where the unit stands (on time, or late once overdue). Throws where it takes none. */
export function submissionTransition(state: AppendixSubmissionState): AppendixSubmissionTransition {
  const name = (Object.keys(APPENDIX_SUBMISSION_TRANSITIONS) as AppendixSubmissionTransition[]).find((n) => {
    const t: Transition<AppendixSubmissionState, AppendixSubmissionAction, AppendixSubmissionEvent, AppendixNotice> =
      APPENDIX_SUBMISSION_TRANSITIONS[n];
    return t.via === 'submit' && t.from.includes(state);
  });
  if (name === undefined) throw new Error(`no submission from ${state}`);
  return name;
}
