import { Alert, Button, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useUser } from '../auth/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { canMoveDraft, type DraftState } from './draft-states.ts';
import { deleteDraft, type Draft } from './draft-store.ts';
import { wakeDraftSync } from './draft-sync.ts';
import { useDrafts, useOnline } from './drafts.ts';
import { TONE } from './StatusTag.tsx';

const STATE_WORDS = { waiting: 'drafts.waiting', refused: 'drafts.refused', filed: 'drafts.filed' } as const;
const STATE_COLOURS: Record<DraftState, string> = { waiting: TONE.info, refused: TONE.bad, filed: TONE.good };

/** The clerk's filings kept on this device until the API has them: waiting to send, refused (to correct), filed with files still going. */
export default function Drafts() {
  const { t } = useI18n();
  const user = useUser();
  const drafts = useDrafts(user.id);
  const online = useOnline();
  const time = useDistrictTime();

  const actions = (draft: Draft) => [
    draft.state === 'refused' && (
      <Link key="edit" to={`/cases/new?draft=${draft.id}`}>
        {t('drafts.edit')}
      </Link>
    ),
    draft.caseId && (
      <Link key="case" to={`/cases/${draft.caseId}`}>
        {t('drafts.openCase')}
      </Link>
    ),
    canMoveDraft(draft.state, 'discard') && (
      <Button key="discard" type="link" danger onClick={() => void deleteDraft(draft.id)}>
        {t('drafts.discard')}
      </Button>
    ),
    canMoveDraft(draft.state, 'dismiss') && draft.photos.some((p) => p.refusal) && (
      <Button key="dismiss" type="link" onClick={() => void deleteDraft(draft.id)}>
        {t('drafts.dismiss')}
      </Button>
    ),
  ];

  return (
    <section aria-labelledby="drafts-title" style={{ maxWidth: 760 }}>
      <Typography.Title level={1} id="drafts-title" style={{ fontSize: 22 }}>
        {t('nav.drafts')}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {!online && <Alert type="warning" role="status" showIcon title={t('drafts.offline')} />}
        <Typography.Paragraph type="secondary">{t('drafts.savedHint')}</Typography.Paragraph>
        {drafts === undefined ? (
          <Spin />
        ) : drafts.length === 0 ? (
          <Empty description={t('drafts.empty')} />
        ) : (
          <>
            <List
              bordered
              dataSource={drafts}
              renderItem={(draft) => (
                <List.Item actions={actions(draft).filter(Boolean)}>
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <span>{draft.filing.title || t('drafts.untitled')}</span>
                        <Tag color={STATE_COLOURS[draft.state]}>{t(STATE_WORDS[draft.state])}</Tag>
                      </Space>
                    }
                    description={
                      <>
                        <div>
                          {t('drafts.savedAt', { time: time.dateTime(draft.savedAt) })}
                          {draft.photos.length > 0 && ` · ${t('drafts.files', { count: draft.photos.length })}`}
                        </div>
                        {draft.refusal && <Typography.Text type="danger">{draft.refusal.error?.message}</Typography.Text>}
                        {draft.photos
                          .filter((p) => p.refusal)
                          .map((p) => (
                            <Typography.Text key={p.key} type="danger" style={{ display: 'block' }}>
                              {t('drafts.photoRefused', { name: p.name, reason: p.refusal ?? '' })}
                            </Typography.Text>
                          ))}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
            {online && drafts.some((d) => d.state !== 'refused') && <Button onClick={wakeDraftSync}>{t('drafts.sendNow')}</Button>}
          </>
        )}
      </Space>
    </section>
  );
}
