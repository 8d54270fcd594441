import type { Words } from '../lifecycle.ts';
import type { CyclePhase } from './cycle.ts';

/** The half-year ledger cycle's phases in the words people read. */
export const CYCLE_PHASE_WORDS = {
  open: { zh: '报送中', en: 'open' },
  awaiting_review: { zh: '待审核', en: 'awaiting review' },
  chasing: { zh: '催报中', en: 'chasing late units' },
  closed: { zh: '已结束', en: 'closed' },
} as const satisfies Record<CyclePhase, Words>;
