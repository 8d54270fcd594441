import { api, ApiFailure, type ApiError } from '../api/client.ts';
import { uploadAttachment } from '../api/upload.ts';
import { sendDraft, type DraftKeeper, type DraftTransport, type SendResult } from './draft-sender.ts';
import { retryDelayMs } from './draft-states.ts';
import { deleteDraft, putDraft, readDraft, userDrafts } from './draft-store.ts';

/** The real way to the API: the filing through the typed client, each photo as an upload; no answer is status 0. */
const transport: DraftTransport = {
  async fileCase(filing, idempotencyKey) {
    try {
      const result = await api.POST('/cases', { body: filing, params: { header: { 'idempotency-key': idempotencyKey } } });
      const error = (result.error as { error?: ApiError } | undefined)?.error;
      return { status: result.response.status, caseId: result.data?.id, error };
    } catch {
      return { status: 0 };
    }
  },
  async uploadPhoto(caseId, photo) {
    try {
      const file = new File([photo.blob], photo.name, { type: photo.type });
      await uploadAttachment(`/cases/${encodeURIComponent(caseId)}/attachments`, file, () => {}, photo.key);
      return { status: 201 };
    } catch (error) {
      return error instanceof ApiFailure ? { status: error.status, error: error.error } : { status: 0 };
    }
  },
};

const keeper: DraftKeeper = { put: putDraft, remove: deleteDraft };

/**
 * One tab sends at a time (a Web Lock), and reads the draft again once it holds the lock: what another tab has sent
 * meanwhile is gone or further on. The keys make a second send harmless anyway; the lock spares the requests.
 */
async function exclusively<T>(work: () => Promise<T>): Promise<T> {
  if (!('locks' in navigator)) return work();
  return navigator.locks.request('ledger-drafts-send', work);
}

/** Sends one draft now (the filing form, right after keeping it); undefined when it is no longer kept nor filed here. */
export function sendDraftNow(id: string): Promise<SendResult | undefined> {
  return exclusively(async () => {
    const draft = await readDraft(id);
    return draft ? sendDraft(draft, transport, keeper) : undefined;
  });
}

/** Sends every draft of the user that can go; whether any is to be tried again later. */
export function sendUserDrafts(userId: string): Promise<boolean> {
  return exclusively(async () => {
    let later = false;
    for (const draft of await userDrafts(userId)) {
      const result = await sendDraft(draft, transport, keeper);
      later ||= result.later;
      // Nothing gets through: the rest would only fail the same way.
      if (result.later) break;
    }
    return later;
  });
}

/**
 * Keeps sending the signed-in clerk's drafts while the app is open: at once, whenever the browser says it is online
 * again, and after a growing pause while something is still waiting. Returns the stop.
 */
let wake: (() => void) | undefined;

/** Tries the waiting drafts again now (a new draft kept offline, the "send now" button), with the pause starting over. */
export const wakeDraftSync = () => wake?.();

export function startDraftSync(userId: string): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  const run = async () => {
    clearTimeout(timer);
    if (stopped) return;
    const later = await sendUserDrafts(userId).catch(() => true);
    failures = later ? failures + 1 : 0;
    if (later && !stopped) timer = setTimeout(() => void run(), retryDelayMs(failures));
  };
  const online = () => {
    failures = 0;
    void run();
  };
  window.addEventListener('online', online);
  wake = online;
  void run();
  return () => {
    stopped = true;
    if (wake === online) wake = undefined;
    clearTimeout(timer);
    window.removeEventListener('online', online);
  };
}
