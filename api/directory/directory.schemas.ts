import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import { ROLES } from '../../model/directory/roles.ts';
import { UNIT_KINDS } from '../../model/directory/unit-kinds.ts';
import { USER_ACCOUNT_ACTIONS } from '../../model/directory/user-account.ts';
import { lineText } from '../../model/text.ts';

export const orgUnitView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().nullable(),
  email: z.string().nullable(),
  /** Whether units of this kind file cases: the units a case list can be filtered by. */
  filesCases: z.boolean(),
  /** Whether its clerk keeps leaders (Appendix 1 and 2): the units and leadership bodies. */
  keepsLeaders: z.boolean(),
  /** Whether it keeps communities (street offices and parks): where leaders and members report for service. */
  keepsCommunities: z.boolean(),
});
export const orgUnitList = z.object({ items: z.array(orgUnitView) });

export const createOrgUnitBody = z.strictObject({
  code: z.string().regex(/^[A-Z0-9-]{2,40}$/, 'capital letters, digits and - (2 to 40)'),
  name: lineText(200),
  kind: z.enum(UNIT_KINDS),
  parentId: z.uuid().optional(),
  email: z.email().optional(),
});

/** What may change in a unit: its name and its e-mail (null removes it). Its code, kind and place in the tree stay. */
export const updateOrgUnitBody = z
  .strictObject({
    name: lineText(200).optional(),
    email: z.email().max(254).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual({ zh: '请至少修改一项', en: 'change at least one field' }));
export const orgUnitIdParams = z.strictObject({ id: z.uuid() });

export const userView = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnitId: z.uuid(),
  active: z.boolean(),
  createdAt: z.iso.datetime(),
  allowedActions: z.array(z.enum(USER_ACCOUNT_ACTIONS)).describe('the steps the account’s transition table offers the caller now'),
});
export const userList = z.object({ items: z.array(userView) });

export const createUserBody = z.strictObject({
  email: z.email().max(254),
  displayName: lineText(100),
  role: z.enum(ROLES),
  orgUnitId: z.uuid(),
});

/** What may change in an account: its name, role and unit (checked together: the unit must fit the role). */
export const updateUserBody = z
  .strictObject({
    displayName: lineText(100).optional(),
    role: z.enum(ROLES).optional(),
    orgUnitId: z.uuid().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, bilingual({ zh: '请至少修改一项', en: 'change at least one field' }));

export const userIdParams = z.strictObject({ id: z.uuid() });

/** The one-time password is shown to the admin once, to hand over. */
export const userWithPassword = z.object({ user: userView, temporaryPassword: z.string() });

export const colleagueList = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) });
