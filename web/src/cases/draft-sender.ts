import { moveDraft, outcomeOf } from './draft-states.ts';
import type { Draft, DraftApiError as ApiError, DraftPhoto, Filing } from './draft.ts';

/** How a draft reaches the API; `status` 0 is "no answer" (offline, connection lost). */
export type DraftTransport = {
  fileCase(filing: Filing, idempotencyKey: string): Promise<{ status: number; caseId?: string; error?: ApiError }>;
  uploadPhoto(caseId: string, photo: DraftPhoto): Promise<{ status: number; error?: ApiError }>;
};

/** Where drafts are kept (IndexedDB in the app, a map in tests). */
export type DraftKeeper = { put(draft: Draft): Promise<void>; remove(id: string): Promise<void> };

/** Where a draft stands after a try: as kept now (undefined once forgotten), its case when filed, and whether to try again later. */
export type SendResult = { draft: Draft | undefined; caseId?: string; later: boolean };

/**
 * Takes a draft as far as the network lets it: the filing under the draft's own Idempotency-Key (so an answer lost
 * on the way, a reload or another tab sending it too still files one case), then each photo not yet on the case under
 * the photo's own key. Every step is kept before the next, so a try cut short resumes where it stopped.
 */
export async function sendDraft(start: Draft, transport: DraftTransport, keeper: DraftKeeper): Promise<SendResult> {
  let draft = start;
  if (draft.state === 'refused') return { draft, later: false };
  if (draft.state === 'waiting') {
    const answer = await transport.fileCase(draft.filing, draft.idempotencyKey);
    const outcome = outcomeOf(answer.status, answer.error?.code);
    if (outcome === 'later') return { draft, later: true };
    if (outcome === 'refused') {
      draft = { ...draft, state: moveDraft(draft.state, 'refuse') ?? 'refused', refusal: { status: answer.status, error: answer.error } };
      await keeper.put(draft);
      return { draft, later: false };
    }
    if (!answer.caseId) throw new Error('the API filed the case without saying its id');
    draft = { ...draft, state: moveDraft(draft.state, 'file') ?? 'filed', caseId: answer.caseId, refusal: undefined };
    await keeper.put(draft);
  }
  const caseId = draft.caseId;
  if (!caseId) throw new Error(`draft ${draft.id} is filed without a case id`);
  for (const photo of draft.photos) {
    if (photo.sent || photo.refusal) continue;
    const answer = await transport.uploadPhoto(caseId, photo);
    const outcome = outcomeOf(answer.status, answer.error?.code);
    if (outcome === 'later') return { draft, caseId, later: true };
    const settled: DraftPhoto =
      outcome === 'done' ? { ...photo, sent: true } : { ...photo, refusal: answer.error?.message ?? `HTTP ${answer.status}` };
    draft = { ...draft, photos: draft.photos.map((p) => (p.key === photo.key ? settled : p)) };
    await keeper.put(draft);
  }
  // A refused photo keeps the draft until the clerk has read why (the drafts screen says it; the case takes files still).
  if (draft.photos.some((p) => p.refusal)) return { draft, caseId, later: false };
  moveDraft(draft.state, 'finish');
  await keeper.remove(draft.id);
  return { draft: undefined, caseId, later: false };
}
