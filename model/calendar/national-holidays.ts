import type { Language } from '../../lib/errors.ts';

/**
 * The national public holidays and make-up working days as the State Council's General Office
 * publishes them each November for the year ahead, for the years already published. A district's
 * calendar starts from these (domain/calendar/calendar.ts `shipNationalHolidays`); its admin edits
 * from there (a local holiday, next year's list once published). Dates are calendar dates in China.
 */
type Festival =
  'new_year' | 'spring_festival' | 'qingming' | 'labour_day' | 'dragon_boat' | 'mid_autumn' | 'national_day' | 'national_day_mid_autumn';

const FESTIVAL_NAMES: Record<Festival, Record<Language, string>> = {
  new_year: { zh: '元旦', en: 'New Year’s Day' },
  spring_festival: { zh: '春节', en: 'Spring Festival' },
  qingming: { zh: '清明节', en: 'Qingming Festival' },
  labour_day: { zh: '劳动节', en: 'Labour Day' },
  dragon_boat: { zh: '端午节', en: 'Dragon Boat Festival' },
  mid_autumn: { zh: '中秋节', en: 'Mid-Autumn Festival' },
  national_day: { zh: '国庆节', en: 'National Day' },
  national_day_mid_autumn: { zh: '国庆节、中秋节', en: 'National Day and Mid-Autumn Festival' },
};
const WORKDAY_NAME: Record<Language, (festival: string) => string> = {
  zh: (festival) => `${festival}调休上班`,
  en: (festival) => `${festival}: make-up working day`,
};

/** One festival's days off (first to last, inclusive) and the weekend days worked instead. */
type Arrangement = { festival: Festival; off: readonly [string, string]; workdays?: readonly string[] };
type PublishedYear = { year: number; source: string; published: string; arrangements: readonly Arrangement[] };

export const NATIONAL_HOLIDAYS: readonly PublishedYear[] = [
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    published: '2024-11-12',
    arrangements: [
      { festival: 'new_year', off: ['2025-01-01', '2025-01-01'] },
      { festival: 'spring_festival', off: ['2025-01-28', '2025-02-04'], workdays: ['2025-01-26', '2025-02-08'] },
      { festival: 'qingming', off: ['2025-04-04', '2025-04-06'] },
      { festival: 'labour_day', off: ['2025-05-01', '2025-05-05'], workdays: ['2025-04-27'] },
      { festival: 'dragon_boat', off: ['2025-05-31', '2025-06-02'] },
      // National Day and the Mid-Autumn Festival fall together this year: one holiday of eight days.
      { festival: 'national_day_mid_autumn', off: ['2025-10-01', '2025-10-08'], workdays: ['2025-09-28', '2025-10-11'] },
    ],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    published: '2025-11-04',
    arrangements: [
      { festival: 'new_year', off: ['2026-01-01', '2026-01-03'], workdays: ['2026-01-04'] },
      { festival: 'spring_festival', off: ['2026-02-15', '2026-02-23'], workdays: ['2026-02-14', '2026-02-28'] },
      { festival: 'qingming', off: ['2026-04-04', '2026-04-06'] },
      { festival: 'labour_day', off: ['2026-05-01', '2026-05-05'], workdays: ['2026-05-09'] },
      { festival: 'dragon_boat', off: ['2026-06-19', '2026-06-21'] },
      { festival: 'mid_autumn', off: ['2026-09-25', '2026-09-27'] },
      { festival: 'national_day', off: ['2026-10-01', '2026-10-07'], workdays: ['2026-09-20', '2026-10-10'] },
    ],
  },
];

export type NationalCalendarDay = { date: string; kind: 'holiday' | 'workday'; name: string };

function daysFromTo(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = Date.parse(`${first}T00:00:00Z`); day <= Date.parse(`${last}T00:00:00Z`); day += 86_400_000) {
    days.push(new Date(day).toISOString().slice(0, 10));
  }
  return days;
}

/** Every published year's days off and make-up working days, named in `language`, in date order. */
export function nationalCalendarDays(language: Language): NationalCalendarDay[] {
  return NATIONAL_HOLIDAYS.flatMap(({ arrangements }) =>
    arrangements.flatMap(({ festival, off, workdays = [] }) => {
      const name = FESTIVAL_NAMES[festival][language];
      return [
        ...daysFromTo(off[0], off[1]).map((date) => ({ date, kind: 'holiday' as const, name })),
        ...workdays.map((date) => ({ date, kind: 'workday' as const, name: WORKDAY_NAME[language](name) })),
      ];
    }),
  ).sort((a, b) => a.date.localeCompare(b.date));
}

/** The sources, as a calendar version's note says where its days came from. */
export const nationalHolidaySources = () => NATIONAL_HOLIDAYS.map((year) => `${year.source}，${year.published}`).join('；');
