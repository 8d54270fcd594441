import { LOOK_ALIKE_THRESHOLD, lookAlikeScore } from '../domain/cases/look-alike-score.ts';
import { LOOK_ALIKE_PAIRS } from '../test/unit/cases/look-alike-pairs.ts';

/**
 * `npm run bench:look-alikes`: precision and recall of the look-alike score at each threshold on the
 * tuning pairs (test/unit/cases/look-alike-pairs.ts), the one in force marked, and the pairs it gets
 * wrong, to tune LOOK_ALIKE_THRESHOLD (domain/cases/look-alike-score.ts). Goal: both at least 0.9.
 */
const GOAL = 0.9;
const scored = LOOK_ALIKE_PAIRS.map((pair) => ({ pair, score: lookAlikeScore(pair.a, pair.b).score }));
const same = scored.filter((s) => s.pair.same).length;
console.log(`${LOOK_ALIKE_PAIRS.length} pairs: ${same} the same problem, ${LOOK_ALIKE_PAIRS.length - same} not`);
console.log('threshold  precision  recall');
for (let threshold = 0.2; threshold <= 0.71; threshold += 0.05) {
  const shown = scored.filter((s) => s.score >= threshold - 1e-9);
  const found = shown.filter((s) => s.pair.same).length;
  const precision = shown.length ? found / shown.length : 1;
  const recall = found / same;
  const mark = Math.abs(threshold - LOOK_ALIKE_THRESHOLD) < 1e-9 ? '  <- in force' : '';
  console.log(`${threshold.toFixed(2).padStart(9)}  ${precision.toFixed(2).padStart(9)}  ${recall.toFixed(2).padStart(6)}${mark}`);
}
console.log(`goal: precision and recall >= ${GOAL} at the threshold in force`);
console.log('wrong at the threshold in force:');
for (const { pair, score } of scored) {
  if (pair.same !== score >= LOOK_ALIKE_THRESHOLD)
    console.log(`  ${score.toFixed(2)} ${pair.same ? 'missed' : 'shown '} ${pair.a.title} / ${pair.b.title} (${pair.why})`);
}
