import type { Words } from '../lifecycle.ts';

/**
 * The attributes every service definition declares: the Annex 3 fields a case needs that GeoReport
 * v2 has no field for. A client posts them as `attribute[<code>]`. The same list for every service,
 * since every kind and category is filed with the same form.
 */
export type AttributeDatatype = 'string' | 'text' | 'singlevaluelist' | 'datetime' | 'number' | 'multivaluelist';

type Attribute = {
  code: string;
  datatype: AttributeDatatype;
  required: boolean;
  description: Words;
  datatypeDescription?: Words;
  values?: ReadonlyArray<{ key: string; name: Words }>;
};

export const OPEN311_ATTRIBUTES = [
  {
    code: 'tried_locally',
    datatype: 'text',
    required: true,
    description: { zh: '已就地采取的措施', en: 'What was tried locally' },
  },
  {
    code: 'help_needed',
    datatype: 'text',
    required: true,
    description: { zh: '需要协调解决的事项', en: 'What help is needed' },
  },
  {
    code: 'title',
    datatype: 'string',
    required: false,
    description: { zh: '项目或问题名称', en: 'Name of the project or problem' },
    datatypeDescription: {
      zh: '3 至 200 字；不填则取描述的第一行',
      en: '3 to 200 characters; without it, the first line of the description',
    },
  },
  {
    code: 'found_on',
    datatype: 'string',
    required: false,
    description: { zh: '发现时间', en: 'When the problem was found' },
    datatypeDescription: { zh: '日期 YYYY-MM-DD；不填则为今天', en: 'a date, YYYY-MM-DD; without it, today in the district' },
  },
  {
    code: 'urgent',
    datatype: 'singlevaluelist',
    required: false,
    description: { zh: '是否紧急（紧急问题立即报区级）', en: 'Urgent (goes to the district at once)' },
    values: [
      { key: 'false', name: { zh: '否', en: 'No' } },
      { key: 'true', name: { zh: '是', en: 'Yes' } },
    ],
  },
] as const satisfies readonly Attribute[];

export type AttributeCode = (typeof OPEN311_ATTRIBUTES)[number]['code'];
export const attributeField = (code: AttributeCode) => `attribute[${code}]` as const;

/**
 * Where each field of a filing comes from in a GeoReport v2 request, so a refusal of the filing names
 * the field the Open311 client sent (`attribute[title]`, not `body.title`).
 */
export const OPEN311_FIELD_OF_FILING: Readonly<Record<string, string>> = {
  title: attributeField('title'),
  description: 'description',
  location: 'address_string',
  foundOn: attributeField('found_on'),
  triedLocally: attributeField('tried_locally'),
  helpNeeded: attributeField('help_needed'),
  urgent: attributeField('urgent'),
  coordinates: 'lat/long',
  'reporter.name': 'first_name/last_name',
  'reporter.contact': 'phone',
  'reporter.email': 'email',
  category: 'service_code',
  kind: 'service_code',
};

/** A GeoReport v2 `POST requests` as the API parsed it (the form's fields, renamed; every value a string the spec allows). */
export type ServiceRequestForm = {
  apiKey: string;
  jurisdictionId?: string;
  serviceCode: string;
  lat?: number;
  long?: number;
  addressString?: string;
  addressId?: string;
  email?: string;
  deviceId?: string;
  accountId?: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  description?: string;
  mediaUrl?: string;
  attributes: Partial<Record<AttributeCode, string>>;
};
