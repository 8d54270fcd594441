import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Draft } from './draft.ts';

export type { Draft, DraftPhoto, Filing } from './draft.ts';

interface DraftDb extends DBSchema {
  drafts: { key: string; value: Draft; indexes: { byUser: string } };
}

let opened: Promise<IDBPDatabase<DraftDb>> | undefined;
const db = () =>
  (opened ??= openDB<DraftDb>('ledger-drafts', 1, {
    upgrade(database) {
      database.createObjectStore('drafts', { keyPath: 'id' }).createIndex('byUser', 'userId');
    },
  }));

/** Tells the other tabs a draft changed, so their drafts screen follows. */
const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('ledger-drafts');
const listeners = new Set<() => void>();
channel?.addEventListener('message', () => listeners.forEach((listener) => listener()));
const changed = () => {
  listeners.forEach((listener) => listener());
  channel?.postMessage('changed');
};

export function onDraftsChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function userDrafts(userId: string): Promise<Draft[]> {
  const drafts = await (await db()).getAllFromIndex('drafts', 'byUser', userId);
  return drafts.sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

export const readDraft = async (id: string) => (await db()).get('drafts', id);

export async function putDraft(draft: Draft) {
  await (await db()).put('drafts', draft);
  changed();
}

export async function deleteDraft(id: string) {
  await (await db()).delete('drafts', id);
  changed();
}
