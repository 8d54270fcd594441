import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { downloadWithAuth } from '../download.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { PAGE_SIZE, PARTY_REFRESH_MS } from './party-api.ts';
import { messageOf } from '../forms.ts';

/**
 * The year-end feedback of members' service records to their home units: the years opened (an
 * administrator opens one), and for a year what went to which home unit, when, and whether late, with
 * the document itself to read, print or download. A home unit's clerk sees its own deliveries only.
 */
export default function Feedback() {
  const { t } = useI18n();
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('year');
  const year = chosen ? Number(chosen) : undefined;
  return (
    <section aria-labelledby="feedback-title">
      <Typography.Title level={1} id="feedback-title" style={{ fontSize: 22 }}>
        {t('party.feedback.title')}
      </Typography.Title>
      {user.role === 'admin' && <OpenYear />}
      <FeedbackYears onChoose={(y) => setParams({ year: String(y) }, { replace: true })} />
      {year !== undefined && <Deliveries key={year} year={year} />}
    </section>
  );
}

/** An administrator opens a year's feedback now (the yearly Schedule does it on its own in December). */
function OpenYear() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'info' | 'error'; text: string }>();
  const open = async () => {
    if (!year) return;
    setBusy(true);
    setOutcome(undefined);
    try {
      const opened = unwrap(await api.POST('/party/feedback/{year}/open', { params: { path: { year } } }));
      setOutcome(
        opened.alreadyOpened
          ? { type: 'info', text: t('party.feedback.alreadyOpened', { year }) }
          : { type: 'success', text: t('party.feedback.opened', { year }) },
      );
      await queryClient.invalidateQueries({ queryKey: ['party', 'feedback'] });
    } catch (error) {
      setOutcome({ type: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <Space wrap>
        <InputNumber
          aria-label={t('party.feedback.year')}
          placeholder={t('party.feedback.year')}
          min={2000}
          max={2200}
          value={year}
          onChange={setYear}
        />
        <Button type="primary" loading={busy} disabled={!year} onClick={() => void open()}>
          {t('party.feedback.open')}
        </Button>
      </Space>
      {outcome && (
        <Alert type={outcome.type} role={outcome.type === 'error' ? 'alert' : 'status'} title={outcome.text} style={{ marginTop: 8 }} />
      )}
    </div>
  );
}

/** The years whose feedback has been opened, newest first, a page at a time. */
function FeedbackYears({ onChoose }: { onChoose(year: number): void }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  const [offset, setOffset] = useState(0);
  const years = useQuery({
    queryKey: ['party', 'feedback', 'years', offset],
    queryFn: async () => unwrap(await api.GET('/party/feedback', { params: { query: { limit: PAGE_SIZE, offset } } })),
    refetchInterval: PARTY_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  return (
    <Table
      rowKey="year"
      size="small"
      scroll={{ x: 'max-content' }}
      style={{ marginBottom: 16 }}
      loading={years.isPending}
      dataSource={years.data?.items ?? []}
      locale={{ emptyText: t('party.feedback.none') }}
      pagination={{
        current: offset / PAGE_SIZE + 1,
        pageSize: PAGE_SIZE,
        total: years.data?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) => t('party.total', { total }),
        onChange: (page) => setOffset((page - 1) * PAGE_SIZE),
      }}
      columns={[
        {
          title: t('party.feedback.year'),
          render: (_, y) => (
            <Button type="link" style={{ padding: 0 }} onClick={() => onChoose(y.year)}>
              {t('party.feedback.yearOf', { year: y.year })}
            </Button>
          ),
        },
        {
          title: t('party.feedback.phase'),
          render: (_, y) => (
            <Tag color={y.delivered ? TONE.good : TONE.info}>
              {t(y.delivered ? 'party.feedback.delivered' : 'party.feedback.collecting')}
            </Tag>
          ),
        },
        { title: t('party.feedback.deliverAt'), render: (_, y) => time.date(y.deliverAt) },
        { title: t('party.feedback.deadlineAt'), render: (_, y) => time.date(y.deadlineAt) },
        { title: t('party.feedback.deliveryCount'), dataIndex: 'deliveryCount' },
      ]}
    />
  );
}

/** A year's deliveries the caller may see, a page at a time, each with its document. */
function Deliveries({ year }: { year: number }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  const [offset, setOffset] = useState(0);
  const [failure, setFailure] = useState<string>();
  const deliveries = useQuery({
    queryKey: ['party', 'feedback', 'deliveries', year, offset],
    queryFn: async () =>
      unwrap(await api.GET('/party/feedback/{year}/deliveries', { params: { path: { year }, query: { limit: PAGE_SIZE, offset } } })),
    refetchInterval: PARTY_REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const download = async (unitId: string) => {
    setFailure(undefined);
    const ok = await downloadWithAuth(`/party/feedback/${year}/units/${unitId}?format=xlsx`, `member-feedback-${year}.xlsx`);
    if (!ok) setFailure(t('party.commendations.failed'));
  };
  return (
    <>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('party.feedback.deliveriesOf', { year })}
      </Typography.Title>
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
      <Table
        rowKey={(d) => d.homeUnit.id}
        size="small"
        scroll={{ x: 'max-content' }}
        loading={deliveries.isPending}
        dataSource={deliveries.data?.items ?? []}
        locale={{ emptyText: t('party.feedback.noDeliveries') }}
        pagination={{
          current: offset / PAGE_SIZE + 1,
          pageSize: PAGE_SIZE,
          total: deliveries.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('party.total', { total }),
          onChange: (page) => setOffset((page - 1) * PAGE_SIZE),
        }}
        columns={[
          { title: t('party.member.homeUnit'), render: (_, d) => d.homeUnit.name },
          { title: t('party.feedback.members'), dataIndex: 'memberCount' },
          { title: t('party.feedback.records'), dataIndex: 'recordCount' },
          { title: t('party.feedback.recipients'), render: (_, d) => d.recipients.join('、') || '—' },
          {
            title: t('party.feedback.deliveredAt'),
            render: (_, d) => (
              <>
                {time.dateTime(d.deliveredAt)} {d.late && <Tag color={TONE.bad}>{t('party.feedback.late')}</Tag>}
              </>
            ),
          },
          {
            title: t('party.feedback.document'),
            render: (_, d) => (
              <Space>
                <Link to={`/party/feedback/${year}/${d.homeUnit.id}`}>{t('party.feedback.print')}</Link>
                <Button size="small" onClick={() => void download(d.homeUnit.id)}>
                  {t('party.commendations.xlsx')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
