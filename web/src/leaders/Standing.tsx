import { Space, Table, Tag, Typography } from 'antd';
import { TONE } from '../cases/StatusTag.tsx';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import type { LeaderRow, QuotaItem } from './leaders-api.ts';

/** Where a leader stands: met, behind, or owing nothing (a team member), with what is on its way. */
export function StandingTag({ leader }: { leader: LeaderRow }) {
  const { t } = useI18n();
  const { standing } = leader.record;
  if (standing.allFourMet === null) return <Tag>{t('leaders.owesNothing')}</Tag>;
  return standing.behind ? <Tag color={TONE.warn}>{t('leaders.behind')}</Tag> : <Tag color={TONE.good}>{t('leaders.met')}</Tag>;
}

const waitingOf = (leader: LeaderRow) => Object.values(leader.waiting).reduce((a, b) => a + b, 0);

/**
 * The year's items: done of required, what is missing and what is on its way (awaiting the street's
 * confirmation, or a claimed project still open). `compact` is the list's one line.
 */
export function Standing({ leader, compact }: { leader: LeaderRow; compact?: boolean }) {
  const { t } = useI18n();
  const label = useLabel();
  const { standing, dates, projectCaseNumbers } = leader.record;
  const waiting = waitingOf(leader);
  if (compact)
    return (
      <Space wrap size={4}>
        <StandingTag leader={leader} />
        {codesOf('quotaItem')
          .filter((item) => standing.missing[item] > 0)
          .map((item) => (
            <Typography.Text key={item} type="secondary">
              {label('quotaItem', item)} {standing.done[item]}/{standing.required[item]}
            </Typography.Text>
          ))}
        {waiting > 0 && <Tag color={TONE.info}>{t('leaders.waiting', { count: waiting })}</Tag>}
      </Space>
    );
  const rows = codesOf('quotaItem').map((item) => ({ item: item as QuotaItem }));
  return (
    <Table
      rowKey="item"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      columns={[
        { title: t('leaders.item'), key: 'item', render: (_, r) => label('quotaItem', r.item) },
        { title: t('leaders.required'), key: 'required', render: (_, r) => standing.required[r.item] },
        { title: t('leaders.done'), key: 'done', render: (_, r) => standing.done[r.item] },
        {
          title: t('leaders.missing'),
          key: 'missing',
          render: (_, r) => (standing.missing[r.item] > 0 ? <Tag color={TONE.warn}>{standing.missing[r.item]}</Tag> : 0),
        },
        { title: t('leaders.onTheWay'), key: 'waiting', render: (_, r) => leader.waiting[r.item] },
        {
          title: t('leaders.dates'),
          key: 'dates',
          render: (_, r) => (r.item === 'public_service_project' ? projectCaseNumbers : (dates[r.item] ?? [])).join('、'),
        },
      ]}
    />
  );
}
