import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { EChart } from '../components/EChart.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { leadersKey } from './leaders-api.ts';

/** The year's standing of the principal leaders the caller sees, summed per item by the API (`GET /leader-standing`). */
function useStandingTotals(year: number | undefined) {
  return useQuery({
    queryKey: [...leadersKey, 'standing', year],
    enabled: year !== undefined,
    queryFn: async () => unwrap(await api.GET('/leader-standing', { params: { query: { year } } })),
  });
}

/**
 * Beside the leaders' list: per item of the four leads, what the principal leaders have done toward
 * their minimums and what is still missing (the two make up what is required). The chart's label says
 * the same figures in words, and they stand under it too, for those who do not see the bars.
 */
export function StandingChart({ year }: { year: number | undefined }) {
  const { t, language } = useI18n();
  const label = useLabel();
  const totals = useStandingTotals(year).data;
  const items = codesOf('quotaItem');
  const option = useMemo(
    () =>
      totals && {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
        legend: { top: 0 },
        grid: { left: 8, right: 16, bottom: 8, top: 32, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', inverse: true, data: items.map((item) => label('quotaItem', item)) },
        series: [
          { id: 'done', name: t('leaders.done'), type: 'bar', stack: 'required', color: TONE.good, data: items.map((i) => totals.done[i]) },
          {
            id: 'missing',
            name: t('leaders.missing'),
            type: 'bar',
            stack: 'required',
            color: TONE.warn,
            data: items.map((i) => totals.missing[i]),
          },
        ],
      },
    [totals, items, label, t],
  );
  if (!totals || !option) return null;
  const perItem = items
    .map((item) =>
      t('leaders.chart.item', {
        item: label('quotaItem', item),
        required: totals.required[item],
        done: totals.done[item],
        missing: totals.missing[item],
      }),
    )
    .join(language === 'zh' ? '；' : '; ');
  const summary = t('leaders.chart.summary', { year: totals.year, principals: totals.principals, behind: totals.behind });
  return (
    <Card size="small" title={t('leaders.chart.title', { year: totals.year })}>
      <EChart option={option} label={`${t('leaders.chart.title', { year: totals.year })}：${summary} ${perItem}`} height={300} />
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="standing-summary">
        {summary}
      </Typography.Paragraph>
    </Card>
  );
}
