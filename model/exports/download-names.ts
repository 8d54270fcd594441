import { halfYearWords } from '../cycle/glossary.ts';
import { DOWNLOAD_WORDS } from './glossary.ts';

export type DownloadKind = keyof typeof DOWNLOAD_WORDS;
type Language = 'zh' | 'en';

/** A period as a file name shows it: in Chinese 2026年下半年, 2026年, a date as it is; in English the code. */
function periodIn(period: string, language: Language): string {
  if (language === 'en') return period;
  return /^\d{4}$/.test(period) ? `${period}年` : halfYearWords(period).zh;
}

/**
 * The one rule for a downloaded table's file name, from the glossary's words in the language of its
 * headers: 联动解决公益项目台账-2026年下半年.xlsx, linkage-ledger-2026-H2.xlsx.
 */
export function downloadFileName(kind: DownloadKind, language: Language, period: string | number, format: string): string {
  const words = DOWNLOAD_WORDS[kind];
  const base = language === 'zh' ? words.zh.replace(/\s+/g, '-') : words.en.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return `${base}-${periodIn(String(period), language)}.${format}`;
}
