import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDefinition } from '../../api/route.ts';

/**
 * fast-check arbitraries for HTTP requests, shaped by a route's own Zod schemas: the fields it
 * declares (so bodies get past "unknown field" and reach the domain, the workflows and the
 * database), filled with values near and across every boundary, plus fields it does not declare
 * and values of the wrong type.
 */
type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  allOf?: JsonSchema[];
  anyOf?: JsonSchema[];
};

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

/** Values that have broken, or could break, something between the API and PostgreSQL, by kind of field. */
const EDGES = {
  date: [
    '0000-01-01',
    '0100-06-15',
    '0999-12-31',
    '1899-12-31',
    '1900-01-01',
    '2026-02-29',
    '2026-02-30',
    '2100-12-31',
    '2101-01-01',
    '9999-12-31',
    '+275760-09-13',
  ],
  halfYear: ['0000-H1', '0100-H2', '0999-H2', '1900-H1', '2100-H2', '2101-H1', '9999-H2', '2026-H3'],
  text: [
    '',
    ' ',
    '%',
    '_',
    '%_%',
    '\\',
    "'; DROP TABLE cases; --",
    'nul\u0000byte',
    'bidi \u202Eevil',
    'zero\u200Bwidth',
    'line\u2028separator',
    'lone \uD800 surrogate',
    'tag\u{E0041}',
    '路灯不亮',
    '👨‍👩‍👧',
    '%E6%96%87%E4%BB%B6.txt',
    "UTF-8''%E6%96%87.txt",
    '%FF%FE',
    '../../etc/passwd',
    'x'.repeat(5001),
    '00000000-0000-0000-0000-000000000000',
    'district_review,closed',
    'true',
    '-1',
  ],
};

/** Any JSON value, small. */
const anyJson = fc.jsonValue({ maxDepth: 2 });

function edgesFor(schema: JsonSchema): fc.Arbitrary<unknown> {
  const pattern = patternOf(schema) ?? '';
  const strings = pattern.includes('H[12]') ? EDGES.halfYear : pattern.includes('02-29') ? EDGES.date : EDGES.text;
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...strings) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: anyJson },
  );
}

const patternOf = (schema: JsonSchema) => schema.pattern ?? schema.allOf?.find((s) => s.pattern)?.pattern;

/** Ordinary text, so that the other fields of a body pass and the mutated one reaches the code behind. */
const benignText = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{3,30}$/);

const someDate = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** A value the schema most likely accepts. */
function validFor(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const s = schema.anyOf?.[0] ?? schema;
  if (s.enum) return fc.constantFrom(...s.enum);
  switch (s.type) {
    case 'object':
      return depth > 3 ? fc.constant({}) : objectFor(s, depth + 1);
    case 'array':
      return fc.array(s.items ? validFor(s.items, depth + 1) : anyJson, { maxLength: 3 });
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number':
      return fc.integer({ min: 1, max: 100 });
    case 'string': {
      if (s.format === 'email') return fc.emailAddress();
      if (s.format === 'uuid') return fc.uuid({ version: 4 });
      const pattern = patternOf(s);
      if (s.format === 'date' || pattern?.includes('02-29')) return someDate;
      const text = pattern && pattern.length < 200 ? fc.stringMatching(new RegExp(pattern), { size: 'medium' }) : benignText;
      return text.filter((t) => t.length >= (s.minLength ?? 0) && t.length <= (s.maxLength ?? Infinity));
    }
    default:
      return anyJson;
  }
}

/**
 * An object whose fields are mostly valid (required ones present), with usually one field replaced
 * by an edge value (or a nested object mutated in turn), and now and then a field it does not declare.
 */
function objectFor(schema: JsonSchema, depth = 0): fc.Arbitrary<Record<string, unknown>> {
  const properties = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  const fields = Object.fromEntries(
    properties.map(([name, property]) => [
      name,
      fc.option(validFor(property, depth), { freq: required.has(name) ? 20 : 2, nil: undefined }),
    ]),
  );
  // One field in three objects gets an edge value, so that most requests get past validation elsewhere.
  const mutation = properties.length
    ? fc.oneof(
        { weight: 2, arbitrary: fc.constant(undefined) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(...properties).chain(([name, property]) => edgesFor(property).map((value) => [name, value] as const)),
        },
      )
    : fc.constant(undefined);
  const extra = fc.option(fc.tuple(fc.constantFrom('role', 'status', '__proto__', 'x'), anyJson), { freq: 20, nil: undefined });
  return fc.record({ fields: fc.record(fields), mutation, extra }).map(({ fields, mutation, extra }) => {
    const value: Record<string, unknown> = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    if (mutation) value[mutation[0]] = mutation[1];
    if (extra) value[extra[0]] = extra[1];
    return value;
  });
}

/** How many fields a route declares: more fields, more runs, so each gets its edges tried. */
export function fieldCount(route: RouteDefinition): number {
  const count = (schema: z.ZodType | undefined) => Object.keys(schema ? (toJson(schema).properties ?? {}) : {}).length;
  return count(route.schemas.params) + count(route.schemas.query) + count(route.schemas.body) + count(route.schemas.headers);
}

/** Query and path values are strings. */
function stringRecordFor(schema: z.ZodType | undefined): fc.Arbitrary<Record<string, string>> {
  if (!schema) return fc.constant({});
  return objectFor(toJson(schema), 0).map((record) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])),
  );
}

export type GeneratedRequest = {
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
};

const percentEncode = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

/** Requests for one route, from its declared schemas. */
export function requestFor(route: RouteDefinition): fc.Arbitrary<GeneratedRequest> {
  const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const params = fc.record(Object.fromEntries(pathParams.map((name) => [name, fc.oneof(fc.uuid({ version: 4 }), benignText)])));
  const body = route.rawBody
    ? fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes))
    : route.schemas.body
      ? fc.oneof({ weight: 12, arbitrary: objectFor(toJson(route.schemas.body)) }, { weight: 1, arbitrary: anyJson })
      : fc.constant(undefined);
  return fc.record({
    params: route.schemas.params ? stringRecordFor(route.schemas.params).chain((p) => params.map((q) => ({ ...q, ...p }))) : params,
    query: stringRecordFor(route.schemas.query),
    headers: stringRecordFor(route.schemas.headers).map((h) =>
      Object.fromEntries(
        Object.entries(h)
          .filter(([k]) => k !== 'authorization')
          // HTTP carries Latin-1 bytes in a header; anything else is percent-encoded, as a client must.
          .map(([k, v]) => [k, /^[\t\u0020-\u007E\u0080-\u00FF]*$/.test(v) ? v : percentEncode(v)]),
      ),
    ),
    body,
  });
}
