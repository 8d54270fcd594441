/**
 * The notice's half-years: a unit's ledger is due before June 26 (H1) and before December 26 (H2).
 * H1 of a year covers December 26 of the year before to June 25; H2 June 26 to December 25.
 * Pure date arithmetic (no I/O): used by workflows and by queries alike.
 */
export function halfYearWindow(cycle: string, utcOffsetMinutes: number): { from: Date; to: Date } {
  const match = /^(\d{4})-H([12])$/.exec(cycle);
  if (!match) throw new RangeError(`cycle must look like 2026-H1, got ${cycle}`);
  const year = Number(match[1]);
  const [start, end] = match[2] === '1' ? [`${year - 1}-12-26`, `${year}-06-26`] : [`${year}-06-26`, `${year}-12-26`];
  const offset = utcOffsetMinutes * 60_000;
  return { from: new Date(Date.parse(`${start}T00:00:00Z`) - offset), to: new Date(Date.parse(`${end}T00:00:00Z`) - offset) };
}

/** The half-year a moment falls in: from December 26 it counts toward the next year's H1. */
export function halfYearOf(moment: Date, utcOffsetMinutes: number): string {
  const local = new Date(moment.getTime() + utcOffsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  const monthDay = local.toISOString().slice(5, 10);
  if (monthDay >= '12-26') return `${year + 1}-H1`;
  return monthDay >= '06-26' ? `${year}-H2` : `${year}-H1`;
}
