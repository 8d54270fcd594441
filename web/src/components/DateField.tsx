import type { ComponentProps } from 'react';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/i18n.tsx';

/** What the API takes and gives for a calendar date. */
const WIRE = 'YYYY-MM-DD';
// Shown the reader's way; either form (and the wire form) may be typed.
const SHOWN = { zh: ['YYYY年M月D日', WIRE, 'YYYY/M/D'], en: ['D MMM YYYY', WIRE, 'D/M/YYYY'] } as const;

/**
 * A calendar date in a form, picked with Ant Design's date picker in the reader's language
 * (2026年12月7日) and kept as the API's YYYY-MM-DD. Which dates are allowed is the API's to say: its
 * message shows under the field.
 */
export function DateField({
  ref,
  value,
  onChange,
  id,
  'aria-label': ariaLabel,
}: {
  value?: string;
  onChange?(value: string | undefined): void;
  id?: string;
  'aria-label'?: string;
  /** Form.Item's handle on the field: without it, the API's message for the field cannot be shown under it (web/src/forms.ts). */
  ref?: ComponentProps<typeof DatePicker>['ref'];
}) {
  const { language } = useI18n();
  return (
    <DatePicker
      ref={ref}
      id={id}
      aria-label={ariaLabel}
      value={value ? dayjs(value, WIRE) : null}
      onChange={(day: Dayjs | null) => onChange?.(day ? day.format(WIRE) : undefined)}
      format={[...SHOWN[language]]}
      style={{ width: 200, maxWidth: '100%' }}
    />
  );
}
