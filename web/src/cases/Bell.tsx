import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Bell as BellData } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { REFRESH_MS } from './refresh.ts';

type BellItem = BellData['items'][number];

/**
 * The bell in the header: what the API says needs the user now (a case assigned to them, their unit's
 * case returned, their case due within a day or overdue), with the unread count, refreshed like the
 * lists; opening an item marks it read, and everything shown can be marked read at once.
 */
export function Bell() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const bell = useQuery({ queryKey: ['bell'], queryFn: async () => unwrap(await api.GET('/bell')), refetchInterval: REFRESH_MS });
  const markRead = async (keys?: string[]) => {
    const after = unwrap(await api.POST('/bell/read', { body: keys ? { keys } : {} }));
    // A refresh sent before the marking would otherwise land after it and show the items unread again.
    await queryClient.cancelQueries({ queryKey: ['bell'] });
    queryClient.setQueryData(['bell'], after);
  };
  const unread = bell.data?.unread ?? 0;
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      placement="bottomRight"
      title={
        <span style={{ display: 'flex', justifyContent: 'space-between', gap: 16 }}>
          {t('bell.title')}
          {unread > 0 && (
            <Button size="small" type="link" onClick={() => void markRead()}>
              {t('bell.markAllRead')}
            </Button>
          )}
        </span>
      }
      content={
        <div style={{ width: 360, maxWidth: '80vw', maxHeight: 420, overflowY: 'auto' }} role="region" aria-label={t('bell.title')}>
          {bell.data?.items.length ? (
            <List
              size="small"
              dataSource={bell.data.items}
              renderItem={(item) => (
                <BellEntry
                  item={item}
                  onOpen={() => {
                    setOpen(false);
                    if (!item.read) void markRead([item.key]);
                  }}
                />
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('bell.empty')} />
          )}
        </div>
      }
    >
      {/* No count is announced before the bell has answered: "0 unread" would be a guess. */}
      <Button size="small" aria-label={bell.data ? t('bell.button', { count: unread }) : t('bell.title')}>
        {t('bell.title')} <Badge count={unread} size="small" overflowCount={99} />
      </Button>
    </Popover>
  );
}

function BellEntry({ item, onOpen }: { item: BellItem; onOpen(): void }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  return (
    <List.Item>
      <div>
        <Link to={`/cases/${item.case.id}`} onClick={onOpen} style={{ fontWeight: item.read ? 'normal' : 'bold' }}>
          #{item.case.number} {item.case.title}
        </Link>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t(`bell.${item.kind}`, { name: item.by?.name ?? '', at: time.dateTime(item.at) })}
        </Typography.Paragraph>
      </div>
    </List.Item>
  );
}
