import type { leadersZh } from './locale.zh.ts';

/** The leaders' screens in English: the same keys as locale.zh.ts. */
export const leadersEn: Record<keyof typeof leadersZh, string> = {};
