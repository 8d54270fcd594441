import type { LifecycleWords, Words } from '../lifecycle.ts';
import type { OrganizationAction, OrganizationState } from './organization-lifecycle.ts';
import type { RecordAction, RecordState } from './record-lifecycle.ts';
import type { RegistrationAction, RegistrationState } from './registration-lifecycle.ts';
import type { RoundAction, RoundPhase } from './round-lifecycle.ts';

// Section Four's lifecycles in the words people read (screens, exports, mail), per state and per
// step; the glossary of model/ gathers them with the other features'.

export const ROUND_GLOSSARY = {
  states: {
    nominating: { zh: '推荐中', en: 'nominating' },
    shortlisted: { zh: '已确定初步人选', en: 'shortlisted' },
    decided: { zh: '已集体研究确定', en: 'decided' },
    submitted: { zh: '已报区委组织部', en: 'submitted to the district' },
    returned: { zh: '已退回', en: 'returned' },
    approved: { zh: '已审核通过', en: 'approved' },
    expired: { zh: '已过期', en: 'expired' },
  },
  actions: {
    nominate: { zh: '推荐', en: 'nominate' },
    shortlist: { zh: '确定初步人选', en: 'shortlist' },
    decide: { zh: '集体研究确定', en: 'decide' },
    submit: { zh: '报送区委组织部', en: 'submit' },
    approve: { zh: '审核通过', en: 'approve' },
    return: { zh: '退回', en: 'return' },
  },
} as const satisfies LifecycleWords<RoundPhase, RoundAction>;

export const REGISTRATION_GLOSSARY = {
  states: {
    pending: { zh: '待接收', en: 'awaiting acceptance' },
    active: { zh: '已报到', en: 'registered' },
    ended: { zh: '已迁出', en: 'moved away' },
  },
  actions: {
    register: { zh: '报到登记', en: 'register' },
    accept: { zh: '接收报到', en: 'accept' },
    move: { zh: '迁移', en: 'move' },
  },
} as const satisfies LifecycleWords<RegistrationState, RegistrationAction>;

export const RECORD_GLOSSARY = {
  states: {
    awaiting_confirmation: { zh: '待确认', en: 'awaiting confirmation' },
    confirmed: { zh: '已确认', en: 'confirmed' },
    fed_back: { zh: '已反馈所在单位', en: 'fed back to the home unit' },
  },
  actions: {
    record: { zh: '登记服务', en: 'record' },
    confirm: { zh: '确认', en: 'confirm' },
  },
} as const satisfies LifecycleWords<RecordState, RecordAction>;

export const ORGANIZATION_GLOSSARY = {
  states: {
    active: { zh: '在用', en: 'in use' },
    retired: { zh: '已撤销', en: 'retired' },
  },
  actions: {
    add: { zh: '新增', en: 'add' },
    edit: { zh: '修改', en: 'edit' },
    retire: { zh: '撤销', en: 'retire' },
  },
} as const satisfies LifecycleWords<OrganizationState, OrganizationAction>;

/** The things of Section Four named in a sentence ("没有这个社区", "the unit already has a party branch of that name"). */
export const PARTY_THING_WORDS = {
  community: { zh: '社区', en: 'community' },
  branch: { zh: '党支部', en: 'party branch' },
  member: { zh: '党员', en: 'party member' },
} as const satisfies Record<string, Words>;
