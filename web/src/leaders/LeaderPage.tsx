import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Space, Spin, Typography } from 'antd';
import { useParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { ActivityList } from './ActivityList.tsx';
import { RecordActivity } from './RecordActivity.tsx';
import { Standing, StandingTag } from './Standing.tsx';
import { PAGE_SIZE, leadersKey } from './leaders-api.ts';

/** One leader: the year's standing item by item, the activities recorded, and a form to record one more. */
export default function LeaderPage() {
  const { t } = useI18n();
  const label = useLabel();
  const { id = '' } = useParams();
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const leader = useQuery({
    queryKey: [...leadersKey, 'one', id],
    queryFn: async () => unwrap(await api.GET('/leaders/{id}', { params: { path: { id } } })),
  });
  const activities = useQuery({
    queryKey: [...leadersKey, 'activities', id, offset],
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/leader-activities', { params: { query: { leader: id, limit: PAGE_SIZE, offset } } })),
  });
  if (leader.isPending) return <Spin />;
  if (leader.isError) return <Alert type="error" role="alert" title={leader.error.message} />;
  const l = leader.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: leadersKey });
  return (
    <article aria-labelledby="leader-title">
      <Typography.Title level={1} id="leader-title" style={{ fontSize: 22 }}>
        {l.name} <StandingTag leader={l} />
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('leaders.post')}>{l.post}</Descriptions.Item>
        <Descriptions.Item label={t('leaders.rank')}>{label('leaderRank', l.rank)}</Descriptions.Item>
        <Descriptions.Item label={t('leaders.unit')}>{l.unit.name}</Descriptions.Item>
        <Descriptions.Item label={t('leaders.reportsTo')}>{l.reportsTo.name}</Descriptions.Item>
      </Descriptions>
      <Card size="small" title={`${t('leaders.standing')} ${l.year}`}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {l.record.frozen && <Alert type="info" title={t('leaders.frozen')} />}
          {!l.record.frozen && (
            <Typography.Text type="secondary">
              {l.remindersAhead.length > 0 ? t('leaders.remindersAhead', { dates: l.remindersAhead.join('、') }) : t('leaders.noReminders')}
            </Typography.Text>
          )}
          <Standing leader={l} />
        </Space>
      </Card>
      {l.active && <RecordActivity leader={l} onRecorded={refresh} />}
      <Card size="small" title={t('leaders.activities')} style={{ marginTop: 16 }}>
        <ActivityList page={activities.data} loading={activities.isPending} onPage={setOffset} onChanged={refresh} />
      </Card>
    </article>
  );
}
