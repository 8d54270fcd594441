import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import { latitude, longitude } from '../../model/cases/coordinates.ts';
import { boundedDate, EARLIEST_YEAR, LATEST_YEAR } from '../../model/dates.ts';
import { API_KEY_ACTIONS, API_KEY_STATES } from '../../model/open311/api-key.ts';
import type { ServiceRequestForm } from '../../model/open311/attributes.ts';
import { SERVICE_CODE_MAX_LENGTH, SERVICE_CODE_PATTERN } from '../../model/open311/services.ts';
import { lineText, phoneNumber, plainText } from '../../model/text.ts';
import { pagedList, pageQuery } from '../paging.schemas.ts';

/**
 * GeoReport v2's own names (snake_case, `attribute[code]`), as clients send and read them. Answers
 * carry `xml` metadata, so the OpenAPI document names their XML elements as the spec does.
 */
export const GEOREPORT_FORMATS = ['json', 'xml'] as const;
export type GeoReportFormat = (typeof GEOREPORT_FORMATS)[number];
const format = z.enum(GEOREPORT_FORMATS).describe('the answer’s format, named by the path’s suffix (`.json` or `.xml`)');

const jurisdictionId = z.string().max(100).optional().describe('the jurisdiction_id, when the district names one');
const apiKey = z.string().max(200).describe('an api_key an administrator issued to the calling system for one org unit');

export const formatParams = z.strictObject({ format });
export const serviceParams = z.strictObject({ service_code: z.string().max(200), format });
export const requestParams = z.strictObject({ service_request_id: z.string().max(200), format });

export const servicesQuery = z.strictObject({ jurisdiction_id: jurisdictionId });
export const requestQuery = z.strictObject({ jurisdiction_id: jurisdictionId, api_key: apiKey.optional() });

const COMMA_LIST_RULE = bilingual({ zh: '请用英文逗号分隔各项', en: 'values separated by commas' });

/**
 * `a,b,c`, each item held to its own rule. The list as a whole is held to the items' alphabet and to the
 * length `max` items may take, so a documented query stays a short ASCII URL (Node refuses a request line
 * and headers over its `maxHeaderSize` before the app sees them).
 */
const commaList = <T extends z.ZodType<unknown, string>>(item: T, list: { max: number; itemChars: string; itemLength: number }) =>
  z
    .string()
    .max(list.max * (list.itemLength + 3))
    .regex(new RegExp(`^ *[${list.itemChars}]+ *(, *[${list.itemChars}]+ *)*$`), COMMA_LIST_RULE)
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(item).min(1).max(list.max));

const YEAR = new RegExp(`^(?:19\\d{2}|20\\d{2}|2100)-`);
/** A W3C date and time with its zone (`2026-11-05T08:15:30+08:00`, `...Z`), years 1900-2100. */
const w3cDateTime = z.iso
  .datetime({ offset: true })
  .regex(YEAR, `a year from ${EARLIEST_YEAR} to ${LATEST_YEAR}`)
  .transform((v) => new Date(v))
  .describe(`a W3C date and time with its zone, such as 2026-11-05T08:15:30+08:00 (years ${EARLIEST_YEAR} to ${LATEST_YEAR})`);

export const requestsQuery = z.strictObject({
  api_key: apiKey.optional(),
  jurisdiction_id: jurisdictionId,
  service_request_id: commaList(z.uuid(), { max: 100, itemChars: '0-9A-Fa-f-', itemLength: 36 })
    .optional()
    .describe('ids, comma-separated; when given, every other filter is ignored'),
  service_code: commaList(z.string().regex(SERVICE_CODE_PATTERN, 'a service_code of GET services'), {
    max: 50,
    itemChars: 'a-z_-',
    itemLength: SERVICE_CODE_MAX_LENGTH,
  }).optional(),
  start_date: w3cDateTime.optional(),
  end_date: w3cDateTime.optional(),
  status: commaList(z.enum(['open', 'closed']), { max: 2, itemChars: 'a-z', itemLength: 6 }).optional(),
});

const decimal = (degrees: typeof latitude) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,12})?$/, 'decimal degrees, such as 31.2304')
    .transform(Number)
    .pipe(degrees);

const attribute = (schema: z.ZodType<string>) => schema.optional();

/** A form field sent empty is a field not sent (HTML forms send every input, filled or not). */
const withoutEmptyFields = (form: unknown) =>
  form && typeof form === 'object' ? Object.fromEntries(Object.entries(form).filter(([, value]) => value !== '')) : form;

/** The form of `POST requests` (application/x-www-form-urlencoded), renamed for the domain. */
const postRequestFields = z
  .strictObject({
    api_key: apiKey,
    jurisdiction_id: jurisdictionId,
    service_code: z.string().max(200),
    lat: decimal(latitude).optional(),
    long: decimal(longitude).optional(),
    address_string: lineText(300).optional(),
    address_id: z.string().max(200).optional().describe('not kept here: refused; send address_string or lat and long'),
    email: z.email().max(254).optional(),
    device_id: z.string().max(200).optional().describe('accepted, not kept'),
    account_id: z.string().max(200).optional().describe('accepted, not kept'),
    first_name: lineText(50).optional(),
    last_name: lineText(50).optional(),
    phone: phoneNumber().optional(),
    description: plainText(4000).optional(),
    media_url: z.string().max(2000).optional().describe('a PNG or JPEG on a host the district allows (OPEN311_MEDIA_HOSTS)'),
    'attribute[tried_locally]': attribute(plainText(3000)),
    'attribute[help_needed]': attribute(plainText(3000)),
    'attribute[title]': attribute(lineText(200, 3)),
    'attribute[found_on]': attribute(boundedDate),
    'attribute[urgent]': attribute(z.enum(['true', 'false'])),
  })
  .transform((f): ServiceRequestForm => ({
    apiKey: f.api_key,
    jurisdictionId: f.jurisdiction_id,
    serviceCode: f.service_code,
    lat: f.lat,
    long: f.long,
    addressString: f.address_string,
    addressId: f.address_id,
    email: f.email,
    deviceId: f.device_id,
    accountId: f.account_id,
    firstName: f.first_name,
    lastName: f.last_name,
    phone: f.phone,
    description: f.description,
    mediaUrl: f.media_url,
    attributes: {
      tried_locally: f['attribute[tried_locally]'],
      help_needed: f['attribute[help_needed]'],
      title: f['attribute[title]'],
      found_on: f['attribute[found_on]'],
      urgent: f['attribute[urgent]'],
    },
  }));
export const postRequestForm = z.preprocess(withoutEmptyFields, postRequestFields);

/** An optional `Idempotency-Key`, as `POST /cases` takes it; without one, the form's hash stands in. */
export const postRequestHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only')
    .optional(),
});

const service = z
  .object({
    service_code: z.string(),
    service_name: z.string(),
    description: z.string(),
    metadata: z.boolean(),
    type: z.enum(['realtime', 'batch', 'blackbox']),
    keywords: z.string(),
    group: z.string(),
  })
  .meta({ xml: { name: 'service' } });
export const serviceList = z.array(service).meta({ xml: { name: 'services', wrapped: true } });

const attributeView = z
  .object({
    variable: z.boolean(),
    code: z.string(),
    datatype: z.enum(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']),
    required: z.boolean(),
    datatype_description: z.string().nullable(),
    order: z.number().int(),
    description: z.string(),
    values: z
      .array(z.object({ key: z.string(), name: z.string() }).meta({ xml: { name: 'value' } }))
      .optional()
      .meta({ xml: { name: 'values', wrapped: true } }),
  })
  .meta({ xml: { name: 'attribute' } });
export const serviceDefinitionView = z
  .object({
    service_code: z.string(),
    attributes: z.array(attributeView).meta({ xml: { name: 'attributes', wrapped: true } }),
  })
  .meta({ xml: { name: 'service_definition' } });

const serviceRequest = z
  .object({
    service_request_id: z.uuid(),
    status: z.enum(['open', 'closed']),
    status_notes: z.string(),
    service_name: z.string(),
    service_code: z.string(),
    description: z.string(),
    agency_responsible: z.string(),
    service_notice: z.string().nullable(),
    requested_datetime: z.iso.datetime(),
    updated_datetime: z.iso.datetime(),
    expected_datetime: z.iso.datetime().nullable(),
    address: z.string(),
    address_id: z.string().nullable(),
    zipcode: z.string().nullable(),
    lat: z.number().nullable(),
    long: z.number().nullable(),
    media_url: z.string().nullable(),
    ledger_number: z.number().int().optional().describe('only to an api_key whose unit may see the case'),
    title: z.string().optional().describe('only to an api_key whose unit may see the case'),
  })
  .meta({ xml: { name: 'request' } });
export const serviceRequestList = z.array(serviceRequest).meta({ xml: { name: 'service_requests', wrapped: true } });

export const postedRequestList = z
  .array(
    z
      .object({ service_request_id: z.uuid(), service_notice: z.string(), account_id: z.string().nullable() })
      .meta({ xml: { name: 'request' } }),
  )
  .meta({ xml: { name: 'service_requests', wrapped: true } });

export const geoReportErrors = z
  .array(z.object({ code: z.number().int(), description: z.string() }).meta({ xml: { name: 'error' } }))
  .meta({ xml: { name: 'errors', wrapped: true } });

// ---- The administrators' keys (plain JSON API) ----------------------------------------------------

export const issueApiKeyBody = z.strictObject({ unitId: z.uuid(), label: lineText(100) });
export const apiKeyIdParams = z.strictObject({ id: z.uuid() });

export const apiKeyView = z.object({
  id: z.uuid(),
  label: z.string(),
  keyPrefix: z.string(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  state: z.enum(API_KEY_STATES),
  issuedAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  allowedActions: z.array(z.enum(API_KEY_ACTIONS)),
});
export const issuedApiKey = apiKeyView.extend({
  key: z.string().optional().describe('the key itself: shown this once, never again (not in an answer replayed for an Idempotency-Key)'),
});
export const apiKeyList = pagedList(apiKeyView);
export const listApiKeysQuery = z.strictObject({ ...pageQuery });
