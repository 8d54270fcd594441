import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { unitName, useOrgUnits } from '../directory/org-units.ts';
import { downloadWithAuth } from '../download.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useDistrictTime, useSettings } from '../time.ts';
import { PAGE_SIZE, PARTY_REFRESH_MS, useRound, type Round } from './party-api.ts';
import { RoundSteps } from './RoundSteps.tsx';
import { messageOf } from '../forms.ts';

export function PhaseTag({ phase }: { phase: Round['phase'] }) {
  const label = useLabel();
  const color = phase === 'approved' ? TONE.good : phase === 'returned' || phase === 'expired' ? TONE.bad : TONE.info;
  return <Tag color={color}>{label('round', phase)}</Tag>;
}

/**
 * The year's recommendation round (15 % of the members registered with a street/park): a street's or
 * park's clerk works on its own round, the district lists the year's rounds and opens one to approve
 * or return it. The year comes from the address (`?year=`), else the district's current year.
 */
export default function RoundBoard() {
  const { t } = useI18n();
  const user = useUser();
  const settings = useSettings();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? settings.data?.currentCycle.slice(0, 4) ?? new Date().getFullYear());
  const unitId = user.role === 'street_staff' ? user.orgUnitId : (params.get('unit') ?? undefined);
  const setYear = (value: number | null) => {
    if (!value) return;
    const next = new URLSearchParams(params);
    next.set('year', String(value));
    setParams(next, { replace: true });
  };
  return (
    <section aria-labelledby="round-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} id="round-title" style={{ fontSize: 22 }}>
          {t('party.round.title')}
        </Typography.Title>
        <InputNumber
          aria-label={t('party.round.year')}
          addonBefore={t('party.round.year')}
          value={year}
          min={2000}
          max={2200}
          onChange={setYear}
        />
      </Space>
      {user.role !== 'street_staff' && <Commendations year={year} />}
      {user.role !== 'street_staff' && <YearRounds year={year} />}
      {unitId && <UnitRound key={`${year}-${unitId}`} year={year} unitId={unitId} />}
    </section>
  );
}

/** The July 1 commendation list of the year's approved rounds, as a file with Chinese or English headers. */
function Commendations({ year }: { year: number }) {
  const { t, language } = useI18n();
  const [lang, setLang] = useState<'zh' | 'en'>(language);
  const [failure, setFailure] = useState<string>();
  const download = async (format: 'csv' | 'xlsx') => {
    setFailure(undefined);
    const ok = await downloadWithAuth(`/party/commendations/${year}?format=${format}&lang=${lang}`, `commendations-${year}.${format}`);
    if (!ok) setFailure(t('party.commendations.failed'));
  };
  return (
    <Space wrap style={{ marginBottom: 12 }} aria-label={t('party.commendations.title')} role="group">
      <Typography.Text strong>{t('party.commendations.title')}</Typography.Text>
      <Select<'zh' | 'en'>
        aria-label={t('party.commendations.language')}
        value={lang}
        onChange={setLang}
        style={{ width: 140 }}
        options={[
          { value: 'zh', label: t('party.commendations.zh') },
          { value: 'en', label: t('party.commendations.en') },
        ]}
      />
      <Button onClick={() => void download('xlsx')}>{t('party.commendations.xlsx')}</Button>
      <Button onClick={() => void download('csv')}>{t('party.commendations.csv')}</Button>
      {failure && <Alert type="error" role="alert" title={failure} />}
    </Space>
  );
}

/** The district's list of the year's rounds, a page at a time. */
function YearRounds({ year }: { year: number }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  const units = useOrgUnits();
  const [offset, setOffset] = useState(0);
  const list = useQuery({
    queryKey: ['party', 'rounds', year, offset],
    queryFn: async () => unwrap(await api.GET('/party/rounds/{year}', { params: { path: { year }, query: { limit: PAGE_SIZE, offset } } })),
    refetchInterval: PARTY_REFRESH_MS,
  });
  return (
    <Table
      rowKey="unitId"
      size="small"
      scroll={{ x: 'max-content' }}
      style={{ marginBottom: 16 }}
      loading={list.isPending}
      dataSource={list.data?.items ?? []}
      pagination={{
        current: offset / PAGE_SIZE + 1,
        pageSize: PAGE_SIZE,
        total: list.data?.total ?? 0,
        showTotal: (total) => t('party.total', { total }),
        onChange: (page) => setOffset((page - 1) * PAGE_SIZE),
      }}
      columns={[
        {
          title: t('party.round.unit'),
          render: (_, r) => <Link to={`?year=${year}&unit=${r.unitId}`}>{unitName(units.data, r.unitId)}</Link>,
        },
        { title: t('party.round.phase'), render: (_, r) => <PhaseTag phase={r.phase} /> },
        { title: t('party.round.quota'), render: (_, r) => `${r.selectedMembers} / ${r.quota}` },
        { title: t('party.round.submitBy'), render: (_, r) => time.date(r.submitBy) },
        {
          title: t('party.round.submittedAt'),
          render: (_, r) => (r.late ? `${time.dateTime(r.submittedAt)} ${t('party.round.late')}` : time.dateTime(r.submittedAt)),
        },
      ]}
    />
  );
}

/** One street's or park's round: where it stands, its nominations, and the steps the API offers. */
function UnitRound({ year, unitId }: { year: number; unitId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const time = useDistrictTime();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const round = useRound(year, unitId);
  const [failure, setFailure] = useState<string>();
  const [opening, setOpening] = useState(false);
  const open = async () => {
    setFailure(undefined);
    setOpening(true);
    try {
      unwrap(await api.POST('/party/rounds/{year}/open', { params: { path: { year } } }));
      await queryClient.invalidateQueries({ queryKey: ['party', 'round'] });
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setOpening(false);
    }
  };
  if (round.isPending) return null;
  if (!round.data)
    return (
      <Empty description={t('party.round.notOpened')}>
        {user.role === 'street_staff' && (
          <Button type="primary" loading={opening} onClick={() => void open()}>
            {t('party.round.open')}
          </Button>
        )}
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
      </Empty>
    );
  const r = round.data;
  return (
    <article aria-label={unitName(units.data, unitId)}>
      <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('party.round.unit')}>{unitName(units.data, unitId)}</Descriptions.Item>
        <Descriptions.Item label={t('party.round.phase')}>
          <PhaseTag phase={r.phase} />
        </Descriptions.Item>
        <Descriptions.Item label={t('party.round.registered')}>{r.registeredCount}</Descriptions.Item>
        <Descriptions.Item label={t('party.round.quota')}>{`${r.selectedMembers} / ${r.quota}`}</Descriptions.Item>
        <Descriptions.Item label={t('party.round.submitBy')}>{time.date(r.submitBy)}</Descriptions.Item>
        <Descriptions.Item label={t('party.round.submittedAt')}>{time.dateTime(r.submittedAt)}</Descriptions.Item>
        {r.returnReason && <Descriptions.Item label={t('party.round.returnReason')}>{r.returnReason}</Descriptions.Item>}
      </Descriptions>
      <RoundSteps round={r} />
    </article>
  );
}
