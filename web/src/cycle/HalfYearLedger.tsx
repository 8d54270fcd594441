import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Popconfirm, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useCurrentCycle } from './cycle.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useUser } from '../auth/session.tsx';
import { useDistrictTime } from '../time.ts';
import { Countdown } from '../cases/CasePage.tsx';
import { messageOf } from '../forms.ts';

/** A unit's half-year ledger: the regular cases it will submit, the deadline, and what it submitted. */
export default function HalfYearLedger() {
  const { t } = useI18n();
  const user = useUser();
  const time = useDistrictTime();
  const queryClient = useQueryClient();
  const { cycle, data: view, isPending } = useCurrentCycle();
  const [failure, setFailure] = useState<string>();
  const pending = useQuery({
    queryKey: ['cycle-pending', cycle],
    enabled: cycle !== '',
    queryFn: async () => unwrap(await api.GET('/cycles/{cycle}/pending', { params: { path: { cycle } } })).cases,
  });
  const mine = view?.submissions.find((s) => s.unitId === user.orgUnitId);

  const submit = async () => {
    setFailure(undefined);
    try {
      unwrap(await api.POST('/cycles/{cycle}/submission', { params: { path: { cycle } } }));
      await queryClient.invalidateQueries({ queryKey: ['cycle'] });
      await queryClient.invalidateQueries({ queryKey: ['cycle-pending'] });
    } catch (error) {
      setFailure(messageOf(error));
    }
  };

  return (
    <section aria-labelledby="half-year-title">
      <Typography.Title level={1} id="half-year-title" style={{ fontSize: 22 }}>
        {t('halfYear.title', { cycle: time.halfYear(cycle) })}
      </Typography.Title>
      {!isPending && !view && <Alert type="info" title={t('halfYear.notOpen')} style={{ marginBottom: 16 }} />}
      {view && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Descriptions
            column={{ xs: 1, md: 2 }}
            size="small"
            items={[
              { label: t('halfYear.deadline'), children: <Countdown dueAt={view.deadlineAt} /> },
              {
                label: t('halfYear.submitted'),
                children: mine
                  ? t('halfYear.submittedAt', { at: time.dateTime(mine.submittedAt), count: mine.caseCount }) +
                    (mine.late ? ` · ${t('halfYear.late')}` : '')
                  : t('halfYear.notYet'),
              },
            ]}
          />
        </Card>
      )}
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 16 }} />}
      <Space style={{ marginBottom: 12 }}>
        <Popconfirm
          title={t('halfYear.confirm', { count: pending.data?.length ?? 0 })}
          onConfirm={() => void submit()}
          okText={t('step.confirm')}
          cancelText={t('step.cancel')}
        >
          <Button type="primary" disabled={!view || Boolean(mine)}>
            {t('halfYear.submit')}
          </Button>
        </Popconfirm>
      </Space>
      {mine && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18 }}>
            {t('halfYear.submittedCases')}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            dataSource={mine.cases}
            pagination={false}
            style={{ marginBottom: 16 }}
            columns={[
              { title: t('case.number'), dataIndex: 'number', width: 80 },
              { title: t('case.title'), dataIndex: 'title', render: (title: string, row) => <Link to={`/cases/${row.id}`}>{title}</Link> },
            ]}
          />
        </>
      )}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('halfYear.pending')}
      </Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={pending.isPending}
        dataSource={pending.data ?? []}
        pagination={false}
        columns={[
          { title: t('case.number'), dataIndex: 'number', width: 80 },
          { title: t('case.title'), dataIndex: 'title', render: (title: string, row) => <Link to={`/cases/${row.id}`}>{title}</Link> },
          { title: t('case.category'), dataIndex: 'category' },
          { title: t('case.filedAt'), dataIndex: 'filedAt', render: (iso: string) => time.dateTime(iso) },
        ]}
      />
    </section>
  );
}
