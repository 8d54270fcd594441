import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Progress, Space, Statistic, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { api, unwrap, type paths } from '../api/client.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';

type BulkJob = paths['/bulk-steps/{id}']['get']['responses'][200]['content']['application/json'];
type BulkItem = BulkJob['items'][number];

/** Polled while cases are pending, then left: a finished job does not change. */
const POLL_MS = 1000;

/** A bulk step's progress, then each refused case with the reason, in the screen's language. */
export default function BulkResult() {
  const { id = '' } = useParams();
  const { t, language } = useI18n();
  const label = useLabel();
  const job = useQuery({
    queryKey: ['bulk-step', id],
    queryFn: async () => unwrap(await api.GET('/bulk-steps/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.finished ? false : POLL_MS),
  });
  if (job.error) return <Alert type="error" role="alert" title={job.error.message} />;
  if (!job.data) return null;
  const { counts, finished } = job.data;
  const refused = job.data.items.filter((item) => item.outcome === 'refused');
  const settled = counts.done + counts.refused;

  return (
    <section aria-labelledby="bulk-title">
      <Typography.Title level={1} id="bulk-title" style={{ fontSize: 22 }}>
        {t('bulk.resultTitle', { step: label('step', job.data.step) })}
      </Typography.Title>
      <Card title={t('bulk.progress')} style={{ marginBottom: 16 }}>
        <Progress
          percent={counts.total ? Math.round((settled / counts.total) * 100) : 100}
          status={finished ? 'success' : 'active'}
          aria-label={t('bulk.progress')}
        />
        <Space size="large" wrap style={{ marginTop: 12 }}>
          <Statistic title={t('bulk.total')} value={counts.total} />
          <Statistic title={t('bulk.done')} value={counts.done} />
          <Statistic title={t('bulk.refused')} value={counts.refused} />
          <Statistic title={t('bulk.pending')} value={counts.pending} />
        </Space>
        <Typography.Paragraph role="status" style={{ marginTop: 12, marginBottom: 0 }}>
          {finished ? t('bulk.finished') : t('bulk.running')}
        </Typography.Paragraph>
      </Card>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('bulk.refusedTitle')}
      </Typography.Title>
      <Table<BulkItem>
        rowKey="caseId"
        size="middle"
        pagination={false}
        dataSource={refused}
        locale={{ emptyText: finished ? t('bulk.noneRefused') : t('bulk.running') }}
        columns={[
          {
            title: t('bulk.case'),
            key: 'case',
            render: (_, item) =>
              item.case ? <Link to={`/cases/${item.caseId}`}>{`#${item.case.number} ${item.case.title}`}</Link> : t('bulk.notVisible'),
          },
          { title: t('bulk.reason'), key: 'reason', render: (_, item) => item.reason?.[language] ?? '' },
        ]}
      />
      <Space style={{ marginTop: 16 }}>
        <Link to="/cases">
          <Button>{t('bulk.backToList')}</Button>
        </Link>
      </Space>
    </section>
  );
}
