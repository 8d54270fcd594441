import type { Client } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { districtToday } from '../../lib/district-time.ts';
import { DomainError, invalidField, notFoundNamed, type FieldIssue, type Localized } from '../../lib/errors.ts';
import type { BlobStorage } from '../../lib/storage.ts';
import type { DeadlinePolicy } from '../../model/cases/case.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import type { BoundingBox } from '../../model/cases/coordinates.ts';
import { caseFiling } from '../../model/cases/filing.ts';
import { filesCases } from '../../model/directory/unit-kinds.ts';
import { OPEN311_ATTRIBUTES, OPEN311_FIELD_OF_FILING, attributeField, type ServiceRequestForm } from '../../model/open311/attributes.ts';
import { OPEN311_CATEGORIES, parseServiceCode, type Language, type ServiceRef } from '../../model/open311/services.ts';
import { addAttachment } from '../cases/attachments.ts';
import { hashRequest } from '../../lib/request-hash.ts';
import { fileCase } from '../cases/cases.ts';
import { authenticateApiKey, type ApiKeyHolder } from './api-keys.ts';
import { fetchMedia, type MediaSettings } from './media.ts';
import { checkJurisdiction, type Open311Settings } from './requests.ts';

export type PostRequestDeps = {
  prisma: Db;
  temporal: Client;
  clock: Clock;
  storage: BlobStorage;
  policy: DeadlinePolicy;
  callDeadlineMs: number;
  bounds?: BoundingBox;
  media: MediaSettings;
};

/** A title from the description when the client sends none: its first line, cut to a length a ledger column reads well. */
const TITLE_FROM_DESCRIPTION = 60;

function titleOf(form: ServiceRequestForm): string {
  if (form.attributes.title !== undefined) return form.attributes.title;
  const firstLine = (form.description ?? '').trim().split(/\r?\n/)[0] ?? '';
  return [...firstLine].slice(0, TITLE_FROM_DESCRIPTION).join('');
}

/** The reporter as the client names them (family name first in Chinese), else the system the key was issued to. */
function reporterName(form: ServiceRequestForm, holder: ApiKeyHolder, lang: Language): string {
  const first = form.firstName?.trim() ?? '';
  const last = form.lastName?.trim() ?? '';
  const name = lang === 'zh' ? `${last}${first}` : `${first} ${last}`.trim();
  return name || holder.label;
}

const ATTRIBUTE_MISSING: Localized = { zh: '缺少必填属性', en: 'required attribute missing' };

/** Where the spec is looser than the ledger, or asks for what the ledger does not keep: refused with the field named. */
function checkForm(form: ServiceRequestForm) {
  const missing = OPEN311_ATTRIBUTES.filter((a) => a.required && !form.attributes[a.code]?.trim());
  if (missing.length > 0) {
    const issues = missing.map((a) => ({ path: attributeField(a.code), message: ATTRIBUTE_MISSING }));
    const codes = missing.map((a) => a.code);
    throw new DomainError(
      'validation_failed',
      { zh: `缺少必填属性：${codes.join('、')}`, en: `required attribute missing: ${codes.join(', ')}` },
      issues,
    );
  }
  if (form.addressId !== undefined) {
    throw invalidField('address_id', {
      zh: '本系统不保存 address_id，请提供 address_string 或 lat 和 long',
      en: 'address_id is not kept here; send address_string or lat and long',
    });
  }
  if ((form.lat === undefined) !== (form.long === undefined))
    throw invalidField('lat/long', { zh: 'lat 和 long 须同时提供', en: 'lat and long come together' });
  if (form.lat === undefined && !form.addressString?.trim()) {
    throw invalidField('address_string', {
      zh: '需要地点：address_string，或 lat 和 long',
      en: 'a location is required: address_string, or lat and long',
    });
  }
  if (!form.description?.trim()) throw invalidField('description', { zh: '需要问题描述', en: 'a description is required' });
}

/** The filing an Open311 request makes, held to the same rules as `POST /cases` (the field names are the client's). */
function filingOf(form: ServiceRequestForm, service: ServiceRef, holder: ApiKeyHolder, today: string, lang: Language): CaseFiling {
  const coordinates = form.lat !== undefined && form.long !== undefined ? { latitude: form.lat, longitude: form.long } : undefined;
  const draft = {
    kind: service.kind,
    urgent: form.attributes.urgent === 'true',
    title: titleOf(form),
    description: form.description,
    category: OPEN311_CATEGORIES[service.category][lang],
    location: form.addressString?.trim() || `${form.lat}, ${form.long}`,
    foundOn: form.attributes.found_on ?? today,
    triedLocally: form.attributes.tried_locally,
    helpNeeded: form.attributes.help_needed,
    reporter: {
      name: reporterName(form, holder, lang),
      ...(form.phone ? { contact: form.phone } : {}),
      ...(form.email ? { email: form.email } : {}),
    },
    ...(coordinates ? { coordinates } : {}),
  };
  const parsed = caseFiling.safeParse(draft);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((issue) => ({ path: open311Field(issue.path.map(String).join('.')), message: issue.message }));
  throw new DomainError('validation_failed', { zh: '此请求不能登记为台账问题', en: 'the request does not make a ledger case' }, issues);
}

const open311Field = (filingPath: string) =>
  OPEN311_FIELD_OF_FILING[filingPath] ?? OPEN311_FIELD_OF_FILING[filingPath.split('.')[0]!] ?? filingPath;

/** A refusal of the filing, with its fields named as the Open311 client sent them. */
function inClientTerms(error: unknown): unknown {
  if (!(error instanceof DomainError) || !error.fields) return error;
  const fields: FieldIssue[] = error.fields.map((f) => ({ ...f, path: open311Field(f.path.replace(/^body\./, '')) }));
  return new DomainError(error.code, error.said, fields, error.retryAfterSeconds, error.params);
}

/**
 * The idempotency of a posted request. GeoReport v2 has no retry token, so the key is the client's
 * `Idempotency-Key` header when it sends one (as `POST /cases` takes it), else the hash of the form
 * itself (the api_key aside): a client that sends the same request again, after a timeout or a 503,
 * gets the same service_request_id instead of a second case. Either is scoped to the api_key, so
 * two systems of one unit never meet on a key.
 */
function idempotencyOf(form: ServiceRequestForm, holder: ApiKeyHolder, header: string | undefined) {
  // The key is a secret and already scopes the idempotency key: it stays out of the hash.
  const requestHash = hashRequest({ ...form, apiKey: undefined });
  return { key: `open311:${holder.keyId}:${header ?? requestHash}`, requestHash };
}

/**
 * POST requests: the request is filed as a case of the api_key's unit, through the same filing as
 * `POST /cases` (its workflow, idempotency and duplicate suggestions); a media_url's photo is
 * fetched first (so a refused photo files nothing) and kept with the case once.
 */
export async function postServiceRequest(
  deps: PostRequestDeps,
  settings: Open311Settings,
  form: ServiceRequestForm,
  idempotencyHeader?: string,
) {
  const holder = await authenticateApiKey(deps.prisma, form.apiKey);
  checkJurisdiction(settings, form.jurisdictionId);
  const service = parseServiceCode(form.serviceCode);
  if (!service) throw notFoundNamed(`service_code ${form.serviceCode}`);
  if (!filesCases(holder.unit.kind))
    throw new DomainError('forbidden', {
      zh: '此 api_key 所属单位不登记问题，只能查询',
      en: 'this api_key’s unit files no cases; it may only read',
    });
  checkForm(form);
  const photo = form.mediaUrl ? await fetchMedia(form.mediaUrl, deps.media) : undefined;
  const filing = filingOf(form, service, holder, districtToday(deps.clock, deps.policy.utcOffsetMinutes), settings.language);
  const { key, requestHash } = idempotencyOf(form, holder, idempotencyHeader);
  let filed;
  try {
    filed = await fileCase(deps, holder.staff, filing, key, requestHash);
  } catch (error) {
    throw inClientTerms(error);
  }
  if (photo && !filed.case.attachments.some((a) => a.sha256 === photo.sha256)) {
    await addAttachment(deps, holder.staff, filed.case.id, photo);
  }
  const notice = settings.language === 'zh' ? `已登记为台账第 ${filed.case.number} 号` : `Filed as ledger case No. ${filed.case.number}`;
  return {
    created: filed.created,
    requests: [{ service_request_id: filed.case.id, service_notice: notice, account_id: null }],
  };
}
