import type { paths } from '../api/generated/openapi.ts';
import type { DraftState } from './draft-states.ts';

// From the generated API types only (no DOM): the draft's pure modules are unit-tested in Node.
export type Filing = NonNullable<paths['/cases']['post']['requestBody']>['content']['application/json'];
export type DraftApiError = paths['/cases/{id}']['get']['responses'][404]['content']['application/json']['error'];

/** A photo of a draft, shrunk already, so a retry sends the very bytes its key was first sent with. */
export type DraftPhoto = { key: string; name: string; type: string; blob: Blob; sent: boolean; refusal?: string };

/** A filing kept in IndexedDB until the API has it and its photos (draft-states.ts has its moves). */
export type Draft = {
  id: string;
  /** Whose it is: only that user's session sends it. */
  userId: string;
  /** Made with the draft and never changed: however often it is sent, it files one case. */
  idempotencyKey: string;
  state: DraftState;
  filing: Filing;
  photos: DraftPhoto[];
  savedAt: string;
  caseId?: string;
  /** Why the API refused it: its error, with the field errors shown under the fields when the clerk opens it. */
  refusal?: { status: number; error: DraftApiError | undefined };
};
