import { Select, type SelectProps } from 'antd';
import { recentHalfYears } from '../date-words.ts';
import { useDistrictTime, useSettings } from '../time.ts';

/**
 * A half-year picked by its name (2026年下半年), never typed as a code: the current one (from
 * `GET /settings`) and the `count - 1` before it, newest first.
 */
export function HalfYearSelect({ count, ...props }: { count: number } & Omit<SelectProps<string>, 'options'>) {
  const time = useDistrictTime();
  const settings = useSettings();
  const halves = recentHalfYears(settings.data?.currentCycle, count);
  return <Select<string> style={{ width: 180 }} {...props} options={halves.map((code) => ({ value: code, label: time.halfYear(code) }))} />;
}
