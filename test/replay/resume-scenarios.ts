import { getCase, performCaseAction } from '../../domain/cases/cases.ts';
import { RESUME_EVENTS, resumeInputsFromLedger } from '../../domain/cases/resume.ts';
import { TASK_QUEUE, workflowIdForCase, type Workflows } from '../../workflows/definitions.ts';
import { as, file, waitUntil, type Scenario, type ScenarioDeps } from './scenario.ts';

// Paths of a case workflow started by `npm run rebuild` (domain/system/rebuild.ts) after Temporal's
// store was lost: each resumes from a different place in the ledger, which takes a different branch
// of the workflow's start (a clock running, paused, or none yet; the feedback deadline; an owner).
const DAY = 86_400_000;

/**
 * Loses the case's workflow as a lost store would (terminated: the ledger keeps what it had written)
 * and starts it again from its ledger row exactly as the rebuild does. The rebuild refuses an id
 * Temporal still knows; here the terminated run is still known, so the new run may reuse its id.
 */
async function loseAndResume(deps: ScenarioDeps, caseId: string) {
  const workflowId = workflowIdForCase(caseId);
  const lost = deps.temporal.workflow.getHandle(workflowId);
  // Its notices sent first: an activity cut off by the termination keeps the test server from skipping time.
  await waitUntil(async () => ((await lost.describe()).raw.pendingActivities ?? []).length === 0);
  await lost.terminate('replay scenario: the store is lost');
  const row = await deps.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: RESUME_EVENTS });
  const [resumed] = await resumeInputsFromLedger(deps.prisma, deps.policy)([row]);
  if (!resumed?.input.resume) throw new Error(`no resume input for ${caseId}`);
  await deps.temporal.workflow.start<Workflows['caseWorkflow']>('caseWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: resumed.workflowId,
    args: [resumed.input],
    workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
  });
  return workflowId;
}

/** An urgent case filed and, when `before` is given, taken through that district step; then lost and resumed. */
async function resumedAfter(deps: ScenarioDeps, title: string, before?: (id: string) => Promise<unknown>) {
  const id = await file(deps, title);
  await before?.(id);
  return { id, workflowId: await loseAndResume(deps, id) };
}

export const RESUME_SCENARIOS: Scenario[] = [
  {
    // The district's clock running and a district officer holding the case: forwarded (owner
    // cleared, the city's clock started), resolved and answered after the rebuild.
    name: 'resumed-at-district-owned-forwarded-resolved',
    async run(deps) {
      const district = as(deps, 'district@ledger.test');
      const { id, workflowId } = await resumedAfter(deps, 'resumed at the district', (id) =>
        performCaseAction(deps, district, id, 'take', { comment: 'mine' }),
      );
      await performCaseAction(deps, district, id, 'forward', { summary: 'needs the city' });
      await performCaseAction(deps, as(deps, 'city@ledger.test'), id, 'resolve', { resolution: 'pump installed' });
      await performCaseAction(deps, as(deps, 'east@ledger.test'), id, 'feedback', { satisfied: true });
      return workflowId;
    },
  },
  {
    // Back with the street for information (the clock paused): resubmitted, the clock runs on from
    // where it stopped, and the reminders and the overdue mark fire on time.
    name: 'resumed-returned-resubmitted-overdue',
    async run(deps) {
      const district = as(deps, 'district@ledger.test');
      const { id, workflowId } = await resumedAfter(deps, 'resumed while returned', (id) =>
        performCaseAction(deps, district, id, 'return', { questions: 'where exactly?' }),
      );
      await deps.advance(DAY);
      await performCaseAction(deps, as(deps, 'east@ledger.test'), id, 'resubmit', { edits: { location: 'Elm Road 12' } });
      await deps.advance(deps.policy.urgentDistrictDays * 3 * DAY);
      await waitUntil(async () => (await getCase(deps, district, id)).overdue);
      return workflowId;
    },
  },
  {
    // Awaiting the reporter's answer: the feedback deadline is re-armed and closes the case unanswered.
    name: 'resumed-awaiting-feedback-closes',
    async run(deps) {
      const district = as(deps, 'district@ledger.test');
      const { id, workflowId } = await resumedAfter(deps, 'resumed awaiting feedback', (id) =>
        performCaseAction(deps, district, id, 'solve', { resolution: 'done' }),
      );
      await deps.advance(deps.policy.feedbackDays * 3 * DAY);
      await waitUntil(async () => (await getCase(deps, district, id)).status === 'closed');
      return workflowId;
    },
  },
  {
    // Still in the street's own ledger (no clock yet): submitted to the district, whose clock starts, and rejected.
    name: 'resumed-in-ledger-submitted-rejected',
    async run(deps) {
      const id = await file(deps, 'resumed in the ledger', false);
      const workflowId = await loseAndResume(deps, id);
      await performCaseAction(deps, as(deps, 'west@ledger.test'), id, 'submit', { comment: 'ready' });
      await performCaseAction(deps, as(deps, 'district@ledger.test'), id, 'reject', { reason: 'private property' });
      return workflowId;
    },
  },
];
