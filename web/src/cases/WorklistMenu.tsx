import { Badge } from 'antd';
import { Link, useLocation } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { filtersToParams, useWorklists, type CaseFilters } from './case-filters.ts';

/**
 * The menu's worklists ("mine", "unassigned in my unit", "overdue": those the API gives the role) and
 * the saved views the user sees, each with its live count, each opening the case list with its filters.
 */
export function WorklistMenu() {
  const { t } = useI18n();
  const location = useLocation();
  const worklists = useWorklists();
  if (!worklists.data) return null;
  const here = location.pathname + location.search;
  const entry = (key: string, filters: CaseFilters, text: string, count: number, viewId?: string) => {
    const to = `/cases?${filtersToParams(filters, viewId).toString()}`;
    return (
      <li key={key}>
        <Link to={to} aria-current={here === to ? 'page' : undefined}>
          {text}{' '}
          <Badge
            count={count}
            showZero
            overflowCount={999}
            size="small"
            color={key === 'overdue' && count > 0 ? undefined : '#8c8c8c'}
            title={t('worklist.count', { count })}
          />
        </Link>
      </li>
    );
  };
  return (
    <>
      {worklists.data.lists.map((list) => entry(list.key, list.filters, t(`worklist.${list.key}`), list.count))}
      {worklists.data.views.map((view) => entry(view.id, view.filters, view.name, view.count, view.id))}
    </>
  );
}
