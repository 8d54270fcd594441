import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useAction } from '../forms.ts';
import { api, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { useOwnUnit } from '../directory/org-units.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { MoveMember } from './MoveMember.tsx';
import { PAGE_SIZE, useMembers, type Member, type MembersQuery } from './party-api.ts';
import { RegisterMember } from './RegisterMember.tsx';
import { useDistrictTime } from '../time.ts';

type Registration = Member['registrations'][number];
type Side = NonNullable<MembersQuery['side']>;

const STATE_COLORS: Record<Registration['status'], string> = { pending: TONE.warn, active: TONE.good, ended: TONE.neutral };

export function RegistrationTag({ registration }: { registration: Registration }) {
  const label = useLabel();
  return <Tag color={STATE_COLORS[registration.status]}>{label('registration', registration.status)}</Tag>;
}

/** The member's registration now: the open one (pending or active), else the latest. */
const current = (member: Member) => member.registrations.find((r) => r.status !== 'ended') ?? member.registrations.at(-1);

/**
 * Party members, a page at a time with the total: a street's or park's clerk sees those registered
 * with it (and, on the other side, the members its own unit employs), a home unit's clerk its own
 * members wherever they registered, the district all. The steps on each row are the API's allowedActions.
 */
export default function Members() {
  const { t } = useI18n();
  const label = useLabel();
  const user = useUser();
  const own = useOwnUnit(user.orgUnitId).unit;
  const keepsCommunities = user.role === 'street_staff' && own?.keepsCommunities === true;
  const [side, setSide] = useState<Side | undefined>();
  const [filters, setFilters] = useState<Pick<MembersQuery, 'q' | 'status'>>({});
  const [offset, setOffset] = useState(0);
  const [registering, setRegistering] = useState(false);
  const [moving, setMoving] = useState<Member>();
  const queryClient = useQueryClient();
  const effectiveSide = user.role !== 'street_staff' ? undefined : keepsCommunities ? side : 'home_unit';
  const list = useMembers({ ...filters, side: effectiveSide, limit: PAGE_SIZE, offset });
  const narrow = (change: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...change }));
    setOffset(0);
  };

  const accept = useAction(async (registration: Registration) => {
    unwrap(await api.POST('/party/registrations/{id}/accept', { params: { path: { id: registration.id } } }));
    await queryClient.invalidateQueries({ queryKey: ['party', 'members'] });
  });

  return (
    <section aria-labelledby="members-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} id="members-title" style={{ fontSize: 22 }}>
          {t('party.members.title')}
        </Typography.Title>
        {user.role === 'street_staff' && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            {label('registrationStep', 'register')}
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label={t('list.filters')}>
        {keepsCommunities && (
          <Select<Side | 'all'>
            aria-label={t('party.members.side')}
            value={side ?? 'all'}
            style={{ width: 200 }}
            onChange={(value) => {
              setSide(value === 'all' ? undefined : value);
              setOffset(0);
            }}
            options={[
              { value: 'all', label: t('party.members.sideAll') },
              { value: 'community', label: t('party.members.sideCommunity') },
              { value: 'home_unit', label: t('party.members.sideHomeUnit') },
            ]}
          />
        )}
        <Input.Search
          aria-label={t('party.members.search')}
          placeholder={t('party.members.search')}
          allowClear
          onSearch={(v) => narrow({ q: v.trim() || undefined })}
          style={{ width: 220 }}
        />
        <Select
          aria-label={t('party.members.status')}
          placeholder={t('party.members.status')}
          allowClear
          style={{ width: 160 }}
          onChange={(status?: Registration['status']) => narrow({ status })}
          options={codesOf('registration').map((code) => ({ value: code, label: label('registration', code) }))}
        />
      </Space>
      {accept.failure && <Alert type="error" role="alert" title={accept.failure} style={{ marginBottom: 12 }} />}
      <Table<Member>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: offset / PAGE_SIZE + 1,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('party.total', { total }),
          onChange: (page) => setOffset((page - 1) * PAGE_SIZE),
        }}
        expandable={{
          expandedRowRender: (member) => <History member={member} />,
          rowExpandable: (member) => member.registrations.length > 0,
        }}
        columns={[
          { title: t('party.member.number'), dataIndex: 'memberNumber' },
          { title: t('party.member.name'), dataIndex: 'name' },
          { title: t('party.member.homeUnit'), render: (_, m) => m.homeUnit.name },
          { title: t('party.member.branch'), render: (_, m) => m.branch?.name ?? '—' },
          { title: t('party.member.community'), render: (_, m) => current(m)?.community.name ?? '—' },
          {
            title: t('party.member.registration'),
            render: (_, m) => {
              const now = current(m);
              return now ? <RegistrationTag registration={now} /> : '—';
            },
          },
          {
            title: t('party.actions'),
            render: (_, member) => (
              <Space>
                {member.registrations
                  .filter((r) => r.allowedActions.includes('accept'))
                  .map((r) => (
                    <Button key={r.id} size="small" type="primary" onClick={() => void accept.run(r)}>
                      {label('registrationStep', 'accept')}
                    </Button>
                  ))}
                {member.allowedActions.includes('move') && (
                  <Button size="small" onClick={() => setMoving(member)}>
                    {label('registrationStep', 'move')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {registering && <RegisterMember ownUnitId={user.orgUnitId} onClose={() => setRegistering(false)} />}
      {moving && <MoveMember member={moving} onClose={() => setMoving(undefined)} />}
    </section>
  );
}

/** Where the member has registered, oldest first: each community with its dates and state. */
function History({ member }: { member: Member }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  return (
    <Table<Registration>
      rowKey="id"
      size="small"
      pagination={false}
      aria-label={t('party.member.history', { name: member.name })}
      dataSource={member.registrations}
      columns={[
        { title: t('party.member.community'), render: (_, r) => r.community.name },
        { title: t('party.member.registeredOn'), dataIndex: 'registeredOn', render: (date: string) => time.calendarDate(date) },
        { title: t('party.member.endedOn'), render: (_, r) => time.calendarDate(r.endedOn) },
        { title: t('party.member.registration'), render: (_, r) => <RegistrationTag registration={r} /> },
      ]}
    />
  );
}
