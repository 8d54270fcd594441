import { z } from 'zod';
import { booleanFlag } from '../query.schemas.ts';
import { FUNDING_ACTIONS, NOMINATION_KINDS, NOMINATION_SOURCES, SERVICE_KINDS } from '../../model/party/vocabulary.ts';
import { ROUND_ACTIONS, ROUND_PHASES } from '../../model/party/round-lifecycle.ts';
import { ORGANIZATION_ACTIONS, ORGANIZATION_STATES } from '../../model/party/organization-lifecycle.ts';
import { RECORD_ACTIONS, RECORD_STATES } from '../../model/party/record-lifecycle.ts';
import { REGISTRATION_ACTIONS, REGISTRATION_STATES } from '../../model/party/registration-lifecycle.ts';
import { lineText, phoneNumber, plainText } from '../../model/text.ts';
import { pagedList, pageQuery } from '../paging.schemas.ts';

// Schemas of the party members' routes (section Four). Dates a person gives are district dates.

const districtDay = z.iso.date();
const unitRef = z.object({ id: z.uuid(), name: z.string() });

export const idParams = z.strictObject({ id: z.uuid() });
export const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2200) });
export const roundParams = yearParams.extend({ unitId: z.uuid() });
export const feedbackFileParams = yearParams.extend({ unitId: z.uuid() });
export const feedbackFileQuery = z.strictObject({ format: z.enum(['xlsx', 'html']).default('xlsx') });

/** A clerk adds to their own unit; an administrator names the unit. */
const addTo = z.uuid().optional().describe('the unit to add to: required of administrators; a clerk’s own unit when given');
export const communityBody = z.strictObject({ name: lineText(100), email: z.email().optional(), unitId: addTo });
export const communityChange = z.strictObject({ name: lineText(100).optional(), email: z.email().nullable().optional() });
export const branchBody = z.strictObject({ name: lineText(100), unitId: addTo });
export const branchChange = z.strictObject({ name: lineText(100) });
/** A search by name or number, as a person types it. */
const search = lineText(100).optional();
const side = z
  .enum(['community', 'home_unit'])
  .optional()
  .describe('community: kept by the caller’s street/park; home_unit: the caller’s own members (employed by the caller’s unit)');

const organizationState = z.enum(ORGANIZATION_STATES).optional().describe('active: those in use (the ones a member may join); retired');
/** A community's or branch's state and what the caller may do with it (its own unit's clerk, an administrator). */
const organizationSteps = { state: z.enum(ORGANIZATION_STATES), allowedActions: z.array(z.enum(ORGANIZATION_ACTIONS)) };

export const communitiesQuery = z.strictObject({ unit: z.uuid().optional(), q: search, state: organizationState, ...pageQuery });
export const communityView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  unit: unitRef,
  /** Members registered there now. */
  registeredCount: z.number().int(),
  ...organizationSteps,
});
export const communityList = pagedList(communityView);

export const branchesQuery = z.strictObject({
  unit: z.uuid().optional(),
  registeredHere: booleanFlag
    .optional()
    .describe('true: branches with members registered with the caller’s street/park now (the ones it may nominate)'),
  q: search,
  state: organizationState,
  ...pageQuery,
});
export const branchView = z.object({ id: z.uuid(), name: z.string(), unit: unitRef, memberCount: z.number().int(), ...organizationSteps });
export const branchList = pagedList(branchView);

export const registerBody = z.strictObject({
  memberNumber: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{3,40}$/, 'letters, digits and - (3 to 40)'),
  name: lineText(100),
  homeUnitId: z.uuid(),
  branchId: z.uuid().optional(),
  contact: phoneNumber().optional(),
  email: z.email().optional(),
  communityId: z.uuid(),
  registeredOn: districtDay,
});
export const moveBody = z.strictObject({ communityId: z.uuid(), movedOn: districtDay });
export const membersQuery = z.strictObject({
  community: z.uuid().optional(),
  side,
  status: z.enum(REGISTRATION_STATES).optional().describe('members with a registration in this state'),
  q: search,
  ...pageQuery,
});

export const memberView = z.object({
  id: z.uuid(),
  memberNumber: z.string(),
  name: z.string(),
  homeUnit: unitRef,
  branch: unitRef.nullable(),
  /** Masked (139****5678) for everyone but the member's home unit and current street/park; their views are written to the access log. */
  contact: z.string().nullable(),
  email: z.string().nullable(),
  /** The steps the caller may take on the member's open registration (`move`, or `accept` it). */
  allowedActions: z.array(z.enum(REGISTRATION_ACTIONS)),
  registrations: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(REGISTRATION_STATES),
      community: z.object({ id: z.uuid(), name: z.string(), unitId: z.uuid() }),
      registeredOn: districtDay,
      endedOn: districtDay.nullable(),
      allowedActions: z.array(z.enum(REGISTRATION_ACTIONS)),
    }),
  ),
});
export const memberList = pagedList(memberView);

export const recordBody = z.strictObject({
  memberId: z.uuid(),
  kind: z.enum(SERVICE_KINDS),
  servedOn: districtDay,
  hours: z.number().positive().max(24).multipleOf(0.25).optional(),
  account: plainText(2000),
  caseId: z.uuid().optional(),
});
export const recordsQuery = z.strictObject({
  member: z.uuid().optional(),
  community: z.uuid().optional(),
  year: z.coerce.number().int().min(2000).max(2200).optional(),
  confirmed: booleanFlag.optional(),
  state: z.enum(RECORD_STATES).optional(),
  side,
  ...pageQuery,
});
export const recordView = z.object({
  id: z.uuid(),
  member: z.object({ id: z.uuid(), name: z.string(), memberNumber: z.string() }),
  community: unitRef,
  unitId: z.uuid(),
  kind: z.enum(SERVICE_KINDS),
  /** Where it stands in its transition table (model/party/record-lifecycle.ts). */
  state: z.enum(RECORD_STATES),
  servedOn: districtDay,
  hours: z.number().nullable(),
  account: z.string(),
  caseId: z.uuid().nullable(),
  confirmed: z.boolean(),
  fedBack: z.boolean(),
  recordedByUnitId: z.uuid(),
  allowedActions: z.array(z.enum(RECORD_ACTIONS)),
});
export const recordList = pagedList(recordView);

export const feedbackView = z.object({
  year: z.number().int(),
  opensAt: z.iso.datetime(),
  deliverAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  delivered: z.boolean(),
  deliveries: z.array(
    z.object({
      homeUnitId: z.uuid(),
      memberCount: z.number().int(),
      recordCount: z.number().int(),
      recipients: z.array(z.string()),
      deliveredAt: z.iso.datetime(),
      late: z.boolean(),
    }),
  ),
});

export const feedbackOpened = z.object({
  year: z.number().int(),
  workflowId: z.string(),
  /** True when the year had been opened before (by the Schedule or by hand): nothing new started. */
  alreadyOpened: z.boolean(),
});

export const feedbackYearList = pagedList(
  feedbackView.pick({ year: true, opensAt: true, deliverAt: true, deadlineAt: true, delivered: true }).extend({
    /** Deliveries the caller may see: a home unit its own. */
    deliveryCount: z.number().int(),
  }),
);
export const feedbackDeliveryList = pagedList(
  z.object({
    homeUnit: unitRef,
    memberCount: z.number().int(),
    recordCount: z.number().int(),
    recipients: z.array(z.string()),
    deliveredAt: z.iso.datetime(),
    late: z.boolean(),
  }),
);
export const pageOnly = z.strictObject(pageQuery);

export const nominateBody = z.strictObject({
  kind: z.enum(NOMINATION_KINDS),
  subjectId: z.uuid(),
  source: z.enum(NOMINATION_SOURCES),
  reason: plainText(1000),
});
const subjectKeys = z.array(z.string().regex(/^(member|branch):[0-9a-f-]{36}$/, 'member:<id> or branch:<id>')).max(500);
export const shortlistBody = z.strictObject({ subjectKeys: subjectKeys.min(1) });
export const decisionBody = z.strictObject({ selected: subjectKeys, note: plainText(2000).optional() });
export const emptyBody = z.strictObject({});
export const returnBody = z.strictObject({ reason: plainText(2000) });

export const roundView = z.object({
  year: z.number().int(),
  unitId: z.uuid(),
  districtId: z.uuid(),
  phase: z.enum(ROUND_PHASES),
  registeredCount: z.number().int(),
  quota: z.number().int(),
  selectedMembers: z.number().int(),
  submitBy: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  late: z.boolean(),
  decisionNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  /** The steps the caller may take now, from the round's transition table and the caller's unit. */
  allowedActions: z.array(z.enum(ROUND_ACTIONS)),
  nominations: z.array(
    z.object({
      subjectKey: z.string(),
      kind: z.enum(NOMINATION_KINDS),
      name: z.string(),
      homeUnit: z.string(),
      branch: z.string().nullable(),
      sources: z.array(z.string()),
      reasons: z.record(z.string(), z.string()),
      shortlisted: z.boolean(),
      selected: z.boolean(),
    }),
  ),
});

export const roundsQuery = z.strictObject({ phase: z.enum(ROUND_PHASES).optional(), ...pageQuery });
export const roundList = pagedList(
  roundView.pick({
    year: true,
    unitId: true,
    phase: true,
    quota: true,
    registeredCount: true,
    selectedMembers: true,
    submitBy: true,
    submittedAt: true,
    late: true,
    approvedAt: true,
    allowedActions: true,
  }),
);

export const commendationsQuery = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('xlsx'),
  lang: z.enum(['zh', 'en']).default('zh'),
});

export const fundBody = z.strictObject({
  amount: z.number().positive().max(10_000_000).multipleOf(0.01),
  purpose: plainText(500),
  approvedBy: lineText(200),
  approvedOn: districtDay,
});
export const fundingView = z.object({
  caseId: z.uuid(),
  /** `record` when the caller may record funding here: a public-service project of their own street's or park's ledger. */
  allowedActions: z.array(z.enum(FUNDING_ACTIONS)),
  totalAmount: z.number(),
  items: z.array(
    z.object({
      id: z.uuid(),
      amount: z.number(),
      purpose: z.string(),
      approvedBy: z.string(),
      approvedOn: districtDay,
      recordedAt: z.iso.datetime(),
    }),
  ),
});
