import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, List, Progress, Radio, Space, Tag, Typography } from 'antd';
import { api, unwrap, type paths } from '../api/client.ts';
import { downloadWithAuth } from '../download.ts';
import { showApiErrors, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { HalfYearSelect } from '../components/HalfYearSelect.tsx';

/** Header languages, each named in itself (as language switches are), on the form and in the job list. */
const LANGUAGE_NAMES = { zh: '中文', en: 'English' } as const;
const languageName = (lang: string) => (lang === 'zh' || lang === 'en' ? LANGUAGE_NAMES[lang] : lang);

type ExportRequest = NonNullable<paths['/exports/jobs']['post']['requestBody']>['content']['application/json'];

const JOBS_KEY = ['export-jobs'];
/** The half-years an export offers: the current one and the three before it (without one, all time). */
const EXPORT_HALVES = 4;

/** Annex 3 straight away, or as a job with a live progress bar for large ledgers. */
export default function Exports() {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  const [form] = Form.useForm<ExportRequest>();
  const [failure, setFailure] = useState<string>();
  const queryClient = useQueryClient();
  // The caller's latest jobs (also those started in another tab or session), polled while any still runs:
  // the server stamps finishedAt when its lifecycle reaches an end, so the page needs no list of end states.
  const jobs = useQuery({
    queryKey: JOBS_KEY,
    queryFn: async () => unwrap(await api.GET('/exports/jobs', { params: { query: { limit: 20 } } })),
    refetchInterval: (q) => (q.state.data?.items.some((job) => job.finishedAt === null) ? 1_000 : false),
  });

  const request = (): ExportRequest => withoutEmpty(form.getFieldsValue());
  const downloadNow = async () => {
    setFailure(undefined);
    const query = new URLSearchParams(Object.entries(request()).map(([k, v]) => [k, String(v)]));
    if (!(await downloadWithAuth(`/exports/annex3?${query}`, 'annex3'))) setFailure(t('exports.failed'));
  };
  const startJob = async () => {
    setFailure(undefined);
    try {
      unwrap(await api.POST('/exports/jobs', { body: request() }));
      await queryClient.invalidateQueries({ queryKey: JOBS_KEY });
    } catch (error) {
      setFailure(showApiErrors(form, error));
    }
  };

  return (
    <section aria-labelledby="exports-title">
      <Typography.Title level={1} id="exports-title" style={{ fontSize: 22 }}>
        {t('nav.exports')}
      </Typography.Title>
      <Card size="small" style={{ maxWidth: 720 }}>
        <Form<ExportRequest> form={form} layout="vertical" initialValues={{ format: 'xlsx', lang: 'zh' }}>
          <Space wrap size="large">
            <Form.Item label={t('exports.format')} name="format">
              <Radio.Group
                options={[
                  { value: 'xlsx', label: 'XLSX' },
                  { value: 'csv', label: 'CSV' },
                ]}
              />
            </Form.Item>
            <Form.Item label={t('exports.lang')} name="lang">
              <Radio.Group options={Object.entries(LANGUAGE_NAMES).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            <Form.Item label={t('stats.cycle')} name="cycle">
              <HalfYearSelect count={EXPORT_HALVES} allowClear placeholder={t('stats.allTime')} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Button type="primary" onClick={() => void downloadNow()}>
              {t('exports.download')}
            </Button>
            <Button onClick={() => void startJob()}>{t('exports.startJob')}</Button>
          </Space>
        </Form>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
      </Card>
      <List
        style={{ marginTop: 16, maxWidth: 720 }}
        header={<Typography.Text strong>{t('exports.jobs')}</Typography.Text>}
        loading={jobs.isPending}
        dataSource={jobs.data?.items ?? []}
        locale={{ emptyText: t('exports.noJobs') }}
        renderItem={(job) => (
          <List.Item
            actions={
              job.download && job.allowedActions.includes('download')
                ? [
                    <Button key="get" onClick={() => void downloadWithAuth(job.download ?? '', `annex3.${job.format}`)}>
                      {t('exports.downloadFile')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space direction="vertical" style={{ width: '100%' }}>
              <span>
                {time.dateTime(job.createdAt)} · {job.format.toUpperCase()} · {languageName(job.lang)} ·{' '}
                <Tag>{label('exportStatus', job.status)}</Tag>
                {job.error}
              </span>
              <Progress
                percent={job.percent}
                status={job.finishedAt === null ? 'active' : job.error ? 'exception' : 'success'}
                aria-label={t('exports.progress')}
                format={(p) => `${p}% (${job.rowsWritten}/${job.totalRows ?? '?'})`}
              />
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}
