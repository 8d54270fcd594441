// Making a formatter costs far more than using one; exports format two dates per row.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function partsInZone(date: Date, timeZone: string) {
  const parts = formatterFor(timeZone).formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
}

/** `YYYY-MM-DD HH:mm` in a time zone, the way the district reads dates. */
export function formatInZone(date: Date, timeZone: string, options: { withZone?: boolean } = { withZone: true }): string {
  const get = partsInZone(date, timeZone);
  const text = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return options.withZone === false ? text : `${text} (${timeZone})`;
}

/** `YYYY-MM-DD`: the calendar date in a time zone at a moment. */
export function dateInZone(date: Date, timeZone: string): string {
  const get = partsInZone(date, timeZone);
  return `${get('year')}-${get('month')}-${get('day')}`;
}
