import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { queueOf } from './queues.ts';

/**
 * After a step, the next case of the caller's work queue (the server's order: overdue first, then the
 * nearest deadline), so an officer goes on without returning to the inbox. Nothing for a role without a queue.
 */
export function NextCase({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const queue = queueOf(user.role);
  const next = useQuery({
    queryKey: ['cases', 'next', queue?.status, caseId],
    enabled: queue !== undefined,
    queryFn: async () => {
      const page = unwrap(await api.GET('/cases', { params: { query: { status: queue?.status, sort: 'due', limit: 2 } } }));
      return page.items.find((c) => c.id !== caseId) ?? null;
    },
  });
  if (!queue || next.data === undefined) return null;
  if (next.data === null) return <Typography.Text>{t('step.queueEmpty', { queue: t(queue.title) })}</Typography.Text>;
  const { id, number, title } = next.data;
  return (
    <Space wrap>
      <Button type="primary" onClick={() => void navigate(`/cases/${id}`)}>
        {t('step.nextCase')}
      </Button>
      <Typography.Text>
        #{number} {title}
      </Typography.Text>
    </Space>
  );
}
