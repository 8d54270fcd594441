/** `YYYY-MM-DD HH:mm` in a time zone, the way the district reads dates. */
export function formatInZone(date: Date, timeZone: string, options: { withZone?: boolean } = { withZone: true }): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const text = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return options.withZone === false ? text : `${text} (${timeZone})`;
}
