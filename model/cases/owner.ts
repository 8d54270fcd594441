import type { Actor } from '../directory/roles.ts';
import type { Level } from './outcome.ts';
import type { RuleRefusal } from '../lifecycle.ts';

/**
 * A case's named owner inside the level holding it (model/cases/lifecycle.ts: `take`, `assignOwner`,
 * `release`). The table says which role takes each owner step from which statuses; what it cannot
 * say (whether someone holds the case now, and whether the assignee is a colleague) is here, for the
 * workflow's validators and the case view's `allowedActions` alike. Pure: workflow code uses it.
 */
export type CaseOwner = {
  userId: string;
  orgUnitId: string;
  /** The level that held the case when the owner was named: a move to another level clears the owner. */
  level: Level;
};
/** Who a case may be assigned to (the workflow's validator and the domain's look-up say the same). */
export const ASSIGN_TO_COLLEAGUES = {
  zh: '问题只能分派给当前承办单位中同一岗位的同事',
  en: 'a case is assigned only to a colleague of the unit holding it',
} as const;
export type OwnerStep = 'take' | 'assignOwner' | 'release';
export type OwnerRefusal = RuleRefusal;

type OwnerFacts = {
  owner: Pick<CaseOwner, 'userId'> | null;
  actor: Actor;
  /** The colleague named by `assignOwner`, as the domain looked them up. */
  assignee?: Actor;
  /** At the street level the unit holding the case is the filing unit itself. */
  level: Level;
  filingUnitId: string;
};

/** Why an owner step may not be taken now (the table's own refusal aside), or undefined when it may. */
export function refuseOwnerStep(step: OwnerStep, { owner, actor, assignee, level, filingUnitId }: OwnerFacts): OwnerRefusal | undefined {
  if (level === 'street' && actor.orgUnitId !== filingUnitId)
    return {
      kind: 'forbidden',
      said: {
        zh: '问题在报送单位期间，只能由报送单位的工作人员承办',
        en: 'only the filing unit’s staff own a case while it is with the filing unit',
      },
    };
  switch (step) {
    case 'take':
      return owner?.userId === actor.userId
        ? { kind: 'invalid_state', said: { zh: '此问题已由您承办', en: 'the case is already yours' } }
        : undefined;
    case 'release':
      return owner ? undefined : { kind: 'invalid_state', said: { zh: '此问题目前无人承办', en: 'nobody holds the case' } };
    case 'assignOwner':
      if (!assignee) return { kind: 'invalid_input', said: { zh: '请选择要分派给的同事', en: 'name the colleague to assign the case to' } };
      if (assignee.orgUnitId !== actor.orgUnitId || assignee.role !== actor.role) return { kind: 'forbidden', said: ASSIGN_TO_COLLEAGUES };
      return owner?.userId === assignee.userId
        ? { kind: 'invalid_state', said: { zh: '此问题已由这位同事承办', en: 'the case is already theirs' } }
        : undefined;
  }
}

/** Whether the case view offers an owner step: take unless it is the caller's, release only while someone holds it. */
export const offersOwnerStep = (step: OwnerStep, owner: Pick<CaseOwner, 'userId'> | null, userId: string): boolean =>
  step === 'take' ? owner?.userId !== userId : step === 'release' ? owner !== null : true;
