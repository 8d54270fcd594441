import { useQuery } from '@tanstack/react-query';
import { Alert, Collapse, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { REFRESH_MS } from '../cases/refresh.ts';

/** What the embedded development SMTP server received (npm start without SMTP_URL). */
export default function Mailbox() {
  const { t } = useI18n();
  const time = useDistrictTime();
  const mail = useQuery({
    queryKey: ['mail'],
    queryFn: async () => unwrap(await api.GET('/admin/mail', { params: { query: { limit: 100 } } })),
    refetchInterval: REFRESH_MS,
  });
  return (
    <section aria-labelledby="mail-title">
      <Typography.Title level={1} id="mail-title" style={{ fontSize: 22 }}>
        {t('nav.mail')}
      </Typography.Title>
      {mail.data && !mail.data.embeddedSmtp && <Alert type="info" title={t('mail.external')} />}
      <Collapse
        items={(mail.data?.messages ?? []).map((m, i) => ({
          key: m.messageId ?? String(i),
          label: `${time.dateTime(m.receivedAt)} · ${m.subject} → ${m.to.join(', ')}`,
          children: <pre style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.text}</pre>,
        }))}
      />
      {mail.data?.messages.length === 0 && <Typography.Text type="secondary">{t('mail.empty')}</Typography.Text>}
    </section>
  );
}
