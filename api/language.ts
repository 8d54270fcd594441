import type { Request } from 'express';
import { LANGUAGES, type Language } from '../lib/errors.ts';

/**
 * The language a request is answered in, from its `Accept-Language` (`zh-CN`, `en-US;q=0.8`, …):
 * the best of the languages the API speaks, Chinese when the client names neither or none.
 */
export const requestLanguage = (req: Pick<Request, 'acceptsLanguages'>): Language => {
  const best = req.acceptsLanguages(...LANGUAGES);
  return best === 'en' ? 'en' : 'zh';
};
