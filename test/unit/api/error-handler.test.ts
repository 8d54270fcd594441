import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { errorHandler, RETRY_AFTER_SECONDS } from '../../../api/error-handler.ts';
import { DomainError, ERROR_STATUS, ERRORS, type ErrorCode } from '../../../lib/errors.ts';
import { createLogger } from '../../../lib/logger.ts';

function appThrowing(error: unknown, logs: string[] = []) {
  const app = express();
  app.use((_req, res, next) => {
    res.locals.requestId = 'req-1';
    next();
  });
  app.get('/', () => {
    throw error;
  });
  app.use(errorHandler(createLogger('error', {}, (line) => logs.push(line))));
  return supertest(app);
}

describe('errorHandler', () => {
  it.each(Object.entries(ERROR_STATUS) as Array<[ErrorCode, number]>)('maps %s to HTTP %i', async (code, status) => {
    const res = await appThrowing(new DomainError(code, { zh: `因为 ${code}`, en: `because ${code}` }))
      .get('/')
      .set('Accept-Language', 'en');
    expect(res.status).toBe(status);
    expect(res.body.error).toEqual({ code, message: `because ${code}`, requestId: 'req-1' });
  });

  it('passes field details through, in the language asked for', async () => {
    const error = new DomainError('validation_failed', { zh: '填写有误', en: 'invalid body' }, [
      { path: 'body.title', message: { zh: '至少 3 个字', en: 'at least 3 characters' }, params: { minimum: 3 } },
    ]);
    const english = await appThrowing(error).get('/').set('Accept-Language', 'en-US,en;q=0.9,zh-CN;q=0.5');
    expect(english.body.error.fields).toEqual([{ path: 'body.title', message: 'at least 3 characters', params: { minimum: 3 } }]);
    expect(english.headers['content-language']).toBe('en');
    const chinese = await appThrowing(error).get('/').set('Accept-Language', 'zh-CN,zh;q=0.9');
    expect(chinese.body.error.fields).toEqual([{ path: 'body.title', message: '至少 3 个字', params: { minimum: 3 } }]);
    expect(chinese.headers['content-language']).toBe('zh-CN');
    expect(chinese.headers.vary).toContain('Accept-Language');
  });

  it('answers in Chinese by default; an error said only for the log gets its code’s message in the reader’s language', async () => {
    for (const header of [undefined, 'fr-FR', '*']) {
      const request = appThrowing(new DomainError('conflict', { zh: '报到信息已变化', en: 'the registration changed' })).get('/');
      const res = header ? await request.set('Accept-Language', header) : await request;
      expect(res.body.error).toMatchObject({ code: 'conflict', message: '报到信息已变化' });
    }
    for (const language of ['zh', 'en'] as const) {
      const res = await appThrowing(new DomainError('not_found', { log: 'export job 42 not found' }))
        .get('/')
        .set('Accept-Language', language);
      expect(res.body.error).toMatchObject({ code: 'not_found', message: ERRORS.not_found.message[language] });
    }
    const bodyTooLarge = await appThrowing(Object.assign(new Error('request entity too large'), { type: 'entity.too.large' })).get('/');
    expect(bodyTooLarge.body.error).toMatchObject({ code: 'payload_too_large', message: '提交的内容过大' });
  });

  it('challenges with Bearer on 401 and says when to come back on 429', async () => {
    const unauthenticated = await appThrowing(new DomainError('unauthenticated', { log: 'no token' })).get('/');
    expect(unauthenticated.headers['www-authenticate']).toMatch(/^Bearer/);
    const throttled = await appThrowing(new DomainError('too_many_requests', { log: 'slow down' }, undefined, 120)).get('/');
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('120');
    expect(throttled.headers['www-authenticate']).toBeUndefined();
  });

  it('answers 503 when the database or Temporal connection is lost', async () => {
    const lost = await appThrowing(Object.assign(new Error('Connection terminated unexpectedly'), {})).get('/');
    expect(lost.status).toBe(503);
    expect(lost.body.error.code).toBe('service_unavailable');
    const refused = await appThrowing(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })).get('/');
    expect(refused.status).toBe(503);
  });

  it('answers 503 with Retry-After when Temporal is down or misses the deadline, whatever call failed', async () => {
    const grpcError = (code: number, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
    for (const error of [
      new ServiceError('Update-With-Start failed', { cause: grpcError(14, 'No connection established') }),
      new ServiceError('Failed to start Workflow', { cause: grpcError(4, 'Deadline exceeded') }),
      new WorkflowUpdateRPCTimeoutOrCancelledError('Deadline exceeded', { cause: grpcError(4, 'Deadline exceeded') }),
    ]) {
      const res = await appThrowing(error).get('/');
      expect(res.status, error.message).toBe(503);
      expect(res.body.error.code).toBe('service_unavailable');
      expect(res.headers['retry-after']).toBe(String(RETRY_AFTER_SECONDS));
    }
    const refused = await appThrowing(new ServiceError('Failed to start Workflow', { cause: grpcError(3, 'invalid argument') })).get('/');
    expect(refused.status).toBe(500);
    expect(refused.headers['retry-after']).toBeUndefined();
  });

  it('hides unexpected errors behind a 500 and logs them', async () => {
    const logs: string[] = [];
    const res = await appThrowing(new Error('password=secret in a stack'), logs).get('/');
    expect(res.status).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0] ?? '{}')).toMatchObject({ level: 'error', requestId: 'req-1' });
  });
});
