import type { partyZh } from './locale.zh.ts';

/** The party members' screens in English: the same keys as locale.zh.ts. */
export const partyEn: Record<keyof typeof partyZh, string> = {};
