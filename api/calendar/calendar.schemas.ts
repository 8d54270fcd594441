import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import { boundedDate } from '../../model/dates.ts';
import { lineText, plainText } from '../../model/text.ts';

const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

export const calendarDay = z.strictObject({
  date: boundedDate,
  kind: z.enum(['holiday', 'workday']),
  name: lineText(100).optional(),
});

export const saveCalendarBody = z.strictObject({
  note: plainText(500, 0).optional(),
  days: z
    .array(
      calendarDay.refine((d) => d.kind === 'holiday' || isWeekend(d.date), {
        message: bilingual({ zh: '调休上班日须为周六或周日', en: 'a make-up working day must fall on a Saturday or Sunday' }),
        path: ['kind'],
      }),
    )
    .max(2000)
    .refine(
      (days) => new Set(days.map((d) => d.date)).size === days.length,
      bilingual({ zh: '每个日期只能出现一次', en: 'each date may appear once' }),
    ),
});

export const calendarView = z.object({
  version: z.number().int(),
  note: z.string().nullable(),
  createdAt: z.iso.datetime().nullable(),
  days: z.array(z.object({ date: z.iso.date(), kind: z.enum(['holiday', 'workday']), name: z.string().nullable() })),
});

export const savedCalendarView = z.object({ version: z.number().int() });
