/**
 * How much two filings look like the same problem, on Chinese as on English text. Pure: the domain's
 * look-alike query (duplicates.ts) ranks its candidates with it, and bench/look-alikes.ts tunes the
 * threshold on a set of realistic pairs.
 *
 * Chinese has no spaces, so text is cut into pieces: each run of Chinese characters into its
 * 2-character pieces (the ones the search index keeps), other text into words. Two filings are the
 * same problem when they are at the same place and say the same thing about it, so the score has two
 * parts: the place (the written places, or a place named in the other's title when one has none) and
 * the problem (the title and description with every place piece taken out, so a street's name does
 * not make two different problems look alike). Each part is the share of the shorter text's pieces
 * found in the other (a short draft inside a long restatement counts fully); the score is their
 * geometric mean, so either part alone is not enough. A shared category adds a little.
 */
export type LookAlikeText = { title: string; location: string; description?: string | null; category?: string | null };

/** The parts of a filing that can match, in the order reasons are given. */
export const LOOK_ALIKE_PARTS = ['place', 'problem', 'category'] as const;
export type LookAlikeReason = { part: (typeof LOOK_ALIKE_PARTS)[number]; shared: string[] };
export type LookAlikeScore = { score: number; place: number; problem: number; reasons: LookAlikeReason[] };

const HAN = /\p{Script=Han}/u;
const STOP_WORDS = new Set([
  'on',
  'at',
  'in',
  'of',
  'the',
  'and',
  'to',
  'is',
  'are',
  'an',
  'has',
  'have',
  'been',
  'was',
  'for',
  'with',
  'it',
  'this',
  'that',
  'again',
]);
/**
 * Pieces every other place has (小区, 号楼, road and lane): they say what kind of place it is, not which,
 * so two places sharing only these are different places.
 */
const GENERIC_PLACE_PIECES = new Set([
  '小区',
  '号楼',
  '号院',
  '单元',
  '社区',
  '街道',
  '路口',
  '门口',
  '大街',
  '公园',
  '广场',
  '市场',
  'road',
  'street',
  'lane',
  'north',
  'south',
  'east',
  'west',
  'end',
]);

/** The pieces of a text: 2-character pieces of its Chinese runs (a lone character itself), words of the rest. */
export function piecesOf(text: string): Set<string> {
  const pieces = new Set<string>();
  for (const run of text.toLowerCase().match(/\p{Script=Han}+|[\p{L}\p{N}]+/gu) ?? []) {
    if (HAN.test(run)) {
      const chars = Array.from(run).filter((c) => HAN.test(c));
      if (chars.length === 1) pieces.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i += 1) pieces.add(chars[i]! + chars[i + 1]!);
    } else if (run.length > 1 && !STOP_WORDS.has(run)) pieces.add(run);
  }
  return pieces;
}

const namedPlace = (pieces: Set<string>) =>
  new Set([...pieces].filter((piece) => !GENERIC_PLACE_PIECES.has(piece) && !/^\d+$/.test(piece)));
const intersection = (a: Set<string>, b: Set<string>) => [...a].filter((piece) => b.has(piece));
/** The share of the smaller set found in the other. */
const overlap = (a: Set<string>, b: Set<string>, shared: string[]) => (a.size && b.size ? shared.length / Math.min(a.size, b.size) : 0);
const without = (a: Set<string>, b: Set<string>) => new Set([...a].filter((piece) => !b.has(piece)));

/** How much `b` looks like the same problem as `a`, with the pieces each part shares. */
export function lookAlikeScore(a: LookAlikeText, b: LookAlikeText): LookAlikeScore {
  const textA = piecesOf(`${a.title} ${a.description ?? ''}`);
  const textB = piecesOf(`${b.title} ${b.description ?? ''}`);
  const writtenA = piecesOf(a.location);
  const writtenB = piecesOf(b.location);
  const placeA = namedPlace(writtenA);
  const placeB = namedPlace(writtenB);

  // A filing with no written place yet is compared by the other's place found in its text.
  let placeShared: string[];
  let place: number;
  if (placeA.size && placeB.size) {
    placeShared = intersection(placeA, placeB);
    place = overlap(placeA, placeB, placeShared);
  } else {
    const [written, text] = placeA.size ? [placeA, textB] : [placeB, textA];
    placeShared = intersection(written, text);
    place = written.size ? placeShared.length / written.size : 0;
  }

  const places = new Set([...writtenA, ...writtenB, ...GENERIC_PLACE_PIECES]);
  const problemA = without(textA, places);
  const problemB = without(textB, places);
  const problemShared = intersection(problemA, problemB);
  const problem = overlap(problemA, problemB, problemShared);

  const sameCategory = Boolean(a.category && b.category && a.category.trim().toLowerCase() === b.category.trim().toLowerCase());
  const score = Math.min(1, place * Math.sqrt(problem) + (sameCategory ? CATEGORY_BONUS : 0));
  const reasons: LookAlikeReason[] = [
    ...(placeShared.length ? [{ part: 'place' as const, shared: placeShared }] : []),
    ...(problemShared.length ? [{ part: 'problem' as const, shared: problemShared }] : []),
    ...(sameCategory ? [{ part: 'category' as const, shared: [b.category!.trim()] }] : []),
  ];
  return { score: Math.round(score * 100) / 100, place, problem, reasons };
}

/** What a shared category adds to the score. */
export const CATEGORY_BONUS = 0.1;

/** At or above this score a case is shown as a look-alike (tuned in bench/look-alikes.ts). */
export const LOOK_ALIKE_THRESHOLD = 0.4;

/**
 * Shared pieces as the words people read: 2-character pieces that follow each other in the text
 * (幸福, 福路) joined again (幸福路); words as they are.
 */
export function phrasesOf(pieces: string[]): string[] {
  const phrases: string[] = [];
  for (const piece of pieces) {
    const last = phrases.at(-1);
    const chained = last !== undefined && HAN.test(piece) && Array.from(piece).length === 2 && last.endsWith(Array.from(piece)[0]!);
    if (chained) phrases[phrases.length - 1] = last + Array.from(piece)[1]!;
    else phrases.push(piece);
  }
  return phrases;
}
