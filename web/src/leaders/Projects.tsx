import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Modal, Select, Space, Table, Tag } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useFormSubmit } from '../forms.ts';
import { TONE } from '../cases/StatusTag.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { PAGE_SIZE, pagination, type Project } from './leaders-api.ts';

const PROJECTS_KEY = ['public-service-projects'];

/** "Lead in helping": the district's projects nobody has claimed, to claim for a leader, and those the unit claimed. */
export default function Projects() {
  const { t } = useI18n();
  const [claiming, setClaiming] = useState<Project>();
  return (
    <section aria-labelledby="projects-title">
      <h1 id="projects-title" style={{ fontSize: 22 }}>
        {t('leaders.nav.projects')}
      </h1>
      <ProjectTable state="claimable" onClaim={setClaiming} />
      <ProjectTable state="claimed" onClaim={setClaiming} />
      {claiming && <ClaimProject project={claiming} onClose={() => setClaiming(undefined)} />}
    </section>
  );
}

function ProjectTable({ state, onClaim }: { state: 'claimable' | 'claimed'; onClaim(project: Project): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [offset, setOffset] = useState(0);
  const projects = useQuery({
    queryKey: [...PROJECTS_KEY, state, offset],
    placeholderData: keepPreviousData,
    queryFn: async () => unwrap(await api.GET('/public-service-projects', { params: { query: { state, limit: PAGE_SIZE, offset } } })),
  });
  return (
    <Card
      size="small"
      title={t(state === 'claimable' ? 'leaders.projects.claimable' : 'leaders.projects.claimed')}
      style={{ marginBottom: 16 }}
    >
      <Table<Project>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        loading={projects.isPending}
        dataSource={projects.data?.items ?? []}
        locale={{ emptyText: t('leaders.projects.none') }}
        pagination={{
          ...pagination(projects.data, setOffset),
          showTotal: (total) => t('leaders.total', { total }),
          hideOnSinglePage: true,
        }}
        columns={[
          { title: t('leaders.projects.number'), dataIndex: 'number' },
          { title: t('leaders.projects.title'), dataIndex: 'title' },
          { title: t('leaders.projects.filingUnit'), key: 'filingUnit', render: (_, p) => p.filingUnit.name },
          state === 'claimable'
            ? {
                title: t('leaders.actions'),
                key: 'actions',
                render: (_, p) =>
                  p.allowedActions.map((action) => (
                    <Button
                      key={action}
                      size="small"
                      type="primary"
                      onClick={() => onClaim(p)}
                      aria-label={`${label('step', action)}: ${p.title}`}
                    >
                      {label('step', action)}
                    </Button>
                  )),
              }
            : {
                title: t('leaders.projects.leader'),
                key: 'leader',
                render: (_, p) => (
                  <Space wrap>
                    {p.claim?.leaderName}
                    <Tag color={p.completed ? TONE.good : TONE.info}>
                      {t(p.completed ? 'leaders.projects.completed' : 'leaders.projects.inProgress')}
                    </Tag>
                  </Space>
                ),
              },
        ]}
      />
    </Card>
  );
}

/** Claims a project for one of the unit's active leaders, who then leads it. */
function ClaimProject({ project, onClose }: { project: Project; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ leaderId: string }>();
  const leaders = useQuery({
    queryKey: ['leaders', 'active'],
    queryFn: async () => unwrap(await api.GET('/leaders', { params: { query: { active: 'true', limit: 100 } } })),
  });
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    unwrap(await api.POST('/cases/{id}/claim', { params: { path: { id: project.id } }, body }));
    await queryClient.invalidateQueries({ queryKey: PROJECTS_KEY });
    await queryClient.invalidateQueries({ queryKey: ['leaders'] });
    onClose();
  });
  return (
    <Modal open title={`${label('step', 'claim')}: ${project.title}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} name="claim-project" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('leaders.projects.leader')} name="leaderId">
          <Select options={(leaders.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name}（${l.post}）` }))} />
        </Form.Item>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('step.confirm')}
          </Button>
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
