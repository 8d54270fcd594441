import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { messageOf } from '../forms.ts';

type DayKind = 'holiday' | 'workday';
type Marks = Record<string, { kind: DayKind; name?: string }>;

const iso = (year: number, month: number, day: number) => `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** A month grid: a weekday marked is a holiday, a weekend day marked is a make-up working day. Saving makes a new version. */
export default function CalendarEditor() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const calendar = useQuery({ queryKey: ['calendar'], queryFn: async () => unwrap(await api.GET('/calendar')) });
  const [marks, setMarks] = useState<Marks>({});
  const [note, setNote] = useState('');
  const [month, setMonth] = useState(() => {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() };
  });
  const [result, setResult] = useState<{ type: 'success' | 'error'; text: string }>();

  useEffect(() => {
    if (calendar.data) setMarks(Object.fromEntries(calendar.data.days.map((d) => [d.date, { kind: d.kind, name: d.name ?? undefined }])));
  }, [calendar.data]);

  const toggle = (date: string) =>
    setMarks((current) => {
      const next = { ...current };
      if (next[date]) delete next[date];
      else next[date] = { kind: [0, 6].includes(weekday(date)) ? 'workday' : 'holiday' };
      return next;
    });
  const save = async () => {
    try {
      const days = Object.entries(marks).map(([date, m]) => ({ date, kind: m.kind, ...(m.name ? { name: m.name } : {}) }));
      const saved = unwrap(await api.PUT('/calendar', { body: { days, ...(note ? { note } : {}) } }));
      setResult({ type: 'success', text: t('calendar.saved', { version: saved.version }) });
      await queryClient.invalidateQueries({ queryKey: ['calendar'] });
    } catch (error) {
      setResult({ type: 'error', text: messageOf(error) });
    }
  };

  const first = new Date(Date.UTC(month.year, month.month, 1));
  const daysInMonth = new Date(Date.UTC(month.year, month.month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // weeks start on Monday
  const cells = [...Array<null>(lead).fill(null), ...Array.from({ length: daysInMonth }, (_, i) => iso(month.year, month.month, i + 1))];
  const weeks = Array.from({ length: Math.ceil(cells.length / 7) }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const shift = (delta: number) => {
    const d = new Date(Date.UTC(month.year, month.month + delta, 1));
    setMonth({ year: d.getUTCFullYear(), month: d.getUTCMonth() });
  };

  return (
    <section aria-labelledby="calendar-title">
      <Typography.Title level={1} id="calendar-title" style={{ fontSize: 22 }}>
        {t('nav.calendar')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('calendar.version', { version: calendar.data?.version ?? 0 })} · {t('calendar.hint')}
      </Typography.Paragraph>
      <Card size="small" style={{ maxWidth: 640 }}>
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => shift(-1)} aria-label={t('calendar.previous')}>
            ‹
          </Button>
          <Typography.Text strong aria-live="polite">
            {`${month.year}-${String(month.month + 1).padStart(2, '0')}`}
          </Typography.Text>
          <Button onClick={() => shift(1)} aria-label={t('calendar.next')}>
            ›
          </Button>
        </Space>
        <table style={{ width: '100%', borderCollapse: 'collapse' }}>
          <thead>
            <tr>
              {(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => (
                <th key={d} scope="col" style={{ padding: 4 }}>
                  {t(`calendar.${d}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((date, i) => (
                  <td key={date ?? `blank-${i}`} style={{ padding: 2, textAlign: 'center' }}>
                    {date && (
                      <Button
                        data-date={date}
                        aria-pressed={Boolean(marks[date])}
                        aria-label={`${date} ${marks[date] ? t(`calendar.${marks[date].kind}`) : ''}`}
                        onClick={() => toggle(date)}
                        type={marks[date] ? 'primary' : 'default'}
                        danger={marks[date]?.kind === 'holiday'}
                        style={{ width: '100%', color: !marks[date] && [0, 6].includes(weekday(date)) ? '#8c1d18' : undefined }}
                      >
                        {Number(date.slice(8))}
                      </Button>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <Space style={{ marginTop: 12 }} wrap>
          <Tag color={TONE.bad}>{t('calendar.holiday')}</Tag>
          <Tag color={TONE.info}>{t('calendar.workday')}</Tag>
        </Space>
        <Space.Compact style={{ width: '100%', marginTop: 12 }}>
          <Input aria-label={t('calendar.note')} placeholder={t('calendar.note')} value={note} onChange={(e) => setNote(e.target.value)} />
          <Button type="primary" onClick={() => void save()}>
            {t('calendar.save')}
          </Button>
        </Space.Compact>
        {result && <Alert type={result.type} title={result.text} role="status" style={{ marginTop: 12 }} />}
      </Card>
    </section>
  );
}
