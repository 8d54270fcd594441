import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Grid, Input, Select, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { CASE_STATUSES } from '../api/generated/case-steps.ts';
import { api, unwrap, type CaseListQuery, type CaseStatus, type CaseSummary } from '../api/client.ts';
import { CaseFlags, StatusTag } from './StatusTag.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { useOrgUnits, unitName } from '../directory/org-units.ts';
import { useUser } from '../auth/session.tsx';
import { DateField } from '../components/DateField.tsx';
import { useDistrictTime } from '../time.ts';
import { FILTER_NAMES, type FilterName } from './case-filters.ts';
import { REFRESH_MS } from './refresh.ts';
import { QUEUES, type QueueName } from './queues.ts';
import { SavedViewActions, useCurrentView } from './SavedViewActions.tsx';
import { paramsToFilters } from './case-filters.ts';
import { BulkStepBar, type MatchingQuery } from '../bulk/BulkStepBar.tsx';
import { CaseCards, DueOrClosed } from './CaseCards.tsx';

const STATUSES: readonly CaseStatus[] = CASE_STATUSES;

type Preset = 'ledger' | QueueName;

export function CaseList({ preset }: { preset: Preset }) {
  const { t } = useI18n();
  const label = useLabel();
  const user = useUser();
  const time = useDistrictTime();
  const units = useOrgUnits();
  const [params, setParams] = useSearchParams();
  const [cursors, setCursors] = useState<string[]>([]);
  const queue = preset === 'ledger' ? undefined : QUEUES[preset];
  const view = useCurrentView();
  // Below the md breakpoint (768 px) the list is cards: a phone never scrolls a table sideways.
  const narrow = Grid.useBreakpoint().md === false;

  const filters = Object.fromEntries(FILTER_NAMES.flatMap((name) => (params.get(name) ? [[name, params.get(name)]] : [])));
  const page = { limit: 20, ...(cursors.length ? { cursor: cursors[cursors.length - 1] } : {}) };
  const query: CaseListQuery = queue ? { status: queue.status, sort: 'due', ...page } : { ...filters, ...page };
  const list = useQuery({
    queryKey: ['cases', query],
    queryFn: async () => unwrap(await api.GET('/cases', { params: { query } })),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const items = list.data?.items ?? [];
  // The bulk selection: rows of this page, or every case the list's filters find.
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const clearSelection = () => {
    setSelectedIds([]);
    setAllMatching(false);
  };
  // "All matching" is the list's filters without its order.
  const filterQuery = Object.fromEntries(Object.entries(filters).filter(([name]) => name !== 'sort'));
  const matching = queue
    ? { query: { status: queue.status } as MatchingQuery, filters: { status: [queue.status], sort: 'due' as const } }
    : { query: filterQuery as MatchingQuery, filters: paramsToFilters(params) };
  const selected = items.filter((row) => selectedIds.includes(row.id));
  const selects = user.role !== 'admin';

  const setFilter = (name: FilterName, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // Changed, the list is no longer the saved view it was opened as.
    next.delete('view');
    setCursors([]);
    clearSelection();
    setParams(next, { replace: true });
  };
  const filingUnits = (units.data ?? []).filter((u) => u.filesCases);

  return (
    <section aria-labelledby="list-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }}>
        <Typography.Title level={1} id="list-title" style={{ fontSize: 22 }}>
          {queue ? t(queue.title) : view ? view.name : user.role === 'street_staff' ? t('nav.ledger') : t('nav.allCases')}
        </Typography.Title>
        <Space wrap>
          {!queue && <SavedViewActions />}
          {user.role === 'street_staff' && (
            <Link to="/cases/new">
              <Button type="primary">{t('nav.file')}</Button>
            </Link>
          )}
        </Space>
      </Space>
      {!queue && (
        <Space wrap style={{ marginBottom: 12 }} role="search" aria-label={t('list.filters')}>
          <Input.Search
            aria-label={t('list.search')}
            placeholder={t('list.search')}
            defaultValue={params.get('q') ?? ''}
            allowClear
            onSearch={(v) => setFilter('q', v.trim() || undefined)}
            style={{ width: 220 }}
          />
          <Select
            aria-label={t('list.status')}
            placeholder={t('list.status')}
            mode="multiple"
            allowClear
            style={{ minWidth: 200 }}
            value={params.get('status')?.split(',') ?? []}
            onChange={(v: string[]) => setFilter('status', v.join(',') || undefined)}
            options={STATUSES.map((s) => ({ value: s, label: label('status', s) }))}
          />
          <Select
            aria-label={t('list.kind')}
            placeholder={t('list.kind')}
            allowClear
            style={{ width: 160 }}
            value={params.get('kind') ?? undefined}
            onChange={(v?: string) => setFilter('kind', v)}
            options={codesOf('kind').map((k) => ({ value: k, label: label('kind', k) }))}
          />
          <Select
            aria-label={t('case.urgent')}
            placeholder={t('case.urgent')}
            allowClear
            style={{ width: 120 }}
            value={params.get('urgent') ?? undefined}
            onChange={(v?: string) => setFilter('urgent', v)}
            options={[
              { value: 'true', label: t('list.urgentOnly') },
              { value: 'false', label: t('list.regularOnly') },
            ]}
          />
          <Select
            aria-label={t('case.overdue')}
            placeholder={t('case.overdue')}
            allowClear
            style={{ width: 120 }}
            value={params.get('overdue') ?? undefined}
            onChange={(v?: string) => setFilter('overdue', v)}
            options={[
              { value: 'true', label: t('list.overdueOnly') },
              { value: 'false', label: t('list.onTime') },
            ]}
          />
          {user.role !== 'street_staff' && (
            <Select
              aria-label={t('list.unit')}
              placeholder={t('list.unit')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 200 }}
              value={params.get('unit') ?? undefined}
              onChange={(v?: string) => setFilter('unit', v)}
              options={filingUnits.map((u) => ({ value: u.id, label: u.name }))}
            />
          )}
          <Select
            aria-label={t('list.owner')}
            placeholder={t('list.owner')}
            allowClear
            style={{ width: 130 }}
            value={params.get('owner') ?? undefined}
            onChange={(v?: string) => setFilter('owner', v)}
            options={[
              { value: 'me', label: t('list.ownerMe') },
              { value: 'none', label: t('list.ownerNone') },
            ]}
          />
          <Select
            aria-label={t('list.held')}
            placeholder={t('list.held')}
            allowClear
            style={{ width: 150 }}
            value={params.get('held') ?? undefined}
            onChange={(v?: string) => setFilter('held', v)}
            options={[{ value: 'true', label: t('list.heldByMe') }]}
          />
          <Select
            aria-label={t('list.sort')}
            style={{ width: 190 }}
            value={params.get('sort') ?? 'newest'}
            onChange={(v: string) => setFilter('sort', v === 'newest' ? undefined : v)}
            options={[
              { value: 'newest', label: t('list.sortNewest') },
              { value: 'due', label: t('list.sortDue') },
            ]}
          />
          <DateField
            aria-label={t('list.filedFrom')}
            value={params.get('filedFrom') ?? undefined}
            onChange={(v) => setFilter('filedFrom', v)}
          />
          <DateField aria-label={t('list.filedTo')} value={params.get('filedTo') ?? undefined} onChange={(v) => setFilter('filedTo', v)} />
        </Space>
      )}
      {selects && !narrow && (
        <BulkStepBar
          selected={selected}
          wholePage={items.length > 0 && selected.length === items.length}
          matching={matching}
          allMatching={allMatching}
          onAllMatching={setAllMatching}
          onSelectPage={(all) => {
            setAllMatching(false);
            setSelectedIds(all ? items.map((row) => row.id) : []);
          }}
          onClear={clearSelection}
        />
      )}
      {narrow ? (
        <CaseCards items={items} loading={list.isPending} />
      ) : (
        <Table<CaseSummary>
          rowKey="id"
          rowSelection={
            selects
              ? {
                  hideSelectAll: true,
                  selectedRowKeys: allMatching ? items.map((row) => row.id) : selectedIds,
                  onChange: (keys) => {
                    setAllMatching(false);
                    setSelectedIds(keys.map(String));
                  },
                  getCheckboxProps: (row) => ({ 'aria-label': `${t('bulk.selectRow')} #${row.number}` }),
                }
              : undefined
          }
          size="middle"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          scroll={{ x: 900 }}
          rowClassName={(row) => (row.overdue ? 'row-overdue' : '')}
          columns={[
            { title: t('case.number'), dataIndex: 'number', width: 70 },
            {
              title: t('case.title'),
              dataIndex: 'title',
              render: (title: string, row) => (
                <Space wrap size={4}>
                  <Link to={`/cases/${row.id}`}>{title}</Link>
                  <CaseFlags urgent={row.urgent} overdue={row.overdue} />
                </Space>
              ),
            },
            { title: t('case.kind'), dataIndex: 'kind', width: 120, render: (kind: string) => label('kind', kind) },
            { title: t('case.status'), dataIndex: 'status', width: 130, render: (status: CaseStatus) => <StatusTag status={status} /> },
            { title: t('case.owner'), key: 'owner', width: 130, render: (_, row) => row.owner?.name ?? '' },
            {
              title: t('case.filingUnit'),
              key: 'unit',
              width: 170,
              render: (_, row) => unitName(units.data, row.filingUnit.id, row.filingUnit.name),
            },
            { title: t('case.filedAt'), dataIndex: 'filedAt', width: 150, render: (iso: string) => time.dateTime(iso) },
            { title: t('case.dueAt'), key: 'due', width: 170, render: (_, row) => <DueOrClosed row={row} /> },
          ]}
        />
      )}
      <Space style={{ marginTop: 12 }}>
        <Button
          disabled={cursors.length === 0}
          onClick={() => {
            clearSelection();
            setCursors(cursors.slice(0, -1));
          }}
        >
          {t('list.previous')}
        </Button>
        <Button
          disabled={!list.data?.nextCursor}
          onClick={() => {
            clearSelection();
            if (list.data?.nextCursor) setCursors([...cursors, list.data.nextCursor]);
          }}
        >
          {t('list.next')}
        </Button>
      </Space>
    </section>
  );
}
