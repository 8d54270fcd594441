import type { LifecycleWords } from '../lifecycle.ts';
import type { ApiKeyAction, ApiKeyState } from './api-key.ts';

/** An Open311 api_key's states and steps in the words people read; model/glossary.ts gathers them. */
export const API_KEY_GLOSSARY = {
  states: {
    active: { zh: '有效', en: 'active' },
    revoked: { zh: '已吊销', en: 'revoked' },
  },
  actions: {
    issue: { zh: '签发密钥', en: 'issue a key' },
    revoke: { zh: '吊销', en: 'revoke' },
  },
} as const satisfies LifecycleWords<ApiKeyState, ApiKeyAction>;
