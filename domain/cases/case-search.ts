import { likeLiteral, type Db, type Prisma } from '../../lib/db.ts';

/**
 * Free-text search (`q`) through a GIN index on `cases.search_grams`: the distinct 2-character
 * pieces of each searchable field, lower-cased, plus the 3-character pieces made only of ASCII.
 * Chinese has no spaces and a 2-character query (路灯) is common, which a trigram index cannot
 * serve; Latin bigrams are too common to narrow a search, so Latin queries use trigrams. The index
 * narrows the rows to those holding every piece of the query; a case-insensitive substring match on
 * the fields then decides, as before, with LIKE's wildcards taken literally.
 */
export const SEARCHED_FIELDS = ['title', 'description', 'location', 'category'] as const;
type SearchedFields = Record<(typeof SEARCHED_FIELDS)[number], string>;

/** Every character below U+0080 (a piece with a NUL cannot occur: text never holds one). */
const isAscii = (piece: string) => {
  for (let i = 0; i < piece.length; i += 1) if (piece.charCodeAt(i) > 0x7f) return false;
  return true;
};

function piecesOf(text: string, add: (piece: string) => void) {
  const chars = Array.from(text.toLowerCase());
  for (let i = 0; i + 1 < chars.length; i += 1) {
    add(chars[i]! + chars[i + 1]!);
    if (i + 2 < chars.length) {
      const three = chars[i]! + chars[i + 1]! + chars[i + 2]!;
      if (isAscii(three)) add(three);
    }
  }
}

/** What the projection stores in `search_grams` for a case. */
export function searchGrams(fields: SearchedFields): string[] {
  const grams = new Set<string>();
  for (const field of SEARCHED_FIELDS) piecesOf(fields[field], (piece) => grams.add(piece));
  return [...grams];
}

/**
 * The pieces a matching case must hold: the query's ASCII trigrams, and its bigrams that hold a
 * non-ASCII character (a Chinese bigram narrows as much as a Latin trigram); a 2-character query is
 * its own bigram. Every one of them is in the grams of a field that contains the query.
 */
export function queryGrams(q: string): string[] {
  const chars = Array.from(q.toLowerCase());
  if (chars.length < 2) return [];
  if (chars.length === 2) return [chars.join('')];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const two = chars[i]! + chars[i + 1]!;
    if (!isAscii(two)) grams.add(two);
    if (i + 2 < chars.length) {
      const three = two + chars[i + 2]!;
      if (isAscii(three)) grams.add(three);
    }
  }
  return [...grams];
}

/** More matches than this across the ledger, and a query counts as common (see `searchCondition`). */
const COMMON_MATCHES = 2000;

/**
 * The list filter for `q`: the index's pieces, then the substring itself in any searched field.
 * PostgreSQL takes a query's pieces as independent and so guesses a common phrase (花园小区: every
 * piece comes with the others) to be rare, reads every match through the index and sorts them. So the
 * matches are first counted, up to a bound, through the index; a common phrase then names only its
 * first piece, which PostgreSQL rightly takes as common, and it walks the newest cases instead,
 * stopping at the page's end; a rare one names all its pieces and reads its few matches.
 */
export async function searchCondition(prisma: Db, q: string): Promise<Prisma.CaseWhereInput> {
  const pattern = likeLiteral(q);
  const grams = queryGrams(q);
  const [matches] = grams.length
    ? await prisma.$queryRaw<Array<{ n: number }>>`
        SELECT count(*)::int AS n FROM (SELECT 1 FROM cases WHERE search_grams @> ${grams}::text[] LIMIT ${COMMON_MATCHES}) m`
    : [];
  const indexed = matches && matches.n >= COMMON_MATCHES ? grams.slice(0, 1) : grams;
  return {
    AND: [
      ...(indexed.length ? [{ searchGrams: { hasEvery: indexed } }] : []),
      { OR: SEARCHED_FIELDS.map((field) => ({ [field]: { contains: pattern, mode: 'insensitive' as const } })) },
    ],
  };
}
