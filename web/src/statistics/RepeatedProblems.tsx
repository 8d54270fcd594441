import { useQuery } from '@tanstack/react-query';
import { Space, Spin, Table } from 'antd';
import { Link } from 'react-router';
import { api, unwrap, type Statistics } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';

type RepeatedProblem = Statistics['repeatedProblems']['items'][number];

/** The cases of one repeated problem, fetched when its row is opened (the statistics carry counts only). */
function ProblemCases({ problem, cycle }: { problem: RepeatedProblem; cycle?: string }) {
  const cases = useQuery({
    queryKey: ['repeated-problem-cases', problem.category, problem.place, cycle],
    queryFn: async () =>
      unwrap(
        await api.GET('/statistics/repeated-problems/cases', {
          params: { query: { category: problem.category, place: problem.place, limit: 50, ...(cycle ? { cycle } : {}) } },
        }),
      ),
  });
  if (!cases.data) return <Spin size="small" />;
  return (
    <Space wrap>
      {cases.data.cases.map((c) => (
        <Link key={c.id} to={`/cases/${c.id}`}>{`#${c.number}`}</Link>
      ))}
    </Space>
  );
}

/** The largest repeated problems of the period; a row opens to its cases. */
export function RepeatedProblems({ page, cycle }: { page: Statistics['repeatedProblems']; cycle?: string }) {
  const { t, language } = useI18n();
  const time = useDistrictTime();
  return (
    <Table
      rowKey={(r) => `${r.category}|${r.place}`}
      size="small"
      pagination={false}
      dataSource={page.items}
      locale={{ emptyText: t('stats.noRepeated') }}
      expandable={{ expandedRowRender: (r) => <ProblemCases problem={r} cycle={cycle} /> }}
      columns={[
        { title: t('case.category'), dataIndex: 'category' },
        { title: t('case.location'), dataIndex: 'place' },
        { title: t('stats.cases'), dataIndex: 'cases' },
        { title: t('stats.units'), dataIndex: 'units' },
        { title: t('stats.cycles'), render: (_, r) => r.cycles.map(time.halfYear).join(language === 'zh' ? '、' : ', ') },
      ]}
    />
  );
}
