/** Lists, counts and the bell refresh this often, so a change made elsewhere shows within 5 s (a 304 when nothing changed). */
export const REFRESH_MS = 3_000;
