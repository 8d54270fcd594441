import { ApplicationFailure, allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import { recommendationQuota } from '../../model/party/rules.ts';
import { UPDATE_REJECTIONS, roundReadyUpdate, roundSnapshotQuery, roundUpdates } from '../definitions.ts';
import type { Actor } from '../../model/directory/roles.ts';
import { ROUND_LIFECYCLE, type RoundAction, type RoundPhase } from '../../model/party/round-lifecycle.ts';
import {
  QUOTA_EXCEEDED,
  actsOnRound,
  roundRowId,
  subjectKeyOf,
  type Nomination,
  type RoundRequest,
  type RoundSnapshot,
  type RoundWorkflowInput,
} from '../../model/party/rounds.ts';
import { party } from './activities.ts';

const DAY = 86_400_000;
/** The street/park is reminded this long before its submission deadline, if it has not submitted. */
const REMINDER_BEFORE_MS = 3 * DAY;

const refuse = (message: string, type: string = UPDATE_REJECTIONS.invalidState) => {
  throw ApplicationFailure.nonRetryable(message, type);
};

/**
 * A street/park's yearly recommendation of outstanding members and branches: nominations by residents
 * and by the organization, a shortlist, the committee's decision within the quota, submission to the
 * district, the district's approval (the home units are then informed) or return for another decision.
 */
export async function recommendationRoundWorkflow(input: RoundWorkflowInput): Promise<RoundSnapshot> {
  const { year, unitId, districtId } = input;
  const workflowId = workflowInfo().workflowId;
  const nominations = new Map<string, Nomination>();
  let phase: RoundPhase = 'nominating';
  let version = 0;
  let submissions = 0;
  let returns = 0;
  let submittedAt: string | null = null;
  let approvedAt: string | null = null;
  let decisionNote: string | null = null;
  let returnReason: string | null = null;
  // Unknown until the round is opened: no step is taken before.
  let registeredCount: number | undefined = undefined;
  let quota = 0;

  const snapshot = (): RoundSnapshot => ({
    roundId: roundRowId(year, unitId),
    year,
    unitId,
    districtId,
    phase,
    registeredCount: registeredCount ?? 0,
    quota,
    submitByAt: input.submitByAt,
    submittedAt,
    late: submittedAt !== null && Date.parse(submittedAt) > Date.parse(input.submitByAt),
    decisionNote,
    returnReason,
    approvedAt,
    version,
    nominations: [...nominations.values()].map((n) => ({ ...n, sources: [...n.sources], reasons: { ...n.reasons } })),
  });
  let opened = false;
  const project = async () => {
    version += 1;
    await party.projectRecommendationRound(snapshot());
    return snapshot();
  };
  const selectedMembers = () => [...nominations.values()].filter((n) => n.selected && n.kind === 'member').length;
  /**
   * An Update's validator: the transition table says whether this role may take the step in this
   * phase; the round says whether the caller's unit is the one that runs or reviews it.
   */
  const validate = (action: RoundAction, actor: Actor) => {
    const refusal = ROUND_LIFECYCLE.refuse(action, phase, actor.role);
    if (refusal?.kind === 'forbidden') refuse(refusal.message, UPDATE_REJECTIONS.forbidden);
    if (!actsOnRound(input, actor))
      refuse('only this street/park’s staff run its round, and its district’s officers review it', UPDATE_REJECTIONS.forbidden);
    if (registeredCount === undefined) refuse('the round is still opening');
    if (refusal) refuse(refusal.message);
  };
  const validateStep =
    (action: RoundAction) =>
    ({ actor }: { actor: Actor }) =>
      validate(action, actor);

  setHandler(roundSnapshotQuery, snapshot);
  setHandler(roundReadyUpdate, async () => {
    await condition(() => opened);
    return snapshot();
  });
  setHandler(
    roundUpdates.nominate,
    async ({ command: { kind, subjectId, source, reason } }) => {
      const key = subjectKeyOf(kind, subjectId);
      const existing = nominations.get(key) ?? {
        subjectKey: key,
        kind,
        subjectId,
        sources: [],
        reasons: {},
        shortlisted: false,
        selected: false,
      };
      existing.sources.push(source);
      existing.reasons[source] = reason;
      nominations.set(key, existing);
      return project();
    },
    {
      validator: ({ actor, command: { kind, subjectId, source } }: RoundRequest<'nominate'>) => {
        validate('nominate', actor);
        if (nominations.get(subjectKeyOf(kind, subjectId))?.sources.includes(source))
          refuse(`this ${kind} is already nominated by the ${source}`);
      },
    },
  );
  setHandler(
    roundUpdates.shortlist,
    async ({ command: { subjectKeys } }) => {
      for (const n of nominations.values()) n.shortlisted = subjectKeys.includes(n.subjectKey);
      phase = 'shortlisted';
      return project();
    },
    {
      validator: ({ actor, command: { subjectKeys } }: RoundRequest<'shortlist'>) => {
        validate('shortlist', actor);
        const unknown = subjectKeys.filter((k) => !nominations.has(k));
        if (unknown.length > 0) refuse(`not nominated: ${unknown.join(', ')}`, UPDATE_REJECTIONS.invalidInput);
      },
    },
  );
  setHandler(
    roundUpdates.decide,
    async ({ command: { selected, note } }) => {
      for (const n of nominations.values()) n.selected = selected.includes(n.subjectKey);
      decisionNote = note ?? null;
      phase = 'decided';
      return project();
    },
    {
      validator: ({ actor, command: { selected } }: RoundRequest<'decide'>) => {
        validate('decide', actor);
        const outside = selected.filter((k) => !nominations.get(k)?.shortlisted);
        if (outside.length > 0) refuse(`not on the shortlist: ${outside.join(', ')}`, UPDATE_REJECTIONS.invalidInput);
      },
    },
  );
  setHandler(
    roundUpdates.submit,
    async () => {
      submittedAt = new Date().toISOString();
      phase = 'submitted';
      submissions += 1;
      const result = await project();
      await party.sendRoundNotice({
        roundId: result.roundId,
        notice: 'submitted',
        idempotencyKey: `${workflowId}:submitted:${submissions}`,
      });
      return result;
    },
    {
      validator: ({ actor }: RoundRequest<'submit'>) => {
        validate('submit', actor);
        if (![...nominations.values()].some((n) => n.selected)) refuse('the decision selects nobody', UPDATE_REJECTIONS.invalidInput);
        if (selectedMembers() > quota)
          refuse(
            `over quota: ${selectedMembers()} members selected, at most ${quota} allowed (${input.quotaPercent} % of ${registeredCount} registered, ${input.quotaRounding}ed)`,
            QUOTA_EXCEEDED,
          );
      },
    },
  );
  setHandler(
    roundUpdates.return,
    async ({ command: { reason } }) => {
      returnReason = reason;
      phase = 'returned';
      returns += 1;
      const result = await project();
      await party.sendRoundNotice({ roundId: result.roundId, notice: 'returned', idempotencyKey: `${workflowId}:returned:${returns}` });
      return result;
    },
    { validator: validateStep('return') },
  );
  setHandler(
    roundUpdates.approve,
    async () => {
      approvedAt = new Date().toISOString();
      phase = 'approved';
      const result = await project();
      await party.informHomeUnits({ roundId: result.roundId, idempotencyPrefix: `${workflowId}:informed` });
      return result;
    },
    { validator: validateStep('approve') },
  );

  const registered = await party.openRecommendationRound({ year, unitId });
  registeredCount = registered.registeredCount;
  quota = recommendationQuota(registered.registeredCount, input.quotaPercent, input.quotaRounding);
  await project();
  opened = true;

  const handedIn = () => phase === 'submitted' || phase === 'approved';
  const remindAt = Date.parse(input.submitByAt) - REMINDER_BEFORE_MS;
  if (remindAt > Date.now() && !(await condition(handedIn, remindAt - Date.now())))
    await party.sendRoundNotice({ roundId: roundRowId(year, unitId), notice: 'reminder', idempotencyKey: `${workflowId}:reminder` });
  const endsIn = Date.parse(input.endsAt) - Date.now();
  if (!(await condition(() => phase === 'approved', Math.max(endsIn, 1)))) {
    phase = 'expired';
    await project();
  }
  await condition(allHandlersFinished);
  return snapshot();
}
