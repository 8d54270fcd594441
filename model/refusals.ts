import type { Language } from './glossary.ts';
import { LIFECYCLE_WORDS } from './glossary.ts';
import { ROLE_WORDS } from './directory/glossary.ts';
import type { Refusal, Taker, Words } from './lifecycle.ts';
import { LIFECYCLES, type LifecycleName } from './lifecycles.ts';

/** What each thing with states is called in a sentence. */
const SUBJECT_WORDS: Record<LifecycleName, Words> = {
  case: { zh: '问题', en: 'case' },
  activityReview: { zh: '活动', en: 'activity' },
  appendixSubmission: { zh: '附件1、2报送', en: 'Appendix 1 and 2 submission' },
  round: { zh: '推荐评选', en: 'round' },
  registration: { zh: '报到登记', en: 'registration' },
  serviceRecord: { zh: '服务记录', en: 'record' },
  partyOrganization: { zh: '社区或党支部', en: 'community or party branch' },
  exportJob: { zh: '导出', en: 'export' },
  open311ApiKey: { zh: 'Open311 接口密钥', en: 'Open311 api key' },
  webhook: { zh: '推送地址', en: 'webhook' },
  webhookDelivery: { zh: '推送记录', en: 'delivery' },
  userAccount: { zh: '用户', en: 'user' },
};

const SYSTEM_WORDS: Words = { zh: '系统', en: 'the system' };

const lifecycleNamed = (subject: string): LifecycleName | undefined =>
  (Object.keys(LIFECYCLES) as LifecycleName[]).find((name) => LIFECYCLES[name].subject === subject);

/**
 * A transition table's refusal in the words people read: the step, the state and the states where the
 * step is possible from the glossary, never their codes ("问题处于“市级协调”时不能“区级解决”（“区级梳理”时可以）").
 * Undefined for a table the glossary does not know (the English message then stands).
 */
export function refusalWords(refusal: Refusal<string, string>): Record<Language, string> | undefined {
  const name = lifecycleNamed(refusal.subject);
  if (!name) return undefined;
  const words = LIFECYCLE_WORDS[name] as { states: Record<string, Words>; actions: Record<string, Words> };
  const subject = SUBJECT_WORDS[name];
  const action = words.actions[refusal.action];
  if (!action) return undefined;
  if (refusal.kind === 'forbidden') {
    const taker = takerWords(refusal.taker);
    return {
      zh: `${taker.zh}不能对${subject.zh}进行“${action.zh}”`,
      en: `${taker.en} may not ${action.en} a ${subject.en}`,
    };
  }
  const state = words.states[refusal.state];
  const possible = refusal.allowedFrom.map((s) => words.states[s]).filter((w): w is Words => w !== undefined);
  if (!state) return undefined;
  const when: Words = {
    zh: possible.length ? `（${possible.map((w) => `“${w.zh}”`).join('或')}时可以）` : '',
    en: possible.length ? ` (possible in ${possible.map((w) => w.en).join(' or ')})` : '',
  };
  return {
    zh: `${subject.zh}处于“${state.zh}”时不能“${action.zh}”${when.zh}`,
    en: `cannot ${action.en} while the ${subject.en} is in ${state.en}${when.en}`,
  };
}

const takerWords = (taker: Taker): Words => (taker === 'system' ? SYSTEM_WORDS : ROLE_WORDS[taker]);
