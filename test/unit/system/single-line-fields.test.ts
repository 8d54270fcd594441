import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes } from '../../../api/app.ts';
import { MULTI_LINE_TEXT, PHONE_NUMBER, SINGLE_LINE_TEXT } from '../../../model/text.ts';

// A name, a post, a title, a place or a contact is one line wherever a person types it (a line feed
// in a leader's name broke the Appendix 1 rows): one text rule, model/text.ts's lineText, for all.
const SINGLE_LINE_FIELDS = new Set([
  'name',
  'post',
  'displayName',
  'contact',
  'title',
  'category',
  'location',
  'place',
  'approvedBy',
  'referTo',
  'coordinatingBody',
  'q',
  // An api_key's and a webhook's label; an Open311 request's place, reporter and title (its spec's names).
  'label',
  'address_string',
  'first_name',
  'last_name',
  'phone',
  'attribute[title]',
]);
// What a person writes at length keeps its line breaks (model/text.ts's plainText).
const MULTI_LINE_FIELDS = new Set([
  'description',
  'triedLocally',
  'helpNeeded',
  'comment',
  'note',
  'summary',
  'resolution',
  'questions',
  'reason',
  'account',
  'participants',
  'purpose',
  'attribute[tried_locally]',
  'attribute[help_needed]',
  // A stock reply's texts (model/cases/stock-replies.ts), as long as the step fields they fill.
  'textZh',
  'textEn',
]);

type JsonSchema = {
  type?: string;
  pattern?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
};
type TextField = { path: string; field: string; pattern: string };

/** Every free-text field (a string a person types: one of the two text rules, no format) of a request schema, by its path. */
function textFields(schema: JsonSchema, path: string, rules = [SINGLE_LINE_TEXT.source, MULTI_LINE_TEXT.source]): TextField[] {
  const nested = [...(schema.anyOf ?? []), ...(schema.items ? [schema.items] : [])].flatMap((s) => textFields(s, path, rules));
  const own = Object.entries(schema.properties ?? {}).flatMap(([field, property]): TextField[] => {
    if (property.type !== 'string') return textFields(property, `${path}.${field}`, rules);
    const freeText = !property.format && rules.includes(property.pattern ?? '');
    return freeText ? [{ path: `${path}.${field}`, field, pattern: property.pattern ?? '' }] : [];
  });
  return [...nested, ...own];
}

const fieldsOf = (rules?: string[]) =>
  routes.flatMap((route) =>
    (['body', 'query'] as const).flatMap((part) => {
      const schema = route.schemas[part];
      if (!schema || route.rawBody) return [];
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      return textFields(json, `${route.operationId} ${part}`, rules);
    }),
  );
const typedText = fieldsOf();
const paths = (fields: TextField[]) => fields.map((f) => f.path);

describe('single-line fields', () => {
  it('refuse line feeds, tabs and line separators on every route, by the one rule', () => {
    const singleLine = typedText.filter((f) => SINGLE_LINE_FIELDS.has(f.field));
    expect(paths(singleLine)).toEqual(
      expect.arrayContaining([
        'createLeader body.name',
        'createLeader body.post',
        'updateLeader body.name',
        'registerMember body.name',
        'createCommunity body.name',
        'updateCommunity body.name',
        'createBranch body.name',
        'updateBranch body.name',
        'createOrgUnit body.name',
        'updateOrgUnit body.name',
        'createUser body.displayName',
        'recordFunding body.approvedBy',
        'fileCase body.title',
        'fileCase body.reporter.name',
      ]),
    );
    expect(paths(singleLine.filter((f) => f.pattern !== SINGLE_LINE_TEXT.source))).toEqual([]);
  });

  it('and every other text field is one a person writes at length, so a new field is sorted into one list or the other', () => {
    const others = typedText.filter((f) => !SINGLE_LINE_FIELDS.has(f.field));
    expect(paths(others.filter((f) => !MULTI_LINE_FIELDS.has(f.field)))).toEqual([]);
    expect(paths(others.filter((f) => f.pattern !== MULTI_LINE_TEXT.source))).toEqual([]);
  });

  it('and a phone (a reporter’s, a member’s) follows the one phone rule, which has no room for a line break either', () => {
    expect(paths(fieldsOf([PHONE_NUMBER.source]))).toEqual(
      expect.arrayContaining(['fileCase body.reporter.contact', 'registerMember body.contact', 'postOpen311Request body.phone']),
    );
    for (const typed of ['abc', '139\n0000', '139\t0000']) expect(new RegExp(PHONE_NUMBER.source).test(typed)).toBe(false);
  });

  it('are refused with a line feed or a tab, as the case API refuses them', () => {
    const pattern = new RegExp(SINGLE_LINE_TEXT.source);
    expect(pattern.test('Li Ming')).toBe(true);
    for (const name of ['Li\nMing', 'Li\tMing', 'Li\u2028Ming']) expect(pattern.test(name)).toBe(false);
  });
});
