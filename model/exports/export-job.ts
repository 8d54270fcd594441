import { ROLES } from '../directory/roles.ts';
import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A long Annex 3 export: its row is written `queued`, the export workflow writes the file (`running`
 * while rows are written) and ends it `completed` or `failed`; the export starter fails a job whose
 * workflow could not be started in time. Only its requester sees it (the domain's rule); every role
 * may request one and download its own once completed. Pure: no imports at run time beyond model/.
 */
export const EXPORT_JOB_STATES = ['queued', 'running', 'completed', 'failed'] as const;
export type ExportJobState = (typeof EXPORT_JOB_STATES)[number];

/** The steps people take: `POST /exports/jobs`, `GET /exports/jobs/:id/file`. */
export const EXPORT_JOB_ACTIONS = ['request', 'download'] as const;
export type ExportJobAction = (typeof EXPORT_JOB_ACTIONS)[number];

export const EXPORT_JOB_EVENTS = [
  'export_requested',
  'rows_written',
  'export_completed',
  'export_failed',
  'export_not_started',
  'export_downloaded',
] as const;
export type ExportJobEvent = (typeof EXPORT_JOB_EVENTS)[number];

/** Where the workflow's activity still works on the job. */
const IN_HAND = ['queued', 'running'] as const satisfies readonly ExportJobState[];

export const EXPORT_JOB_TRANSITIONS = {
  request: {
    via: 'request',
    by: ROLES,
    from: [],
    to: ['queued'],
    event: 'export_requested',
    notices: [],
    label: 'request (any role)',
  },
  writeRows: {
    via: null,
    by: ['system'],
    from: IN_HAND,
    to: ['running'],
    event: 'rows_written',
    notices: [],
    label: 'the workflow writes rows (progress)',
  },
  complete: {
    via: null,
    by: ['system'],
    from: IN_HAND,
    to: ['completed'],
    event: 'export_completed',
    notices: [],
    label: 'the file is written',
  },
  fail: {
    via: null,
    by: ['system'],
    from: IN_HAND,
    to: ['failed'],
    event: 'export_failed',
    notices: [],
    label: 'the workflow gives up (the requester reads why)',
  },
  giveUp: {
    via: null,
    by: ['system'],
    from: ['queued'],
    to: ['failed'],
    event: 'export_not_started',
    notices: [],
    label: 'not started within EXPORT_START_GIVE_UP_MINUTES',
  },
  download: {
    via: 'download',
    by: ROLES,
    from: ['completed'],
    to: 'unchanged',
    event: 'export_downloaded',
    notices: [],
    label: 'download (its requester)',
  },
} as const satisfies Record<string, Transition<ExportJobState, ExportJobAction, ExportJobEvent, never>>;
export type ExportJobTransition = keyof typeof EXPORT_JOB_TRANSITIONS;

export const EXPORT_JOB_LIFECYCLE = defineLifecycle({
  subject: 'export',
  states: EXPORT_JOB_STATES,
  actions: EXPORT_JOB_ACTIONS,
  transitions: EXPORT_JOB_TRANSITIONS,
});

/** Nothing happens to the job any more: the web stops polling it. */
export const FINAL_EXPORT_JOB_STATES = ['completed', 'failed'] as const satisfies readonly ExportJobState[];
