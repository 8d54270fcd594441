import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../../activities/index.ts';
import { halfYearOf, halfYearWindow, nextHalfYear } from '../../lib/half-years.ts';
import type { CaseMove } from '../../activities/cycle/case-moves.ts';
import type { Actor } from '../../model/directory/roles.ts';
import type { CyclePhase, CycleSnapshot, CycleWorkflowInput, OpenCyclesInput } from '../../model/cycle/cycle.ts';
import { CYCLE_PHASE_WORDS, halfYearWords } from '../../model/cycle/glossary.ts';
import {
  approveSummaryUpdate,
  cycleSnapshotQuery,
  forwardedInBatchSignal,
  ledgerSubmittedSignal,
  submitAppendicesUpdate,
  submitLedgerUpdate,
  updateRefusal,
  workflowIdForCase,
  workflowIdForCycle,
} from '../definitions.ts';
import {
  APPENDIX_SUBMISSION_LIFECYCLE,
  owingState,
  submissionTransition,
  type AppendixSubmissionState,
} from '../../model/leaders/appendix-submission.ts';

const cycles = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['InvalidInput'] },
});

const caseMoves = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Cycles started before this change moved cases by fire-and-forget signals; they keep doing so when replayed. */
const MOVES_BY_UPDATE = 'cycle-moves-cases-by-update';

/**
 * Cycles started before this change fixed the units owing Appendix 1 and 2 when they opened; now the
 * cycle asks again before each reminder, the summary and each chase (a unit's first leader, its last
 * one retired), and takes a submission from any unit the API found keeping leaders.
 */
const APPENDIX_UNITS_FOLLOW_LEADERS = 'cycle-appendix-units-follow-leaders';

/** Moves each case by Update and returns the ids of the cases that took the move, in order. */
async function moveCases(workflowId: string, moves: CaseMove[]): Promise<string[]> {
  const accepted: string[] = [];
  for (const move of moves) {
    const result = await caseMoves.moveCaseWithCycle({ ...move, updateId: `${workflowId}:${move.move}:${move.caseId}` });
    if (result.accepted) accepted.push(move.caseId);
  }
  return accepted;
}

/**
 * Started by the half-yearly Temporal Schedule (or by hand for a past half-year): one district cycle
 * per district. Child ids name the half-year and district, so running it again starts nothing twice.
 */
export async function openCyclesWorkflow(input: OpenCyclesInput): Promise<{ cycle: string; started: string[] }> {
  const { settings } = input;
  const cycle = input.cycle ?? halfYearOf(new Date(), settings.utcOffsetMinutes, settings.deadlines);
  const { to: deadline } = halfYearWindow(cycle, settings.utcOffsetMinutes, settings.deadlines);
  const started: string[] = [];
  for (const districtId of await cycles.listDistricts()) {
    try {
      await startChild(districtCycleWorkflow, {
        workflowId: workflowIdForCycle(cycle, districtId),
        args: [{ ...settings, cycle, districtId, opensAt: new Date().toISOString(), deadlineAt: deadline.toISOString() }],
        parentClosePolicy: 'ABANDON',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      started.push(districtId);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return { cycle, started };
}

/**
 * One district's half-year: reminders to units that have not submitted, their submissions (each
 * carries the unit's pending regular cases to the district), the freeze and summary at the deadline,
 * the batch to the city (after the district's review if configured), then daily chasing of late units.
 */
export async function districtCycleWorkflow(input: CycleWorkflowInput): Promise<CycleSnapshot> {
  const { cycle, districtId } = input;
  /** The half-year as refusals name it (2026年下半年). */
  const period = halfYearWords(cycle);
  const workflowId = workflowInfo().workflowId;
  const deadline = Date.parse(input.deadlineAt);
  const followsLeaders = patched(APPENDIX_UNITS_FOLLOW_LEADERS);
  const opened = await cycles.openDistrictCycle({ cycle, districtId, workflowId, opensAt: input.opensAt, deadlineAt: input.deadlineAt });
  const submitted = new Set(opened.submittedUnitIds);
  const missing = () => opened.unitIds.filter((u) => !submitted.has(u));
  // Appendix 1 and 2 from units that keep leaders (none in cycles opened before they were due).
  let appendixUnitIds = opened.appendixUnitIds ?? [];
  /** Who keeps leaders now, as the ledger says (cycles opened before the patch keep the list they opened with). */
  const askWhoOwesAppendices = async () => {
    if (followsLeaders) appendixUnitIds = (await cycles.appendixUnitsOwing({ cycle, districtId })).appendixUnitIds;
  };
  // The units that submitted, and how (those in before this run are known as submitted, on time or not).
  const appendicesIn = new Map<string, AppendixSubmissionState>((opened.appendixSubmittedUnitIds ?? []).map((u) => [u, 'submitted']));
  const appendixStateOf = (unitId: string) => appendicesIn.get(unitId) ?? owingState(Date.now() >= deadline);
  const missingAppendices = () => appendixUnitIds.filter((u) => !appendicesIn.has(u));
  /** Who still owes anything (ledger or appendices): reminded before the deadline, chased after it. */
  const owing = () => [...new Set([...missing(), ...missingAppendices()])];
  const owed = () => ({ unitIds: owing(), ...(missingAppendices().length > 0 ? { withAppendices: true } : {}) });
  let phase: CyclePhase = 'open';
  let lateUnitIds: string[] = [];
  let forwardedCaseIds: string[] = [];
  let approval: { actor: Actor; note?: string } | undefined;
  const snapshot = (): CycleSnapshot => ({ cycle, districtId, phase, submittedUnitIds: [...submitted], lateUnitIds, forwardedCaseIds });

  setHandler(cycleSnapshotQuery, snapshot);
  setHandler(
    submitLedgerUpdate,
    async ({ actor }) => {
      submitted.add(actor.orgUnitId);
      const late = Date.now() >= deadline;
      let caseIds: string[];
      if (patched(MOVES_BY_UPDATE)) {
        const pending = await cycles.pendingLedgerCases({ unitId: actor.orgUnitId });
        const moves = pending.map((caseId): CaseMove => ({ move: 'submitWithLedger', caseId, request: { actor, cycle } }));
        caseIds = (await cycles.recordLedgerSubmission({ cycle, districtId, actor, late, caseIds: await moveCases(workflowId, moves) }))
          .caseIds;
      } else {
        caseIds = (await cycles.recordLedgerSubmission({ cycle, districtId, actor, late })).caseIds;
        for (const caseId of caseIds)
          await getExternalWorkflowHandle(workflowIdForCase(caseId)).signal(ledgerSubmittedSignal, { actor, cycle });
      }
      await cycles.sendCycleNotice({
        cycle,
        districtId,
        notice: { kind: 'ledger_submitted', unitId: actor.orgUnitId, caseCount: caseIds.length, late },
        idempotencyKey: `${workflowId}:submitted:${actor.orgUnitId}`,
      });
      return { caseIds, late };
    },
    {
      validator: ({ actor }) => {
        if (actor.role !== 'street_staff')
          throw updateRefusal({
            kind: 'forbidden',
            said: { zh: '半年台账由街道/园区工作人员报送', en: 'only street staff submit a unit’s ledger' },
          });
        if (!opened.unitIds.includes(actor.orgUnitId))
          throw updateRefusal({ kind: 'forbidden', said: { zh: '本单位不属于这个区', en: 'your unit does not report to this district' } });
        if (submitted.has(actor.orgUnitId))
          throw updateRefusal({
            kind: 'invalid_state',
            said: { zh: `本单位已报送${period.zh}的台账`, en: `your unit already submitted its ledger for ${period.en}` },
          });
      },
    },
  );
  setHandler(
    submitAppendicesUpdate,
    async ({ actor, rules }) => {
      // On time or late, as the table leads from where the unit stands (the validator let it through).
      const from = appendixStateOf(actor.orgUnitId);
      const to = APPENDIX_SUBMISSION_LIFECYCLE.targetOf(submissionTransition(from), from);
      appendicesIn.set(actor.orgUnitId, to);
      // A unit whose first leader came after the cycle opened counts from its submission on.
      if (!appendixUnitIds.includes(actor.orgUnitId)) appendixUnitIds = [...appendixUnitIds, actor.orgUnitId];
      return cycles.recordAppendixSubmission({ cycle, districtId, actor, rules, late: to === 'submitted_late' });
    },
    {
      validator: ({ actor, keepsLeaders }) => {
        // The API looked the unit up just now (keepsLeaders); the list is what the cycle last asked.
        // A unit without leaders owes nothing now (not a matter of role: it may once it registers one).
        if (!keepsLeaders && !appendixUnitIds.includes(actor.orgUnitId))
          throw updateRefusal({
            kind: 'invalid_state',
            said: {
              zh: `本单位没有在任领导干部，无需报送${period.zh}的附件1、2`,
              en: `your unit keeps no active leaders, so it owes no Appendix 1 and 2 for ${period.en}`,
            },
          });
        const refusal = APPENDIX_SUBMISSION_LIFECYCLE.refuse('submit', appendixStateOf(actor.orgUnitId), actor.role);
        if (refusal) throw updateRefusal({ ...refusal, message: `${refusal.message} (your unit, ${cycle})` });
      },
    },
  );
  setHandler(
    approveSummaryUpdate,
    async ({ actor, note }) => {
      approval = { actor, note };
      await condition(() => phase !== 'awaiting_review');
      return snapshot();
    },
    {
      validator: ({ actor }) => {
        if (actor.role !== 'district_officer' || actor.orgUnitId !== districtId) {
          throw updateRefusal({
            kind: 'forbidden',
            said: { zh: '只有本区组织部可以审核汇总', en: 'only this district’s officers approve its summary' },
          });
        }
        if (phase !== 'awaiting_review')
          throw updateRefusal({
            kind: 'invalid_state',
            said: {
              zh: `汇总当前${CYCLE_PHASE_WORDS[phase].zh}，不在待审核状态`,
              en: `the summary is not awaiting review (${CYCLE_PHASE_WORDS[phase].en})`,
            },
          });
      },
    },
  );

  for (const reminder of await cycles.cycleReminderTimes({
    deadlineAt: input.deadlineAt,
    reminderWorkingDays: input.reminderWorkingDays,
    utcOffsetMinutes: input.utcOffsetMinutes,
  })) {
    const at = Date.parse(reminder.at);
    if (at <= Date.now()) continue;
    if (followsLeaders) {
      // Wait for every reminder: a unit may come to owe after everyone else has submitted.
      await sleep(at - Date.now());
      await askWhoOwesAppendices();
      if (owing().length === 0) continue;
    } else if (await condition(() => owing().length === 0, at - Date.now())) break;
    await cycles.sendCycleNotice({
      cycle,
      districtId,
      notice: { kind: 'reminder', ...owed(), workingDaysLeft: reminder.workingDaysLeft },
      idempotencyKey: `${workflowId}:reminder:${reminder.workingDaysLeft}`,
    });
  }
  if (deadline > Date.now()) await condition(() => false, deadline - Date.now());

  await askWhoOwesAppendices();
  lateUnitIds = missing();
  const summary = await cycles.summarizeCycle({
    cycle,
    districtId,
    lateUnitIds,
    utcOffsetMinutes: input.utcOffsetMinutes,
    reviewFirst: input.reviewFirst,
    deadlines: input.deadlines,
    appendixLateUnitIds: missingAppendices(),
  });
  if (input.reviewFirst) {
    phase = 'awaiting_review';
    await condition(() => approval !== undefined);
  }
  const batchRequest = { actor: approval?.actor ?? null, cycle, summary: approval?.note ?? summary.text };
  if (patched(MOVES_BY_UPDATE)) {
    const moves = summary.batchCaseIds.map((caseId): CaseMove => ({ move: 'forwardWithBatch', caseId, request: batchRequest }));
    forwardedCaseIds = await moveCases(workflowId, moves);
  } else {
    for (const caseId of summary.batchCaseIds)
      await getExternalWorkflowHandle(workflowIdForCase(caseId)).signal(forwardedInBatchSignal, batchRequest);
    forwardedCaseIds = summary.batchCaseIds;
  }
  phase = 'chasing';
  await cycles.recordCyclePhase({ cycle, districtId, phase, forwardedIds: forwardedCaseIds, reviewNote: approval?.note });
  if (forwardedCaseIds.length > 0) {
    await cycles.sendCycleNotice({
      cycle,
      districtId,
      notice: { kind: 'batch_forwarded', caseCount: forwardedCaseIds.length },
      idempotencyKey: `${workflowId}:batch`,
    });
  }

  // Late units are chased until they submit, at most chaseDays, and never past the next ledger's
  // deadline (so a backfill of a long-past half-year chases nobody).
  const chaseEnds = halfYearWindow(nextHalfYear(cycle), input.utcOffsetMinutes, input.deadlines).to.getTime();
  for (let day = 1; day <= input.chaseDays && owing().length > 0 && Date.now() < chaseEnds; day++) {
    if (await condition(() => owing().length === 0, '1 day')) break;
    await askWhoOwesAppendices();
    if (owing().length === 0) break;
    await cycles.sendCycleNotice({
      cycle,
      districtId,
      notice: { kind: 'late', ...owed(), day },
      idempotencyKey: `${workflowId}:late:${day}`,
    });
  }
  phase = 'closed';
  await cycles.recordCyclePhase({ cycle, districtId, phase });
  await condition(allHandlersFinished);
  return snapshot();
}
