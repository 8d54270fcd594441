import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { api, unwrap, type Statistics } from '../api/client.ts';
import { EChart } from '../components/EChart.tsx';
import { RepeatedProblems } from './RepeatedProblems.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { HalfYearSelect } from '../components/HalfYearSelect.tsx';

type Figures = Statistics['units'][number];
/** Each bar series and the case list it opens when clicked. */
/** The dashboard's half-years to pick from: the current one and three before it. */
const DASHBOARD_HALVES = 4;

const UNIT_SERIES: Array<{ key: 'filed' | 'solvedAtDistrict' | 'solvedAtMunicipal' | 'overdue'; filter: string }> = [
  { key: 'filed', filter: '' },
  { key: 'solvedAtDistrict', filter: 'status=awaiting_feedback,closed' },
  { key: 'solvedAtMunicipal', filter: 'status=awaiting_feedback,closed' },
  { key: 'overdue', filter: 'overdue=true' },
];

export default function Dashboard() {
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const time = useDistrictTime();
  const [cycle, setCycle] = useState<string>();
  const stats = useQuery({
    queryKey: ['statistics', cycle],
    queryFn: async () => unwrap(await api.GET('/statistics', { params: { query: cycle ? { cycle } : {} } })),
  });
  const data = stats.data;
  const units = data?.units ?? [];

  const perUnit = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: units.map((u) => u.unit.name), axisLabel: { rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: UNIT_SERIES.map((s) => ({ id: s.key, name: t(`stats.${s.key}`), type: 'bar', data: units.map((u) => u[s.key]) })),
    }),
    [units, t],
  );
  const quality = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 40, bottom: 60, top: 40 },
      xAxis: { type: 'category', data: units.map((u) => u.unit.name), axisLabel: { rotate: 20 } },
      yAxis: [
        { type: 'value', name: t('stats.days') },
        { type: 'value', max: 100, name: '%' },
      ],
      series: [
        { name: t('stats.medianDays'), type: 'bar', data: units.map((u) => u.resolutionWorkingDays.median) },
        {
          name: t('stats.satisfaction'),
          type: 'line',
          yAxisIndex: 1,
          data: units.map((u) => (u.satisfaction.rate === null ? null : Math.round(u.satisfaction.rate * 100))),
        },
      ],
    }),
    [units, t],
  );
  const byCategory = Object.entries(data?.breakdown.byCategory ?? {});
  const byHalfYear = Object.entries(data?.breakdown.byHalfYear ?? {}).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section aria-labelledby="dashboard-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} id="dashboard-title" style={{ fontSize: 22 }}>
          {t('nav.dashboard')}
        </Typography.Title>
        <HalfYearSelect
          count={DASHBOARD_HALVES}
          aria-label={t('stats.cycle')}
          placeholder={t('stats.allTime')}
          allowClear
          value={cycle}
          onChange={setCycle}
        />
      </Space>
      {data && (
        <Row gutter={[16, 16]}>
          {(['filed', 'open', 'forwarded', 'overdue'] as const).map((key) => (
            <Col xs={12} md={6} key={key}>
              <Card size="small">
                <Link to={`/cases${key === 'overdue' ? '?overdue=true' : ''}`}>
                  <Statistic title={t(`stats.${key}`)} value={data.total[key]} />
                </Link>
              </Card>
            </Col>
          ))}
          <Col xs={24} lg={14}>
            <Card size="small" title={t('stats.perUnit')}>
              <EChart
                option={perUnit}
                label={t('stats.perUnit')}
                onClick={(e) => {
                  const unit = units[e.dataIndex];
                  const filter = UNIT_SERIES.find((s) => s.key === e.seriesId)?.filter;
                  if (unit) void navigate(`/cases?unit=${unit.unit.id}${filter ? `&${filter}` : ''}`);
                }}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card size="small" title={t('stats.quality')}>
              <EChart
                option={quality}
                label={t('stats.quality')}
                onClick={(e) => {
                  const unit = units[e.dataIndex];
                  if (unit) void navigate(`/cases?unit=${unit.unit.id}&status=closed`);
                }}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('stats.byCategory')}>
              <EChart
                label={t('stats.byCategory')}
                option={{
                  tooltip: { trigger: 'item' },
                  series: [{ type: 'pie', radius: '65%', data: byCategory.map(([name, value]) => ({ name, value })) }],
                }}
                onClick={(e) => void navigate(`/cases?q=${encodeURIComponent(e.name)}`)}
              />
            </Card>
          </Col>
          <Col xs={24} md={12}>
            <Card size="small" title={t('stats.byHalfYear')}>
              <EChart
                label={t('stats.byHalfYear')}
                option={{
                  tooltip: { trigger: 'axis' },
                  xAxis: { type: 'category', data: byHalfYear.map(([code]) => time.halfYear(code)) },
                  yAxis: { type: 'value', minInterval: 1 },
                  series: [{ type: 'bar', data: byHalfYear.map(([, v]) => v) }],
                }}
                onClick={(e) => setCycle(byHalfYear[e.dataIndex]?.[0])}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={t('stats.perUnit')}>
              <Table<Figures>
                rowKey={(u) => u.unit.id}
                size="small"
                pagination={false}
                scroll={{ x: 800 }}
                dataSource={units}
                columns={[
                  { title: t('list.unit'), render: (_, u) => <Link to={`/cases?unit=${u.unit.id}`}>{u.unit.name}</Link> },
                  ...(['filed', 'open', 'solvedAtDistrict', 'solvedAtMunicipal', 'unsolvable', 'overdue'] as const).map((key) => ({
                    title: t(`stats.${key}`),
                    dataIndex: key,
                  })),
                  { title: t('stats.medianDays'), render: (_: unknown, u: Figures) => u.resolutionWorkingDays.median ?? '—' },
                  {
                    title: t('stats.satisfaction'),
                    render: (_: unknown, u: Figures) => (u.satisfaction.rate === null ? '—' : `${Math.round(u.satisfaction.rate * 100)}%`),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col span={24}>
            <Card size="small" title={`${t('stats.repeated')} (${data.repeatedProblems.total})`}>
              <RepeatedProblems page={data.repeatedProblems} cycle={cycle} />
            </Card>
          </Col>
          <Col span={24}>
            <Typography.Text type="secondary">
              {Object.entries(data.breakdown.byStatus)
                .map(([s, n]) => `${label('status', s)} ${n}`)
                .join(' · ')}
            </Typography.Text>
          </Col>
        </Row>
      )}
    </section>
  );
}
