import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ActivityList } from './ActivityList.tsx';
import { PAGE_SIZE } from './leaders-api.ts';

const INBOX_KEY = ['leader-activities', 'inbox'];

/** A street’s or park’s inbox: leaders’ activities held there that await its confirmation, newest first. */
export default function ActivityInbox() {
  const { t } = useI18n();
  const place = useUser().orgUnitId;
  const queryClient = useQueryClient();
  const [offset, setOffset] = useState(0);
  const inbox = useQuery({
    queryKey: [...INBOX_KEY, offset],
    placeholderData: keepPreviousData,
    queryFn: async () =>
      unwrap(await api.GET('/leader-activities', { params: { query: { review: 'pending', place, limit: PAGE_SIZE, offset } } })),
  });
  return (
    <section aria-labelledby="inbox-title">
      <Typography.Title level={1} id="inbox-title" style={{ fontSize: 22 }}>
        {t('leaders.nav.inbox')}
      </Typography.Title>
      {inbox.data && inbox.data.total === 0 ? (
        <Typography.Paragraph>{t('leaders.inbox.empty')}</Typography.Paragraph>
      ) : (
        <ActivityList
          page={inbox.data}
          loading={inbox.isPending}
          onPage={setOffset}
          onChanged={() => queryClient.invalidateQueries({ queryKey: INBOX_KEY })}
        />
      )}
    </section>
  );
}
