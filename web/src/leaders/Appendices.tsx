import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, InputNumber, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { downloadWithAuth } from '../download.ts';
import { TONE } from '../cases/StatusTag.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useCurrentCycle } from '../cycle/cycle.ts';
import { useDistrictTime } from '../time.ts';
import { useDistrictYear } from './leaders-api.ts';
import { messageOf } from '../forms.ts';

type Which = 1 | 2;

/** Appendix 1 and 2 of a year, as the files will read (previewed, downloaded), and this half-year's submission of them. */
export default function Appendices() {
  const { t, language } = useI18n();
  const districtYear = useDistrictYear();
  const [chosen, setChosen] = useState<number>();
  const year = chosen ?? districtYear;
  const [failure, setFailure] = useState<string>();
  const download = async (which: Which, format: 'csv' | 'xlsx') => {
    setFailure(undefined);
    const ok = await downloadWithAuth(
      `/appendices/${which}?year=${year}&format=${format}&lang=${language}`,
      `appendix${which}-${year}.${format}`,
    );
    if (!ok) setFailure(t('leaders.appendix.failed'));
  };
  return (
    <section aria-labelledby="appendices-title">
      <Typography.Title level={1} id="appendices-title" style={{ fontSize: 22 }}>
        {t('leaders.nav.appendices')}
      </Typography.Title>
      <Submission />
      <Space wrap style={{ margin: '16px 0 8px' }}>
        <label htmlFor="appendix-year">{t('leaders.year')}</label>
        <InputNumber id="appendix-year" min={2000} max={2999} value={year} onChange={(v) => v && setChosen(v)} />
      </Space>
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
      {year !== undefined && (
        <Tabs
          items={([1, 2] as const).map((which) => ({
            key: String(which),
            label: t(which === 1 ? 'leaders.appendix.one' : 'leaders.appendix.two'),
            children: (
              <>
                <Space wrap style={{ marginBottom: 8 }}>
                  <Button onClick={() => void download(which, 'xlsx')}>{t('leaders.appendix.downloadXlsx')}</Button>
                  <Button onClick={() => void download(which, 'csv')}>{t('leaders.appendix.downloadCsv')}</Button>
                </Space>
                <Preview which={which} year={year} />
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}

/** The appendix's header and rows, the cells the files hold, in the screen's language. */
function Preview({ which, year }: { which: Which; year: number }) {
  const { language } = useI18n();
  const table = useQuery({
    queryKey: ['appendix', which, year, language],
    queryFn: async () =>
      unwrap(
        await api.GET(which === 1 ? '/appendices/1' : '/appendices/2', { params: { query: { year, format: 'table', lang: language } } }),
      ),
  });
  const data = table.data as { header: string[]; rows: Array<Array<string | number>> } | undefined;
  return (
    <Table
      size="small"
      scroll={{ x: true }}
      loading={table.isPending}
      pagination={false}
      rowKey={(_, i) => String(i)}
      dataSource={data?.rows ?? []}
      columns={(data?.header ?? []).map((title, i) => ({
        title,
        key: String(i),
        render: (_: unknown, row: Array<string | number>) => row[i],
      }))}
    />
  );
}

/** This half-year's Appendix 1 and 2: owed, overdue or submitted (late or not), and the submit step when the API offers it. */
function Submission() {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  // The half-year's cycle: null until the district opens it (the submissions list is empty then too).
  const { cycle, data: opened } = useCurrentCycle();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = ['appendix-submissions', cycle];
  const submissions = useQuery({
    queryKey: key,
    enabled: cycle !== '',
    queryFn: async () => unwrap(await api.GET('/cycles/{cycle}/appendices', { params: { path: { cycle } } })),
  });
  const submit = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      unwrap(await api.POST('/cycles/{cycle}/appendices', { params: { path: { cycle } } }));
      await queryClient.invalidateQueries({ queryKey: key });
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setBusy(false);
    }
  };
  const done = submissions.data?.items[0];
  const owing = submissions.data?.owing[0];
  const mine = done ?? owing;
  return (
    <Card
      size="small"
      title={t('leaders.appendix.submission', { cycle: time.halfYear(cycle) })}
      loading={submissions.isPending && cycle !== ''}
    >
      {opened === null && <Typography.Text>{t('leaders.appendix.notOpen')}</Typography.Text>}
      {opened && submissions.data && !mine && <Typography.Text>{t('leaders.appendix.nothingOwed')}</Typography.Text>}
      {mine && (
        <Space wrap>
          <Tag color={done ? (done.late ? TONE.warn : TONE.good) : mine.state === 'overdue' ? TONE.bad : TONE.info}>
            {label('appendixState', mine.state)}
          </Tag>
          {done && <span>{t('leaders.appendix.submittedAt', { at: time.dateTime(done.submittedAt) })}</span>}
          {mine.allowedActions.map((action) => (
            <Button key={action} type="primary" loading={busy} onClick={() => void submit()}>
              {label('appendixAction', action)}
            </Button>
          ))}
        </Space>
      )}
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
    </Card>
  );
}
