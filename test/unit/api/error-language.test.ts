import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow } from '../../../api/route.ts';
import { requestLanguage } from '../../../api/language.ts';
import { DomainError } from '../../../lib/errors.ts';
import { caseFiling } from '../../../model/cases/filing.ts';
import { ACTION_BODIES } from '../../../model/cases/case-actions.ts';
import { CASE_LIFECYCLE } from '../../../model/cases/lifecycle.ts';
import { ROUND_LIFECYCLE } from '../../../model/party/round-lifecycle.ts';
import { refusalWords } from '../../../model/refusals.ts';
import { refusalError, refusalIn } from '../../../domain/lifecycle-steps.ts';

const fieldsOf = (schema: z.ZodType, value: unknown, language: 'zh' | 'en') => {
  try {
    parseOrThrow(schema, value, 'body', language);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).textIn(language);
  }
  throw new Error('the value was accepted');
};

describe('the language of an answer', () => {
  const app = express().get('/', (req, res) => {
    res.send(requestLanguage(req));
  });
  it.each([
    [undefined, 'zh'],
    ['zh-CN,zh;q=0.9', 'zh'],
    ['en-US,en;q=0.9', 'en'],
    ['zh-CN;q=0.5,en;q=0.8', 'en'],
    ['fr-FR', 'zh'],
    ['*', 'zh'],
  ])('Accept-Language %s is answered in %s', async (header, language) => {
    const request = supertest(app).get('/');
    expect((await (header ? request.set('Accept-Language', header) : request)).text).toBe(language);
  });
});

describe('field messages', () => {
  const filing = { kind: 'hard_problem', title: 'ab', description: 'd', category: 'c', location: 'l', foundOn: '2026-01-01' };

  it('says what to do in Chinese, naming no type or code', () => {
    const { message, fields } = fieldsOf(caseFiling, { ...filing, kind: 'other' }, 'zh');
    expect(message).toBe('填写的内容有误，请按各项的提示修改');
    expect(fields).toEqual(
      expect.arrayContaining([
        {
          path: 'body.kind',
          message: '请从所列选项中选择',
          params: { issue: 'invalid_value', values: ['unclaimed_project', 'hard_problem'] },
        },
        { path: 'body.title', message: '至少 3 个字', params: { issue: 'too_small', minimum: 3 } },
        { path: 'body.triedLocally', message: '请填写此项', params: { issue: 'invalid_type' } },
        { path: 'body.reporter', message: '请填写此项', params: { issue: 'invalid_type' } },
      ]),
    );
    for (const field of fields ?? []) expect(field.message).not.toMatch(/[A-Za-z]/);
  });

  it('says the same in English on request, with the same paths and params', () => {
    const zh = fieldsOf(caseFiling, { ...filing, title: 'x'.repeat(201) }, 'zh');
    const en = fieldsOf(caseFiling, { ...filing, title: 'x'.repeat(201) }, 'en');
    expect(en.message).toBe('invalid body');
    expect(en.fields?.map((f) => f.path)).toEqual(zh.fields?.map((f) => f.path));
    expect(en.fields?.find((f) => f.path === 'body.title')).toEqual({
      path: 'body.title',
      message: 'at most 200 characters',
      params: { issue: 'too_big', maximum: 200 },
    });
    expect(zh.fields?.find((f) => f.path === 'body.title')?.message).toBe('最多 200 个字');
  });

  it('puts a schema’s own message in the reader’s language', () => {
    const feedback = ACTION_BODIES.feedback;
    expect(fieldsOf(feedback, { satisfied: false }, 'zh').fields).toEqual([
      { path: 'body.reason', message: '请说明反映人不满意的原因', params: { issue: 'custom' } },
    ]);
    expect(fieldsOf(feedback, { satisfied: false }, 'en').fields?.[0]?.message).toBe('say why the reporter is not satisfied');
    expect(fieldsOf(caseFiling, { ...filing, foundOn: '1800-01-01' }, 'zh').fields).toContainEqual(
      expect.objectContaining({ path: 'body.foundOn', message: '年份须在 1900 至 2100 之间' }),
    );
  });

  it('falls back to Zod’s own locale for what it has no plainer words for', () => {
    const { fields } = fieldsOf(z.strictObject({ n: z.number().multipleOf(5) }), { n: 7 }, 'zh');
    expect(fields?.[0]?.message).toBe('无效数字：必须是 5 的倍数');
  });
});

describe('a transition table’s refusal', () => {
  it('names the step and the states from the glossary in each language', () => {
    const refusal = CASE_LIFECYCLE.refuse('solve', 'municipal_coordination', 'district_officer');
    expect(refusal).toBeDefined();
    expect(refusalWords(refusal!)).toEqual({
      zh: '问题处于“市级协调”时不能“区级解决”（“区级梳理”时可以）',
      en: 'cannot solve at the district while the case is in municipal coordination (possible in district review)',
    });
    const error = refusalError(refusal!);
    expect(error.code).toBe('invalid_transition');
    expect(error.params).toEqual({ action: 'solve', state: 'municipal_coordination', allowedFrom: ['district_review'] });
    expect(error.textIn('zh').message).not.toMatch(/[a-z_]{4,}/);
  });

  it('names the role that may not take the step', () => {
    const refusal = ROUND_LIFECYCLE.refuse('submit', 'nominating', 'municipal_liaison');
    expect(refusal?.kind).toBe('forbidden');
    const error = refusalError(refusal!);
    expect(error.code).toBe('forbidden');
    expect(error.textIn('zh').message).toBe('市委组织部联络员不能对推荐评选进行“报送区委组织部”');
  });

  it('is found again in the details of an Update’s rejection, and only a refusal is', () => {
    const refusal = CASE_LIFECYCLE.refuse('submit', 'closed', 'street_staff');
    expect(refusalIn([JSON.parse(JSON.stringify(refusal))])).toEqual(refusal);
    expect(refusalIn(['not a refusal'])).toBeUndefined();
    expect(refusalIn([{ kind: 'invalid_state', message: 'x' }])).toBeUndefined();
    expect(refusalIn(undefined)).toBeUndefined();
  });
});
