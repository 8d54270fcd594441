import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useFormSubmit } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { useUser } from '../auth/session.tsx';
import { useOrgUnits, useOwnUnit } from '../directory/org-units.ts';
import { Standing } from './Standing.tsx';
import { StandingChart } from './StandingChart.tsx';
import { leadersKey, pagination, useDistrictYear, useLeaders, type LeaderRow, type NewLeader } from './leaders-api.ts';

/**
 * The leaders the caller sees, a page at a time, each with the year's standing, beside the chart of
 * the principals' standing per item. A unit's clerk adds, edits and retires its own; the district and
 * the city read theirs.
 */
export default function LeaderList() {
  const { t } = useI18n();
  const label = useLabel();
  const year = useDistrictYear();
  const keeps = useUser().role === 'street_staff';
  const [offset, setOffset] = useState(0);
  const leaders = useLeaders(offset, year);
  const [editing, setEditing] = useState<LeaderRow | 'new'>();
  const reminders = leaders.data?.remindersAhead ?? [];
  return (
    <section aria-labelledby="leaders-title">
      <Typography.Title level={1} id="leaders-title" style={{ fontSize: 22 }}>
        {t('leaders.nav.list')} {year}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        {keeps && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('leaders.add')}
          </Button>
        )}
        <Typography.Text type="secondary">
          {reminders.length > 0 ? t('leaders.remindersAhead', { dates: reminders.join('、') }) : t('leaders.noReminders')}
        </Typography.Text>
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Table<LeaderRow>
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            loading={leaders.isPending}
            dataSource={leaders.data?.items ?? []}
            pagination={{ ...pagination(leaders.data, setOffset), showTotal: (total) => t('leaders.total', { total }) }}
            columns={[
              {
                title: t('leaders.name'),
                key: 'name',
                render: (_, l) => (
                  <Space direction="vertical" size={0}>
                    {keeps ? <Link to={`/leaders/${l.id}`}>{l.name}</Link> : l.name}
                    <Typography.Text type="secondary">
                      {l.post} · {label('leaderRank', l.rank)}
                      {!l.active && <Tag style={{ marginLeft: 4 }}>{t('leaders.retired')}</Tag>}
                    </Typography.Text>
                  </Space>
                ),
              },
              ...(keeps ? [] : [{ title: t('leaders.unit'), key: 'unit', render: (_: unknown, l: LeaderRow) => l.unit.name }]),
              { title: t('leaders.reportsTo'), key: 'reportsTo', render: (_, l) => l.reportsTo.name },
              { title: t('leaders.standing'), key: 'standing', render: (_, l) => <Standing leader={l} compact /> },
              ...(keeps
                ? [
                    {
                      title: t('leaders.actions'),
                      key: 'actions',
                      render: (_: unknown, l: LeaderRow) => (
                        <Button size="small" onClick={() => setEditing(l)} aria-label={t('leaders.editTitle', { name: l.name })}>
                          {t('leaders.edit')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col xs={24} xl={9}>
          <StandingChart year={year} />
        </Col>
      </Row>
      {editing && <LeaderForm leader={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </section>
  );
}

/** A new leader, or one leader's details; retiring keeps the record but stops counting the leader. */
function LeaderForm({ leader, onClose }: { leader?: LeaderRow; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const own = useOwnUnit(useUser().orgUnitId).unit;
  // Streets and parks of the unit's district: where its leaders report (the API checks the choice).
  const places = (useOrgUnits().data ?? []).filter((u) => u.keepsCommunities && u.parentId === own?.parentId);
  const [form] = Form.useForm<NewLeader>();
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: leadersKey });
    onClose();
  };
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    if (leader) unwrap(await api.PATCH('/leaders/{id}', { params: { path: { id: leader.id } }, body: values }));
    else unwrap(await api.POST('/leaders', { body: values }));
    await done();
  });
  const retire = useFormSubmit(form, async () => {
    if (!leader) return;
    unwrap(await api.PATCH('/leaders/{id}', { params: { path: { id: leader.id } }, body: { active: !leader.active } }));
    await done();
  });
  const title = leader ? t('leaders.editTitle', { name: leader.name }) : t('leaders.add');
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<NewLeader>
        form={form}
        name="leader"
        layout="vertical"
        initialValues={leader && { name: leader.name, post: leader.post, rank: leader.rank, reportsToUnitId: leader.reportsTo.id }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('leaders.name')} name="name">
          <Input />
        </Form.Item>
        <Form.Item label={t('leaders.post')} name="post">
          <Input />
        </Form.Item>
        <Form.Item label={t('leaders.rank')} name="rank">
          <Select options={codesOf('leaderRank').map((r) => ({ value: r, label: label('leaderRank', r) }))} />
        </Form.Item>
        <Form.Item label={t('leaders.reportsTo')} name="reportsToUnitId">
          <Select options={places.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        {(failure ?? retire.failure) && <Alert type="error" role="alert" title={failure ?? retire.failure} style={{ marginBottom: 12 }} />}
        <Space wrap>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('leaders.save')}
          </Button>
          {leader && (
            <Button danger={leader.active} loading={retire.busy} onClick={() => void retire.submit(form.getFieldsValue())}>
              {leader.active ? t('leaders.retire') : t('leaders.reinstate')}
            </Button>
          )}
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
