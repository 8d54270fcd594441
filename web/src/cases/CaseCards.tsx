import { Card, Descriptions, Empty, List, Space } from 'antd';
import { Link } from 'react-router';
import type { CaseSummary } from '../api/client.ts';
import { unitName, useOrgUnits } from '../directory/org-units.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { CaseFlags, StatusTag } from './StatusTag.tsx';

/**
 * The case list on a phone: one card per case, the same fields as the table's columns stacked, so
 * nothing scrolls sideways at 375 px. The list's filters, paging and order are the table's.
 */
export function CaseCards({ items, loading }: { items: readonly CaseSummary[]; loading: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  const units = useOrgUnits();
  return (
    <List<CaseSummary>
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      renderItem={(row) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card
            size="small"
            style={{ width: '100%' }}
            className={row.overdue ? 'row-overdue' : undefined}
            title={
              <Space wrap size={4}>
                <Link to={`/cases/${row.id}`}>
                  #{row.number} {row.title}
                </Link>
                <CaseFlags urgent={row.urgent} overdue={row.overdue} />
              </Space>
            }
            extra={<StatusTag status={row.status} />}
          >
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('case.kind')}>{label('kind', row.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('case.filingUnit')}>
                {unitName(units.data, row.filingUnit.id, row.filingUnit.name)}
              </Descriptions.Item>
              {row.owner && <Descriptions.Item label={t('case.owner')}>{row.owner.name}</Descriptions.Item>}
              <Descriptions.Item label={t('case.filedAt')}>{time.dateTime(row.filedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('case.dueAt')}>
                <DueOrClosed row={row} />
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </List.Item>
      )}
    />
  );
}

/**
 * A row's deadline and whose it is (the level holding the case: 12月26日前（区级）), or, once the case
 * is closed, when it closed.
 */
export function DueOrClosed({ row }: { row: Pick<CaseSummary, 'dueAt' | 'closedAt' | 'responsibleLevel'> }) {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  if (row.closedAt) return <>{t('list.closedOn', { date: time.date(row.closedAt) })}</>;
  if (!row.dueAt) return <>{time.deadline(null)}</>;
  return <>{t('list.dueOf', { due: time.deadline(row.dueAt), level: label('level', row.responsibleLevel) })}</>;
}
