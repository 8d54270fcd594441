import type { Db } from '../../lib/db.ts';

/** Display names by user id: the people a case's rows mention (actors, owners), read in one query. */
export type PeopleNames = ReadonlyMap<string, string>;

export async function namesOf(prisma: Db, ids: Iterable<string | null | undefined>): Promise<PeopleNames> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(users.map((u) => [u.id, u.displayName]));
}

/** A person as the API names them: id and display name (empty when the account is gone). */
export const personOf = (names: PeopleNames, id: string | null | undefined) => (id ? { id, name: names.get(id) ?? '' } : null);
