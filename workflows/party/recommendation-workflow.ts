import { ApplicationFailure, allHandlersFinished, condition, log, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Actor } from '../../model/directory/roles.ts';
import {
  FINAL_ROUND_PHASES,
  ROUND_LIFECYCLE,
  ROUND_TRANSITIONS,
  type RoundAction,
  type RoundNotice,
  type RoundPhase,
  type RoundTransitionName,
} from '../../model/party/round-lifecycle.ts';
import {
  QUOTA_EXCEEDED,
  actsOnRound,
  roundRowId,
  subjectKeyOf,
  type Nomination,
  type RoundEventRecord,
  type RoundIdentity,
  type RoundRequest,
  type RoundRow,
  type RoundSnapshot,
  type RoundWorkflowInput,
} from '../../model/party/rounds.ts';
import { recommendationQuota } from '../../model/party/rules.ts';
import { LEDGER_REFUSED_FAILURE, roundReadyUpdate, roundSnapshotQuery, roundUpdates, updateRefusal } from '../definitions.ts';
import type { RuleRefusal, Words } from '../../model/lifecycle.ts';
import { PARTY_THING_WORDS } from '../../model/party/glossary.ts';
import { NOMINATION_SOURCE_LABELS } from '../../model/party/vocabulary.ts';
import { refusedForGood } from '../refusals.ts';
import { party, roundProjection } from './activities.ts';

/**
 * Patch: a round records one event per change (written with its row by a local activity, from a
 * queue, in order) and sends its notices beside the events, never inside an Update. Rounds started
 * before it project their whole snapshot per change and mail inside the Update, to their end.
 */
export const ROUND_RECORDS_EVENTS = 'round-records-events';

const DAY = 86_400_000;
/** The street/park is reminded this long before its submission deadline, if it has not submitted. */
const REMINDER_BEFORE_MS = 3 * DAY;

/** A validator's refusal in both languages (the API answers in the reader's). */
const refuse = (kind: RuleRefusal['kind'], said: Words, params?: RuleRefusal['params']): never => {
  throw updateRefusal({ kind, said, ...(params ? { params } : {}) });
};
const copyOf = (n: Nomination): Nomination => ({ ...n, sources: [...n.sources], reasons: { ...n.reasons } });

/** What a change did besides the phase: the words it came with, and its change to the nominations. */
type Change = Pick<RoundEventRecord, 'nomination' | 'shortlisted' | 'selected'> & { comment?: string | null };
type Job = { kind: 'project'; event: RoundEventRecord } | { kind: 'notice'; notice: RoundNotice; sequence: number };

/**
 * A street/park's yearly recommendation of outstanding members and branches: nominations by residents
 * and by the organization, a shortlist, the committee's decision within the quota, submission to the
 * district, the district's approval (the home units are then informed) or return for another decision.
 * Every change goes through the round's transition table (model/party/round-lifecycle.ts).
 *
 * Why one long function: a workflow's state lives in its closure, which the handlers, the event queue
 * and the timeline share; and it still carries the path of rounds started before `round-records-events`
 * (`projectSnapshots`, `project`, the mail inside `answer`). Those rounds end by December 31 of their
 * year at the latest; once none runs, that path and the patch call go (see docs/development.md).
 */
export async function recommendationRoundWorkflow(input: RoundWorkflowInput): Promise<RoundSnapshot> {
  const recordsEvents = patched(ROUND_RECORDS_EVENTS);
  const { year, unitId, districtId } = input;
  const workflowId = workflowInfo().workflowId;
  const identity: RoundIdentity = { roundId: roundRowId(year, unitId), year, unitId, districtId, submitByAt: input.submitByAt };
  const nominations = new Map<string, Nomination>();
  let phase: RoundPhase = 'nominating';
  // The last event's sequence (before the patch: the snapshots projected).
  let version = 0;
  let projectedSequence = 0;
  let submittedAt: string | null = null;
  let approvedAt: string | null = null;
  let decisionNote: string | null = null;
  let returnReason: string | null = null;
  // Unknown until the round is opened: no step is taken before.
  let registeredCount: number | undefined = undefined;
  let quota = 0;
  const jobs: Job[] = [];
  // Notices go out beside the events, so a slow or dead mail server never holds up a step.
  let noticesInFlight = 0;
  // Why the database refused an event for good: the Updates waiting for it fail, and the round ends.
  let refusal: string | undefined;
  // Rounds before the patch: the counts in their notices' keys, and whether their row is written.
  let submissions = 0;
  let returns = 0;
  let opened = false;

  const row = (): RoundRow => ({
    phase,
    registeredCount: registeredCount ?? 0,
    quota,
    submittedAt,
    late: submittedAt !== null && Date.parse(submittedAt) > Date.parse(input.submitByAt),
    decisionNote,
    returnReason,
    approvedAt,
  });
  const snapshot = (): RoundSnapshot => ({ ...identity, ...row(), version, nominations: [...nominations.values()].map(copyOf) });
  const selectedMembers = () => [...nominations.values()].filter((n) => n.selected && n.kind === 'member').length;
  const mayRecord = (name: RoundTransitionName) => (ROUND_TRANSITIONS[name].from as readonly RoundPhase[]).includes(phase);

  /** Takes a transition of the table: moves the phase, and queues its event and its notices. */
  function record(name: RoundTransitionName, actor: Actor | null, { comment = null, ...nominationsChange }: Change = {}): number {
    const fromPhase = version === 0 ? null : phase;
    phase = ROUND_LIFECYCLE.targetOf(name, fromPhase);
    version += 1;
    const { event: type, notices } = ROUND_TRANSITIONS[name];
    const occurredAt = new Date().toISOString();
    jobs.push({
      kind: 'project',
      event: { sequence: version, type, actor, fromPhase, toPhase: phase, comment, ...nominationsChange, occurredAt, row: row() },
    });
    for (const notice of notices) jobs.push({ kind: 'notice', notice, sequence: version });
    return version;
  }
  const untilProjected = async (sequence: number) => {
    await condition(() => projectedSequence >= sequence || refusal !== undefined);
    if (projectedSequence < sequence) refuse('invalid_input', { zh: '台账未能记录此项内容', en: refusal ?? 'not recorded' });
    return snapshot();
  };
  /** Before the patch: the whole round written per change. */
  const project = async () => {
    version += 1;
    await party.projectRecommendationRound(snapshot());
    return snapshot();
  };
  /**
   * A step's answer, once its change is made: its event recorded (the Update waits for the row, never
   * for mail). Before the patch: the snapshot projected, then the notice mailed, inside the Update.
   */
  const answer = async (action: RoundAction, actor: Actor, change: Change, mailBeforeEvents?: () => Promise<unknown>) => {
    if (recordsEvents) return untilProjected(record(action, actor, change));
    phase = ROUND_LIFECYCLE.targetOf(action, phase);
    const result = await project();
    if (mailBeforeEvents) await mailBeforeEvents();
    return result;
  };

  /**
   * An Update's validator: the transition table says whether this role may take the step in this
   * phase; the round says whether the caller's unit is the one that runs or reviews it.
   */
  /** Over the quota: its own failure type (409 quota_exceeded), with the figures the list is held to. */
  const overQuota = (selected: number) => {
    const registered = registeredCount ?? 0;
    // Its own failure type: the API answers 409 quota_exceeded, not a plain bad input.
    return updateRefusal(
      {
        kind: 'invalid_input',
        said: {
          zh: `已选 ${selected} 名党员，超过名额：最多 ${quota} 名（已报到 ${registered} 名的 ${input.quotaPercent}%）`,
          en: `over quota: ${selected} members selected, at most ${quota} allowed (${input.quotaPercent} % of ${registered} registered, ${input.quotaRounding}ed)`,
        },
        params: { selected, quota, quotaPercent: input.quotaPercent, registered },
      },
      QUOTA_EXCEEDED,
    );
  };
  const validate = (action: RoundAction, actor: Actor) => {
    const tableRefusal = ROUND_LIFECYCLE.refuse(action, phase, actor.role);
    if (tableRefusal?.kind === 'forbidden') throw updateRefusal(tableRefusal);
    if (!actsOnRound(input, actor))
      refuse('forbidden', {
        zh: '推荐评选由本街道/园区的工作人员办理，由所在区的组织部审核',
        en: 'only this street/park’s staff run its round, and its district’s officers review it',
      });
    if (registeredCount === undefined) refuse('invalid_state', { zh: '推荐评选正在开启，请稍后再试', en: 'the round is still opening' });
    if (tableRefusal) throw updateRefusal(tableRefusal);
  };
  const validateStep =
    (action: RoundAction) =>
    ({ actor }: { actor: Actor }) =>
      validate(action, actor);

  setHandler(roundSnapshotQuery, snapshot);
  setHandler(roundReadyUpdate, async () => {
    if (recordsEvents) return untilProjected(1);
    await condition(() => opened);
    return snapshot();
  });
  setHandler(
    roundUpdates.nominate,
    async ({ actor, command: { kind, subjectId, source, reason } }) => {
      const key = subjectKeyOf(kind, subjectId);
      const nomination = nominations.get(key) ?? {
        subjectKey: key,
        kind,
        subjectId,
        sources: [],
        reasons: {},
        shortlisted: false,
        selected: false,
      };
      nomination.sources.push(source);
      nomination.reasons[source] = reason;
      nominations.set(key, nomination);
      return answer('nominate', actor, { comment: reason, nomination: copyOf(nomination) });
    },
    {
      validator: ({ actor, command: { kind, subjectId, source } }: RoundRequest<'nominate'>) => {
        validate('nominate', actor);
        if (nominations.get(subjectKeyOf(kind, subjectId))?.sources.includes(source))
          refuse(
            'invalid_state',
            {
              zh: `这个${PARTY_THING_WORDS[kind].zh}已有${NOMINATION_SOURCE_LABELS[source].zh}`,
              en: `this ${PARTY_THING_WORDS[kind].en} is already nominated by the ${source}`,
            },
            { kind, source },
          );
      },
    },
  );
  setHandler(
    roundUpdates.shortlist,
    async ({ actor, command: { subjectKeys } }) => {
      for (const n of nominations.values()) n.shortlisted = subjectKeys.includes(n.subjectKey);
      return answer('shortlist', actor, { shortlisted: subjectKeys });
    },
    {
      validator: ({ actor, command: { subjectKeys } }: RoundRequest<'shortlist'>) => {
        validate('shortlist', actor);
        const unknown = subjectKeys.filter((k) => !nominations.has(k));
        if (unknown.length > 0)
          refuse(
            'invalid_input',
            { zh: `未被推荐：${unknown.join('、')}`, en: `not nominated: ${unknown.join(', ')}` },
            { subjectKeys: unknown },
          );
      },
    },
  );
  setHandler(
    roundUpdates.decide,
    async ({ actor, command: { selected, note } }) => {
      for (const n of nominations.values()) n.selected = selected.includes(n.subjectKey);
      decisionNote = note ?? null;
      return answer('decide', actor, { comment: decisionNote, selected });
    },
    {
      validator: ({ actor, command: { selected } }: RoundRequest<'decide'>) => {
        validate('decide', actor);
        const outside = selected.filter((k) => !nominations.get(k)?.shortlisted);
        if (outside.length > 0)
          refuse(
            'invalid_input',
            { zh: `不在初步人选中：${outside.join('、')}`, en: `not on the shortlist: ${outside.join(', ')}` },
            { subjectKeys: outside },
          );
      },
    },
  );
  setHandler(
    roundUpdates.submit,
    async ({ actor }) => {
      submittedAt = new Date().toISOString();
      submissions += 1;
      return answer('submit', actor, {}, () =>
        party.sendRoundNotice({ roundId: identity.roundId, notice: 'submitted', idempotencyKey: `${workflowId}:submitted:${submissions}` }),
      );
    },
    {
      validator: ({ actor }: RoundRequest<'submit'>) => {
        validate('submit', actor);
        if (![...nominations.values()].some((n) => n.selected))
          refuse('invalid_input', { zh: '集体研究未确定任何人选', en: 'the decision selects nobody' });
        if (selectedMembers() > quota) throw overQuota(selectedMembers());
      },
    },
  );
  setHandler(
    roundUpdates.return,
    async ({ actor, command: { reason } }) => {
      returnReason = reason;
      returns += 1;
      return answer('return', actor, { comment: reason }, () =>
        party.sendRoundNotice({ roundId: identity.roundId, notice: 'returned', idempotencyKey: `${workflowId}:returned:${returns}` }),
      );
    },
    { validator: validateStep('return') },
  );
  setHandler(
    roundUpdates.approve,
    async ({ actor }) => {
      approvedAt = new Date().toISOString();
      return answer('approve', actor, {}, () =>
        party.informHomeUnits({ roundId: identity.roundId, idempotencyPrefix: `${workflowId}:informed` }),
      );
    },
    { validator: validateStep('approve') },
  );

  const registered = await party.openRecommendationRound({ year, unitId });
  registeredCount = registered.registeredCount;
  quota = recommendationQuota(registered.registeredCount, input.quotaPercent, input.quotaRounding);
  const remindAt = Date.parse(input.submitByAt) - REMINDER_BEFORE_MS;
  const endsAt = Date.parse(input.endsAt);
  return recordsEvents ? recordEvents() : projectSnapshots();

  /** Opened, then each change written in order until the round is approved or expires. */
  async function recordEvents(): Promise<RoundSnapshot> {
    record('open', input.openedBy ?? null);
    const isFinal = () => (FINAL_ROUND_PHASES as readonly RoundPhase[]).includes(phase);
    const timeline = runTimeline(isFinal);
    while (jobs.length > 0 || !isFinal()) {
      await condition(() => jobs.length > 0 || isFinal());
      const job = jobs.shift();
      if (!job) continue;
      await run(job);
      if (refusal !== undefined) break;
    }
    if (refusal === undefined) await timeline;
    // The last answers, and the mail still on its way, before the round ends.
    await condition(() => noticesInFlight === 0 && allHandlersFinished());
    if (refusal !== undefined) throw ApplicationFailure.nonRetryable(refusal, LEDGER_REFUSED_FAILURE);
    return snapshot();
  }

  /** The round's own moves: reminded three days before its deadline unless handed in, expired at the year's end unless approved. */
  async function runTimeline(isFinal: () => boolean) {
    if (remindAt > Date.now() && !(await condition(() => !mayRecord('remind'), remindAt - Date.now()))) record('remind', null);
    if (!(await condition(isFinal, Math.max(endsAt - Date.now(), 1)))) record('expire', null);
  }

  async function run(job: Job) {
    if (job.kind === 'project') {
      try {
        await roundProjection.projectRoundEvent({ round: identity, event: job.event });
        projectedSequence = job.event.sequence;
      } catch (error) {
        refusal = refusedForGood(error);
      }
      return;
    }
    noticesInFlight += 1;
    const idempotencyKey = `${workflowId}:${job.sequence}:${job.notice}`;
    const { roundId } = identity;
    const sending =
      job.notice === 'home_units_informed'
        ? party.informHomeUnits({ roundId, idempotencyPrefix: idempotencyKey })
        : party.sendRoundNotice({ roundId, notice: job.notice, idempotencyKey });
    void sending
      .catch((error: unknown) => log.error('round notice could not be sent', { idempotencyKey, error }))
      .finally(() => (noticesInFlight -= 1));
  }

  /** Before the patch: each change projected as a snapshot, the reminder and the expiry in line. */
  async function projectSnapshots(): Promise<RoundSnapshot> {
    await project();
    opened = true;
    const handedIn = () => phase === 'submitted' || phase === 'approved';
    if (remindAt > Date.now() && !(await condition(handedIn, remindAt - Date.now())))
      await party.sendRoundNotice({ roundId: identity.roundId, notice: 'reminder', idempotencyKey: `${workflowId}:reminder` });
    if (!(await condition(() => phase === 'approved', Math.max(endsAt - Date.now(), 1)))) {
      phase = 'expired';
      await project();
    }
    await condition(allHandlersFinished);
    return snapshot();
  }
}
