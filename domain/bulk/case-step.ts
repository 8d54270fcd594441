import type { Client } from '@temporalio/client';
import type { Db } from '../../lib/db.ts';
import { DomainError, ERRORS, type ErrorCode, type Localized } from '../../lib/errors.ts';
import type { BulkActor, BulkItemResult, BulkStep } from '../../model/bulk/bulk-steps.ts';
import type { ActionBody } from '../../model/cases/case-actions.ts';
import { updateIdForBulkCase } from '../../workflows/definitions.ts';
import { sendCaseStep } from '../cases/cases.ts';

/** One case of a bulk step, as the job's activity sends it. */
export type BulkCaseStep = { jobId: string; step: BulkStep; body: ActionBody<BulkStep>; actor: BulkActor; caseId: string };

/**
 * What a case's refusal is, as a result of the job rather than a failure to retry: the case is not the
 * caller's to see (not found, never more), not theirs to step, not in a state for the step, or the text
 * or colleague is refused. Anything else (a service not answering) is thrown, and retried.
 */
const REFUSALS: readonly ErrorCode[] = ['not_found', 'forbidden', 'invalid_transition', 'validation_failed', 'conflict'];

const ACCOUNT_CHANGED: Localized = {
  zh: '您的账号已停用或岗位已变更，不能再办理此问题',
  en: 'your account was deactivated or moved since the bulk step started',
};

/**
 * Applies the step to one case through the same path as the single-case step (`sendCaseStep`: role,
 * scope and what the domain looks up, then the case workflow's validator), under an Update id derived
 * from the job and the case, so a retried attempt joins the first and never acts twice.
 */
export async function applyStepToCase(deps: { prisma: Db; temporal: Client }, input: BulkCaseStep): Promise<BulkItemResult> {
  const { caseId } = input;
  const account = await deps.prisma.user.findUnique({
    where: { id: input.actor.id },
    select: { active: true, role: true, orgUnitId: true },
  });
  if (!account?.active || account.role !== input.actor.role || account.orgUnitId !== input.actor.orgUnitId) {
    return { caseId, outcome: 'refused', code: 'forbidden', reason: ACCOUNT_CHANGED };
  }
  try {
    await sendCaseStep(deps, input.actor, caseId, input.step, input.body, updateIdForBulkCase(input.jobId, caseId));
    return { caseId, outcome: 'done' };
  } catch (error) {
    if (!(error instanceof DomainError) || !REFUSALS.includes(error.code)) throw error;
    return { caseId, outcome: 'refused', code: error.code, reason: 'log' in error.said ? ERRORS[error.code].message : error.said };
  }
}
