import { describe, expect, it } from 'vitest';
import { sendDraft, type DraftTransport } from '../../../web/src/cases/draft-sender.ts';
import { canMoveDraft, moveDraft, outcomeOf, retryDelayMs } from '../../../web/src/cases/draft-states.ts';
import type { Draft } from '../../../web/src/cases/draft.ts';
import { jpegName, shrunkSize } from '../../../web/src/cases/photo-size.ts';

const photo = (key: string) => ({ key, name: `${key}.jpg`, type: 'image/jpeg', blob: new Blob(['x']), sent: false });
const waitingDraft = (): Draft => ({
  id: 'd1',
  userId: 'u1',
  idempotencyKey: 'web-key-1',
  state: 'waiting',
  filing: { kind: 'hard_problem', title: '路灯不亮', urgent: false } as Draft['filing'],
  photos: [photo('p1'), photo('p2')],
  savedAt: '2026-12-07T08:00:00.000Z',
});

/** A keeper that remembers what was kept, as IndexedDB would. */
function memoryKeeper() {
  const kept = new Map<string, Draft>();
  return { kept, put: async (d: Draft) => void kept.set(d.id, d), remove: async (id: string) => void kept.delete(id) };
}

/** A transport answering from a script of statuses, and counting what it was asked. */
function scripted(filing: number[], uploads: number[]) {
  const calls = { filings: [] as string[], uploads: [] as string[] };
  const transport: DraftTransport = {
    async fileCase(_filing, key) {
      calls.filings.push(key);
      const status = filing.shift() ?? 0;
      return status === 201 ? { status, caseId: 'c1' } : { status, error: { code: 'validation_failed', message: '不对', requestId: 'r1' } };
    },
    async uploadPhoto(_caseId, p) {
      calls.uploads.push(p.key);
      const status = uploads.shift() ?? 0;
      return status === 201 ? { status } : { status, error: { code: 'unsupported_media_type', message: '类型不对', requestId: 'r2' } };
    },
  };
  return { transport, calls };
}

describe("a draft's transition table", () => {
  it('allows the moves it lists and refuses the rest', () => {
    expect(moveDraft(null, 'save')).toBe('waiting');
    expect(moveDraft('waiting', 'file')).toBe('filed');
    expect(moveDraft('waiting', 'refuse')).toBe('refused');
    expect(moveDraft('refused', 'resubmit')).toBe('waiting');
    expect(moveDraft('filed', 'finish')).toBeNull();
    expect(() => moveDraft('filed', 'discard')).toThrow(/cannot discard when filed/);
    expect(() => moveDraft('refused', 'file')).toThrow();
    expect(canMoveDraft('waiting', 'discard')).toBe(true);
    expect(canMoveDraft('filed', 'discard')).toBe(false);
  });

  it('sends again what may go through later, and gives back what would be refused again', () => {
    expect([0, 500, 503, 401, 408, 429].map((status) => outcomeOf(status))).toEqual(Array(6).fill('later'));
    expect(outcomeOf(409, 'idempotency_request_in_progress')).toBe('later');
    expect([400, 403, 404, 413, 415].map((status) => outcomeOf(status))).toEqual(Array(5).fill('refused'));
    expect(outcomeOf(409, 'idempotency_key_reused')).toBe('refused');
    expect(outcomeOf(201)).toBe('done');
    expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([2_000, 4_000, 8_000, 60_000]);
  });
});

describe('sending a draft', () => {
  it('files once under its key, uploads each photo under its own, then forgets the draft', async () => {
    const keeper = memoryKeeper();
    const { transport, calls } = scripted([201], [201, 201]);
    const result = await sendDraft(waitingDraft(), transport, keeper);
    expect(result).toEqual({ draft: undefined, caseId: 'c1', later: false });
    expect(calls).toEqual({ filings: ['web-key-1'], uploads: ['p1', 'p2'] });
    expect(keeper.kept.size).toBe(0);
  });

  it('keeps where it stopped when the network goes, and resumes there without filing or uploading twice', async () => {
    const keeper = memoryKeeper();
    const first = scripted([201], [201, 0]);
    const stopped = await sendDraft(waitingDraft(), first.transport, keeper);
    expect(stopped.later).toBe(true);
    const kept = keeper.kept.get('d1');
    expect(kept?.state).toBe('filed');
    expect(kept?.photos.map((p) => p.sent)).toEqual([true, false]);

    const second = scripted([], [201]);
    const resumed = await sendDraft(kept as Draft, second.transport, keeper);
    expect(resumed).toMatchObject({ draft: undefined, caseId: 'c1', later: false });
    expect(second.calls).toEqual({ filings: [], uploads: ['p2'] });
  });

  it('leaves a draft as it was when no answer comes, to send again with the same key', async () => {
    const keeper = memoryKeeper();
    const { transport, calls } = scripted([0], []);
    const result = await sendDraft(waitingDraft(), transport, keeper);
    expect(result).toMatchObject({ later: true, draft: { state: 'waiting', idempotencyKey: 'web-key-1' } });
    expect(calls.uploads).toEqual([]);
    expect(keeper.kept.size).toBe(0);
  });

  it('gives a refused filing back with its errors, and a refused photo stays listed until the clerk has read it', async () => {
    const refusedKeeper = memoryKeeper();
    const refused = await sendDraft(waitingDraft(), scripted([400], []).transport, refusedKeeper);
    expect(refused.draft).toMatchObject({ state: 'refused', refusal: { status: 400, error: { message: '不对' } } });
    expect(refusedKeeper.kept.get('d1')?.state).toBe('refused');

    const photoKeeper = memoryKeeper();
    const partly = await sendDraft(waitingDraft(), scripted([201], [415, 201]).transport, photoKeeper);
    expect(partly).toMatchObject({ caseId: 'c1', later: false, draft: { state: 'filed' } });
    expect(photoKeeper.kept.get('d1')?.photos.map((p) => [p.sent, p.refusal])).toEqual([
      [false, '类型不对'],
      [true, undefined],
    ]);
  });
});

describe('shrinking a photo', () => {
  it('brings the long side to 2000 px keeping the proportions, and leaves a small photo alone', () => {
    expect(shrunkSize(4000, 3000)).toEqual({ width: 2000, height: 1500 });
    expect(shrunkSize(3024, 4032)).toEqual({ width: 1500, height: 2000 });
    expect(shrunkSize(1200, 800)).toEqual({ width: 1200, height: 800 });
    expect(jpegName('IMG_0001.HEIC')).toBe('IMG_0001.jpg');
    expect(jpegName('路灯')).toBe('路灯.jpg');
  });
});
