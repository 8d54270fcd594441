import { useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { downloadWithAuth } from '../download.ts';
import { useAction, useFormSubmit } from '../forms.ts';
import { TONE } from '../cases/StatusTag.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { pagination, type Activity } from './leaders-api.ts';
import { useDistrictTime } from '../time.ts';

const STATE_COLOURS = { pending: TONE.info, confirmed: TONE.good, rejected: TONE.bad } as const;

type Page = { items: Activity[]; total: number; limit: number; offset: number };

/**
 * Activities with what each one says and where its review stands; the steps the API offers the
 * caller on each (the street/park confirms or rejects what is held there) as buttons.
 */
export function ActivityList(props: {
  page: Page | undefined;
  loading: boolean;
  onPage(offset: number): void;
  onChanged(): Promise<unknown>;
}) {
  const { t } = useI18n();
  const time = useDistrictTime();
  const label = useLabel();
  const [rejecting, setRejecting] = useState<Activity>();
  const confirm = useAction(async (activity: Activity) => {
    unwrap(await api.POST('/leader-activities/{activityId}/confirm', { params: { path: { activityId: activity.id } } }));
    await props.onChanged();
  });
  return (
    <>
      {confirm.failure && <Alert type="error" role="alert" title={confirm.failure} style={{ marginBottom: 12 }} />}
      <List<Activity>
        loading={props.loading}
        dataSource={props.page?.items ?? []}
        locale={{ emptyText: t('leaders.noActivities') }}
        pagination={props.page && props.page.total > props.page.limit ? pagination(props.page, props.onPage) : false}
        renderItem={(a) => (
          <List.Item
            actions={a.allowedActions.map((action) => (
              <Button
                key={action}
                type={action === 'confirm' ? 'primary' : 'default'}
                danger={action === 'reject'}
                onClick={() => (action === 'confirm' ? void confirm.run(a) : setRejecting(a))}
                aria-label={`${label('activityAction', action)}: ${a.leader.name} ${time.calendarDate(a.occurredOn)}`}
              >
                {label('activityAction', action)}
              </Button>
            ))}
          >
            <Space direction="vertical" size={2} style={{ width: '100%' }}>
              <Space wrap>
                <Typography.Text strong>{label('quotaItem', a.kind)}</Typography.Text>
                <span>{time.calendarDate(a.occurredOn)}</span>
                <Tag color={STATE_COLOURS[a.review]}>{label('activityState', a.review)}</Tag>
              </Space>
              <Typography.Text type="secondary">
                {t('leaders.activity.by', { leader: a.leader.name, unit: a.leader.unit.name })} · {a.place.name}
              </Typography.Text>
              <span>
                {t('leaders.activity.participants')}：{a.participants}
              </span>
              <span>{a.account}</span>
              {a.opinionsCollected !== null && (
                <span>
                  {t('leaders.activity.opinions')}：{a.opinionsCollected}
                </span>
              )}
              {a.rejectionReason && <Alert type="warning" title={`${t('leaders.activity.rejectReason')}：${a.rejectionReason}`} />}
              <Space wrap>
                {a.attachments.map((f) => (
                  <Button
                    key={f.id}
                    type="link"
                    size="small"
                    onClick={() => void downloadWithAuth(`/leader-activities/${a.id}/attachments/${f.id}`, f.fileName)}
                  >
                    {f.fileName}
                  </Button>
                ))}
              </Space>
            </Space>
          </List.Item>
        )}
      />
      {rejecting && (
        <RejectActivity
          activity={rejecting}
          onClose={() => setRejecting(undefined)}
          onDone={async () => {
            setRejecting(undefined);
            await props.onChanged();
          }}
        />
      )}
    </>
  );
}

function RejectActivity({ activity, onClose, onDone }: { activity: Activity; onClose(): void; onDone(): Promise<void> }) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<{ reason: string }>();
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    unwrap(await api.POST('/leader-activities/{activityId}/reject', { params: { path: { activityId: activity.id } }, body }));
    await onDone();
  });
  return (
    <Modal open title={label('activityAction', 'reject')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} name="reject-activity" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('leaders.activity.rejectReason')} name="reason">
          <Input.TextArea rows={3} />
        </Form.Item>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            {t('step.confirm')}
          </Button>
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
