import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Form, Input, List, Row, Statistic, Tag, Typography } from 'antd';
import { useAction } from '../forms.ts';
import { api, unwrap } from '../api/client.ts';
import { useCurrentCycle, type CycleSummary } from './cycle.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { unitName, useOrgUnits } from '../directory/org-units.ts';
import { useDistrictTime } from '../time.ts';
import { Countdown } from '../cases/CasePage.tsx';
import { TONE } from '../cases/StatusTag.tsx';

/** The district's half-year: who submitted on time, who is late, the frozen summary, the approval. */
export default function CycleBoard() {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const { cycle, data: view, isPending } = useCurrentCycle();
  const summary = view?.summary as CycleSummary | null | undefined;

  const approve = useAction(async (values: { note?: string }) => {
    unwrap(await api.POST('/cycles/{cycle}/summary/approve', { params: { path: { cycle } }, body: { note: values.note || undefined } }));
    await queryClient.invalidateQueries({ queryKey: ['cycle'] });
  });

  return (
    <section aria-labelledby="cycle-title">
      <Typography.Title level={1} id="cycle-title" style={{ fontSize: 22 }}>
        {t('cycle.title', { cycle: time.halfYear(cycle) })}
      </Typography.Title>
      {!isPending && !view && <Alert type="info" title={t('halfYear.notOpen')} />}
      {view && (
        <>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { label: t('cycle.phase'), children: <Tag color={TONE.info}>{label('phase', view.phase)}</Tag> },
              { label: t('halfYear.deadline'), children: <Countdown dueAt={view.deadlineAt} /> },
              { label: t('cycle.forwarded'), children: view.forwardedCaseIds.length },
            ]}
          />
          <Row gutter={[16, 16]} style={{ marginTop: 8 }}>
            <Col xs={24} md={8}>
              <Card size="small" title={t('cycle.waitingUnits')}>
                <List
                  size="small"
                  dataSource={view.notSubmittedUnitIds}
                  locale={{ emptyText: t('cycle.allSubmitted') }}
                  renderItem={(id) => <List.Item>{unitName(units.data, id)}</List.Item>}
                />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t('cycle.submissions')}>
                <List
                  size="small"
                  dataSource={view.submissions}
                  locale={{ emptyText: t('cycle.noSubmissions') }}
                  renderItem={(s) => (
                    <List.Item>
                      {unitName(units.data, s.unitId)} · {time.dateTime(s.submittedAt)} · {t('cycle.cases', { count: s.caseCount })}{' '}
                      {s.late ? <Tag color={TONE.bad}>{t('halfYear.late')}</Tag> : <Tag color={TONE.good}>{t('cycle.onTime')}</Tag>}
                    </List.Item>
                  )}
                />
              </Card>
            </Col>
            <Col xs={24} md={8}>
              <Card size="small" title={t('cycle.lateUnits')}>
                <List
                  size="small"
                  dataSource={view.lateUnitIds}
                  locale={{ emptyText: t('cycle.noneLate') }}
                  renderItem={(id) => <List.Item>{unitName(units.data, id)}</List.Item>}
                />
              </Card>
            </Col>
          </Row>
          <Card size="small" title={t('cycle.summary')} style={{ marginTop: 16 }}>
            {summary ? (
              <>
                <Row gutter={16}>
                  <Col span={8}>
                    <Statistic title={t('cycle.onTimeUnits')} value={summary.submittedOnTime.length} />
                  </Col>
                  <Col span={8}>
                    <Statistic title={t('cycle.notSubmitted')} value={summary.notSubmitted.length} />
                  </Col>
                  <Col span={8}>
                    <Statistic title={t('cycle.batch')} value={summary.batchForCity.length} />
                  </Col>
                </Row>
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  {t('cycle.computedAt', { at: time.dateTime(summary.computedAt) })}
                  {summary.batchForCity.length > 0 && ` · ${summary.batchForCity.map((n) => `#${n}`).join(' ')}`}
                </Typography.Paragraph>
                {view.reviewNote && <Typography.Paragraph>{t('cycle.reviewNote', { note: view.reviewNote })}</Typography.Paragraph>}
              </>
            ) : (
              <Typography.Text type="secondary">{t('cycle.summaryLater')}</Typography.Text>
            )}
            {view.phase === 'awaiting_review' && (
              <Form layout="vertical" onFinish={(v: { note?: string }) => void approve.run(v)} style={{ marginTop: 12 }}>
                <Form.Item label={t('cycle.note')} name="note">
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Button type="primary" htmlType="submit">
                  {t('cycle.approve')}
                </Button>
              </Form>
            )}
          </Card>
          {approve.failure && <Alert type="error" role="alert" title={approve.failure} style={{ marginTop: 16 }} />}
        </>
      )}
    </section>
  );
}
