import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useUser } from '../auth/session.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { useOrgUnits, useOwnUnit } from '../directory/org-units.ts';
import { useAction, useFormSubmit, useIdempotencyKey } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import { useTablePages } from '../components/table-pages.ts';
import {
  addOrganization,
  editOrganization,
  organizationsQueryKey,
  retireOrganization,
  useOrganizations,
  type NewOrganization,
  type Organization,
  type OrganizationKind,
} from './organizations-api.ts';

const STATE_COLORS: Record<Organization['state'], string> = { active: TONE.good, retired: TONE.neutral };

/**
 * Communities and party branches: a street's or park's clerk keeps its communities (where members
 * register) and, like every unit's clerk, its own party branches; an administrator any unit's. Add,
 * edit and retire, each button from the row's allowedActions.
 */
export default function Organizations() {
  const { t } = useI18n();
  const user = useUser();
  const own = useOwnUnit(user.orgUnitId).unit;
  const admin = user.role === 'admin';
  return (
    <section aria-labelledby="organizations-title">
      <Typography.Title level={1} id="organizations-title" style={{ fontSize: 22 }}>
        {t('party.organizations.title')}
      </Typography.Title>
      {(admin || own?.keepsCommunities === true) && <OrganizationTable kind="community" unitId={admin ? undefined : user.orgUnitId} />}
      <OrganizationTable kind="branch" unitId={admin ? undefined : user.orgUnitId} />
    </section>
  );
}

/** One kind's list, a page at a time with its total, with its search, state filter and the add form. */
function OrganizationTable({ kind, unitId }: { kind: OrganizationKind; unitId: string | undefined }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const pages = useTablePages((total) => t('party.total', { total }));
  const [filters, setFilters] = useState<{ q?: string; state?: Organization['state'] }>({ state: 'active' });
  const list = useOrganizations(kind, { unit: unitId, ...filters, ...pages.query });
  const [editing, setEditing] = useState<Organization | 'new'>();
  const words = (key: 'title' | 'add' | 'count' | 'none') => t(`party.organizations.${kind}.${key}`);
  const retire = useAction(async (row: Organization) => {
    await retireOrganization(kind, row.id);
    await queryClient.invalidateQueries({ queryKey: ['party'] });
  });
  const titleId = `organizations-${kind}`;
  return (
    <section aria-labelledby={titleId} style={{ marginBottom: 24 }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={2} id={titleId} style={{ fontSize: 18 }}>
          {words('title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {words('add')}
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label={words('title')}>
        <Input.Search
          aria-label={t('party.organizations.search')}
          placeholder={t('party.organizations.search')}
          allowClear
          onSearch={(v) => setFilters((f) => ({ ...f, q: v.trim() || undefined }))}
          style={{ width: 220 }}
        />
        <Select<Organization['state'] | 'all'>
          aria-label={t('party.organizations.state')}
          value={filters.state ?? 'all'}
          style={{ width: 140 }}
          onChange={(state) => setFilters((f) => ({ ...f, state: state === 'all' ? undefined : state }))}
          options={[
            { value: 'all', label: t('party.organizations.allStates') },
            ...codesOf('organizationState').map((code) => ({ value: code, label: label('organizationState', code) })),
          ]}
        />
      </Space>
      {retire.failure && <Alert type="error" role="alert" title={retire.failure} style={{ marginBottom: 12 }} />}
      <Table<Organization>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{ ...pages.pagination(list.data?.total), showSizeChanger: false }}
        locale={{ emptyText: words('none') }}
        columns={[
          { title: t('party.organizations.name'), dataIndex: 'name' },
          ...(unitId ? [] : [{ title: t('party.organizations.unit'), render: (_: unknown, row: Organization) => row.unit.name }]),
          ...(kind === 'community'
            ? [{ title: t('party.organizations.email'), render: (_: unknown, row: Organization) => ('email' in row && row.email) || '—' }]
            : []),
          {
            title: words('count'),
            render: (_, row) => ('registeredCount' in row ? row.registeredCount : row.memberCount),
          },
          {
            title: t('party.organizations.state'),
            render: (_, row) => <Tag color={STATE_COLORS[row.state]}>{label('organizationState', row.state)}</Tag>,
          },
          {
            title: t('party.actions'),
            render: (_, row) => (
              <Space>
                {row.allowedActions.includes('edit') && (
                  <Button size="small" onClick={() => setEditing(row)} aria-label={`${label('organizationStep', 'edit')}：${row.name}`}>
                    {label('organizationStep', 'edit')}
                  </Button>
                )}
                {row.allowedActions.includes('retire') && (
                  <Popconfirm
                    title={t(`party.organizations.${kind}.retireConfirm`, { name: row.name })}
                    okText={label('organizationStep', 'retire')}
                    cancelText={t('step.cancel')}
                    onConfirm={() => void retire.run(row)}
                  >
                    <Button size="small" danger aria-label={`${label('organizationStep', 'retire')}：${row.name}`}>
                      {label('organizationStep', 'retire')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <OrganizationForm
          kind={kind}
          row={editing === 'new' ? undefined : editing}
          chooseUnit={!unitId}
          onClose={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}

/** Adds one (`row` absent) or edits one: its name, a community's e-mail, and for an administrator adding, the unit. */
function OrganizationForm(props: { kind: OrganizationKind; row?: Organization; chooseUnit: boolean; onClose(): void }) {
  const { kind, row, chooseUnit, onClose } = props;
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewOrganization>();
  // One key per thing being added: a retry of the same submission adds nothing twice.
  const idempotency = useIdempotencyKey();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    if (row) await editOrganization(kind, row.id, values);
    else {
      await addOrganization(kind, values, idempotency.key);
      idempotency.renew();
    }
    await queryClient.invalidateQueries({ queryKey: organizationsQueryKey(kind) });
    onClose();
  });
  const unitChoices = (units.data ?? []).filter((u) => kind === 'branch' || u.keepsCommunities);
  const title = row ? `${label('organizationStep', 'edit')}：${row.name}` : t(`party.organizations.${kind}.add`);
  return (
    <Modal open title={title} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<NewOrganization>
        form={form}
        name={`${kind}-form`}
        layout="vertical"
        initialValues={row ? { name: row.name, email: ('email' in row && row.email) || '' } : {}}
        onFinish={(values) => void submit(values)}
      >
        {chooseUnit && !row && (
          <Form.Item label={t('party.organizations.unit')} name="unitId">
            <Select showSearch optionFilterProp="label" options={unitChoices.map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('party.organizations.name')} name="name">
          <Input />
        </Form.Item>
        {kind === 'community' && (
          <Form.Item label={t('party.organizations.email')} name="email">
            <Input type="email" />
          </Form.Item>
        )}
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
