import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Select, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useAction } from '../forms.ts';
import { api, unwrap } from '../api/client.ts';
import { useUser } from '../auth/session.tsx';
import { TONE } from '../cases/StatusTag.tsx';
import { ScrollRegion } from '../components/ScrollRegion.tsx';
import { unitName, useOrgUnits, useOwnUnit } from '../directory/org-units.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { PAGE_SIZE, useRecords, type RecordsQuery, type ServiceRecord } from './party-api.ts';
import { RecordService } from './RecordService.tsx';

type Side = NonNullable<RecordsQuery['side']>;
type RecordState = ServiceRecord['state'];

const STATE_COLORS: Record<RecordState, string> = { awaiting_confirmation: TONE.warn, confirmed: TONE.good, fed_back: TONE.info };

/**
 * Members' service records, a page at a time with the total: a street's or park's clerk sees the records
 * kept here (confirming those a home unit entered) and the ones its own unit entered; a home unit's clerk
 * the records it entered and where each stands; the district all. Each step is a button the API offered.
 */
export default function ServiceRecords() {
  const { t } = useI18n();
  const label = useLabel();
  const user = useUser();
  const units = useOrgUnits();
  const own = useOwnUnit(user.orgUnitId).unit;
  const keepsCommunities = user.role === 'street_staff' && own?.keepsCommunities === true;
  const [side, setSide] = useState<Side | undefined>();
  const [state, setState] = useState<RecordState>();
  const [offset, setOffset] = useState(0);
  const [recording, setRecording] = useState(false);
  const queryClient = useQueryClient();
  const effectiveSide = user.role !== 'street_staff' ? undefined : keepsCommunities ? side : 'home_unit';
  const list = useRecords({ side: effectiveSide, state, limit: PAGE_SIZE, offset });

  const confirm = useAction(async (record: ServiceRecord) => {
    unwrap(await api.POST('/party/records/{id}/confirm', { params: { path: { id: record.id } } }));
    await queryClient.invalidateQueries({ queryKey: ['party', 'records'] });
  });

  return (
    <section aria-labelledby="records-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} id="records-title" style={{ fontSize: 22 }}>
          {t('party.records.title')}
        </Typography.Title>
        {user.role === 'street_staff' && (
          <Button type="primary" onClick={() => setRecording(true)}>
            {label('serviceRecordStep', 'record')}
          </Button>
        )}
      </Space>
      <Space wrap style={{ marginBottom: 12 }} role="search" aria-label={t('list.filters')}>
        {keepsCommunities && (
          <Select<Side | 'all'>
            aria-label={t('party.members.side')}
            value={side ?? 'all'}
            style={{ width: 220 }}
            onChange={(value) => {
              setSide(value === 'all' ? undefined : value);
              setOffset(0);
            }}
            options={[
              { value: 'all', label: t('party.members.sideAll') },
              { value: 'community', label: t('party.records.sideCommunity') },
              { value: 'home_unit', label: t('party.records.sideHomeUnit') },
            ]}
          />
        )}
        <Select<RecordState>
          aria-label={t('party.record.state')}
          placeholder={t('party.record.state')}
          allowClear
          style={{ width: 180 }}
          onChange={(value?: RecordState) => {
            setState(value);
            setOffset(0);
          }}
          options={codesOf('serviceRecord').map((code) => ({ value: code, label: label('serviceRecord', code) }))}
        />
      </Space>
      {confirm.failure && <Alert type="error" role="alert" title={confirm.failure} style={{ marginBottom: 12 }} />}
      <ScrollRegion label={t('party.records.title')}>
        <Table<ServiceRecord>
          rowKey="id"
          style={{ minWidth: 960 }}
          size="small"
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
          columns={[
            { title: t('party.member.name'), render: (_, r) => `${r.member.name}（${r.member.memberNumber}）` },
            { title: t('party.record.servedOn'), dataIndex: 'servedOn' },
            { title: t('party.record.kind'), render: (_, r) => label('serviceKind', r.kind) },
            { title: t('party.member.community'), render: (_, r) => r.community.name },
            { title: t('party.record.hours'), render: (_, r) => r.hours ?? '—' },
            { title: t('party.record.account'), dataIndex: 'account', width: 240 },
            {
              title: t('party.record.case'),
              render: (_, r) => (r.caseId ? <Link to={`/cases/${r.caseId}`}>{t('party.record.openCase')}</Link> : '—'),
            },
            { title: t('party.record.enteredBy'), render: (_, r) => unitName(units.data, r.recordedByUnitId) },
            {
              title: t('party.record.state'),
              render: (_, r) => <Tag color={STATE_COLORS[r.state]}>{label('serviceRecord', r.state)}</Tag>,
            },
            {
              title: t('party.actions'),
              render: (_, record) =>
                record.allowedActions.includes('confirm') && (
                  <Button size="small" type="primary" onClick={() => void confirm.run(record)}>
                    {label('serviceRecordStep', 'confirm')}
                  </Button>
                ),
            },
          ]}
        />
      </ScrollRegion>
      {recording && <RecordService side={keepsCommunities ? undefined : 'home_unit'} onClose={() => setRecording(false)} />}
    </section>
  );
}
