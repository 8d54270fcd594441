import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, List, Result, Row, Space, Spin, Timeline, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiFailure, api, unwrap, type CaseStep, type CaseView } from '../api/client.ts';
import { downloadWithAuth } from '../download.ts';
import { CaseFlags, StatusTag } from './StatusTag.tsx';
import { StepButtons } from './StepForms.tsx';
import { CaseLinkText, MergeLinks } from './MergeLinks.tsx';
import { NextCase } from './NextCase.tsx';
import { ServiceFunds } from '../party/ServiceFunds.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useDistrictTime, timeLeft } from '../time.ts';
import { REFRESH_MS } from './refresh.ts';

/** One case: where it stands, its history, its files, and what the caller may do now. */
export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const view = useQuery({
    queryKey: ['case', id],
    queryFn: async () => unwrap(await api.GET('/cases/{id}', { params: { path: { id } } })),
    refetchInterval: REFRESH_MS,
  });
  if (view.error instanceof ApiFailure && (view.error.status === 404 || view.error.status === 400)) {
    return (
      <Result
        status="404"
        title={t('case.notFound')}
        subTitle={t('case.notFoundHint')}
        extra={
          <Link to="/">
            <Button>{t('case.backToList')}</Button>
          </Link>
        }
      />
    );
  }
  if (view.error) return <Alert type="error" role="alert" title={view.error.message} />;
  if (!view.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  // Keyed by case: another case (the next one of the queue) starts without the last one's confirmation.
  return <CaseDetails key={view.data.id} view={view.data} />;
}

function CaseDetails({ view }: { view: CaseView }) {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  // The step just taken here, confirmed until the next one.
  const [done, setDone] = useState<CaseStep>();
  const d = view.details as Record<string, unknown>;
  const resolution = d.resolution as { text?: string; referTo?: string; level?: string } | undefined;
  const feedback = d.feedback as { satisfied?: boolean; reason?: string } | undefined;
  const decisions: Array<[string, unknown]> = [
    [t('case.questions'), d.questions],
    [t('case.districtSummary'), d.districtSummary],
    [t('case.coordinatingBody'), d.coordinatingBody],
    [t('case.resolution'), resolution?.text],
    [t('case.referTo'), resolution?.referTo],
    [t('case.rejectionReason'), d.rejectionReason],
    [
      t('case.feedback'),
      feedback ? `${feedback.satisfied ? t('step.satisfiedYes') : t('step.satisfiedNo')} ${feedback.reason ?? ''}` : undefined,
    ],
  ];

  return (
    <article aria-labelledby="case-title">
      <Space wrap align="center">
        <Typography.Title level={1} id="case-title" style={{ fontSize: 22, margin: 0 }}>
          #{view.number} {view.title}
        </Typography.Title>
        <StatusTag status={view.status} />
        <CaseFlags urgent={view.urgent} overdue={view.overdue} />
      </Space>
      <Space wrap style={{ margin: '12px 0' }} align="center">
        <Countdown dueAt={view.dueAt} level={label('level', view.responsibleLevel)} />
        <Typography.Text>
          {t('case.owner')}: {view.owner?.name ?? t('case.noOwner')}
        </Typography.Text>
      </Space>
      <MergeLinks view={view} />
      {done && (
        <Alert
          type="success"
          role="status"
          showIcon
          title={t('step.done', { step: label('step', done) })}
          description={<NextCase caseId={view.id} />}
          style={{ marginBottom: 12 }}
        />
      )}
      <div style={{ marginBottom: 16 }}>
        <StepButtons view={view} onDone={setDone} />
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title={t('case.filing')} size="small">
            <Descriptions
              column={1}
              size="small"
              items={[
                { label: t('case.kind'), children: label('kind', view.kind) },
                { label: t('case.filingUnit'), children: view.filingUnit.name },
                { label: t('case.category'), children: view.category },
                { label: t('case.location'), children: view.location },
                ...(view.coordinates
                  ? [
                      {
                        label: t('file.position'),
                        children: t('case.coordinates', { latitude: view.coordinates.latitude, longitude: view.coordinates.longitude }),
                      },
                    ]
                  : []),
                { label: t('case.foundOn'), children: time.calendarDate(view.foundOn) },
                { label: t('case.description'), children: view.description },
                { label: t('case.triedLocally'), children: view.triedLocally },
                { label: t('case.helpNeeded'), children: view.helpNeeded },
                {
                  label: t('case.reporter'),
                  children: [view.reporter.name, view.reporter.contact, view.reporter.email].filter(Boolean).join(' · '),
                },
                { label: t('case.filedAt'), children: time.dateTime(view.filedAt) },
                ...decisions.filter(([, v]) => typeof v === 'string' && v).map(([k, v]) => ({ label: k, children: String(v) })),
              ]}
            />
          </Card>
          <Card title={t('case.attachments')} size="small" style={{ marginTop: 16 }}>
            <List
              size="small"
              dataSource={view.attachments}
              locale={{ emptyText: t('case.noAttachments') }}
              renderItem={(a) => (
                <List.Item>
                  <Button type="link" onClick={() => void downloadWithAuth(`/cases/${view.id}/attachments/${a.id}`, a.fileName)}>
                    {a.fileName}
                  </Button>
                  <Typography.Text type="secondary">
                    {Math.ceil(a.sizeBytes / 1024)} kB · {time.dateTime(a.createdAt)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
          {view.kind === 'unclaimed_project' && <ServiceFunds caseId={view.id} />}
        </Col>
        <Col xs={24} lg={9}>
          <Card title={t('case.history')} size="small">
            <Timeline
              items={view.history.map((e) => ({
                key: e.sequence,
                content: (
                  <div>
                    <Typography.Text strong>{label('event', e.type)}</Typography.Text>{' '}
                    <Typography.Text type="secondary">{time.dateTime(e.occurredAt)}</Typography.Text>
                    <div>
                      {e.actorRole ? `${label('role', e.actorRole)} · ` : ''}
                      {label('status', e.toStatus)}
                    </div>
                    {e.owner && (
                      <div>
                        {t('case.owner')}: {e.owner.name}
                      </div>
                    )}
                    {e.linkedCase && (
                      <div>
                        <CaseLinkText link={e.linkedCase} />
                      </div>
                    )}
                    {e.comment && <div style={{ whiteSpace: 'pre-wrap' }}>{e.comment}</div>}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
    </article>
  );
}

/** Time left at the level that must act; the deadline itself is the API's (working days). */
export function Countdown({ dueAt, level }: { dueAt: string | null; level?: string }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!dueAt) return <Typography.Text type="secondary">{t('case.noDeadline')}</Typography.Text>;
  const left = timeLeft(dueAt, now);
  return (
    <Typography.Text type={left.past ? 'danger' : undefined} strong role="timer">
      {t(left.past ? 'case.overdueBy' : 'case.dueIn', { days: left.days, hours: left.hours })} ({time.deadline(dueAt, now)}
      {level ? ` · ${level}` : ''})
    </Typography.Text>
  );
}
