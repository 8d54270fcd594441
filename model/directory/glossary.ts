import type { LifecycleWords, Words } from '../lifecycle.ts';
import type { Role } from './roles.ts';
import type { UnitKind } from './unit-kinds.ts';
import type { UserAccountAction, UserAccountState } from './user-account.ts';

/** What any unit of the tree is called in a sentence. */
export const UNIT_WORDS = { zh: '单位', en: 'unit' } as const satisfies Words;

/** The organisation tree in the words people read: the kinds of unit and the roles people hold in them. */
export const UNIT_KIND_WORDS = {
  municipality: { zh: '市委组织部', en: 'municipality' },
  district: { zh: '区委组织部', en: 'district' },
  street: { zh: '街道', en: 'street' },
  park: { zh: '园区', en: 'park' },
  district_department: { zh: '区直部门', en: 'district department' },
  garrison_unit: { zh: '驻区单位', en: 'garrison unit' },
  leadership_body: { zh: '区级领导班子', en: 'district leadership body' },
} as const satisfies Record<UnitKind, Words>;

export const ROLE_WORDS = {
  street_staff: { zh: '街道/园区工作人员', en: 'street/park staff' },
  district_officer: { zh: '区委组织部', en: 'district officer' },
  municipal_liaison: { zh: '市委组织部联络员', en: 'municipal liaison' },
  admin: { zh: '管理员', en: 'administrator' },
} as const satisfies Record<Role, Words>;

/** A user account's states and steps (model/directory/user-account.ts): the directory screen's tags and buttons. */
export const USER_ACCOUNT_GLOSSARY = {
  states: {
    active: { zh: '启用', en: 'active' },
    deactivated: { zh: '停用', en: 'deactivated' },
  },
  actions: {
    create: { zh: '新建用户', en: 'create a user' },
    edit: { zh: '编辑', en: 'edit' },
    resetPassword: { zh: '重置密码', en: 'reset the password' },
    deactivate: { zh: '停用', en: 'deactivate' },
    reactivate: { zh: '重新启用', en: 'enable again' },
  },
} as const satisfies LifecycleWords<UserAccountState, UserAccountAction>;
