import { parseHalfYear } from '../../lib/half-years.ts';
import type { Words } from '../lifecycle.ts';
import type { CyclePhase } from './cycle.ts';

/** The half-year ledger cycle's phases in the words people read. */
export const CYCLE_PHASE_WORDS = {
  open: { zh: '报送中', en: 'open' },
  awaiting_review: { zh: '待审核', en: 'awaiting review' },
  chasing: { zh: '催报中', en: 'chasing late units' },
  closed: { zh: '已结束', en: 'closed' },
} as const satisfies Record<CyclePhase, Words>;

/** The two halves of a year, as a half-year code (2026-H2) names them: 2026年下半年, the second half of 2026. */
export const HALF_YEAR_WORDS = {
  H1: { zh: '上半年', en: 'first half' },
  H2: { zh: '下半年', en: 'second half' },
} as const satisfies Record<'H1' | 'H2', Words>;

/** A half-year code (2026-H2) in a sentence: 2026年下半年, the second half of 2026; another period as it is. */
export function halfYearWords(cycle: string): Words {
  const parsed = parseHalfYear(cycle);
  if (!parsed) return { zh: cycle, en: cycle };
  const words = HALF_YEAR_WORDS[parsed.half];
  return { zh: `${parsed.year}年${words.zh}`, en: `the ${words.en} of ${parsed.year}` };
}
