import { useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Space, Spin, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { apiHeaders } from '../api/client.ts';
import { downloadWithAuth } from '../download.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The year-end feedback document a home unit received, as the API renders it for reading and printing
 * (the same content as the XLSX it was mailed). It is shown in a frame of its own, so its print
 * styles apply, and printed from there.
 */
export default function FeedbackDocument() {
  const { t } = useI18n();
  const { year = '', unitId = '' } = useParams();
  const frame = useRef<HTMLIFrameElement>(null);
  const [failure, setFailure] = useState<string>();
  const document = useQuery({
    queryKey: ['party', 'feedback', 'document', year, unitId],
    queryFn: async () => {
      const response = await fetch(`/party/feedback/${encodeURIComponent(year)}/units/${encodeURIComponent(unitId)}?format=html`, {
        headers: apiHeaders(),
      });
      return response.ok ? response.text() : null;
    },
  });
  const download = async () => {
    setFailure(undefined);
    const ok = await downloadWithAuth(`/party/feedback/${year}/units/${unitId}?format=xlsx`, `member-feedback-${year}.xlsx`);
    if (!ok) setFailure(t('party.commendations.failed'));
  };
  return (
    <section aria-labelledby="feedback-document-title">
      <Typography.Title level={1} id="feedback-document-title" style={{ fontSize: 22 }}>
        {t('party.feedback.documentOf', { year })}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to={`/party/feedback?year=${year}`}>{t('party.feedback.back')}</Link>
        <Button type="primary" disabled={!document.data} onClick={() => frame.current?.contentWindow?.print()}>
          {t('party.feedback.printNow')}
        </Button>
        <Button onClick={() => void download()}>{t('party.commendations.xlsx')}</Button>
      </Space>
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
      {document.isPending ? (
        <Spin />
      ) : document.data ? (
        <iframe
          ref={frame}
          title={t('party.feedback.documentOf', { year })}
          // Same origin, so the page can print the frame; the app's Content-Security-Policy, which a
          // srcdoc frame inherits, keeps any script out of it.
          srcDoc={document.data}
          style={{ width: '100%', minHeight: 600, border: '1px solid #d9d9d9', background: '#fff' }}
        />
      ) : (
        <Alert type="warning" role="alert" title={t('party.feedback.notDelivered')} />
      )}
    </section>
  );
}
