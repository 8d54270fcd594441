import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Dropdown, Space, Typography } from 'antd';
import { BULK_STEPS } from '../api/generated/case-steps.ts';
import { api, unwrap, type CaseListQuery, type CaseSummary } from '../api/client.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import type { CaseFilters } from '../cases/case-filters.ts';
import { BulkStepDialog, type BulkSelection, type BulkStep } from './BulkStepDialog.tsx';

/** The list's filters as GET /bulk-steps/matching reads them: those of GET /cases, without order and paging. */
export type MatchingQuery = Omit<CaseListQuery, 'sort' | 'limit' | 'cursor'>;

type Props = {
  /** The rows selected on this page (each with the steps the API allows on it). */
  selected: CaseSummary[];
  /** Every row of this page is selected: "all N matching" may be chosen. */
  wholePage: boolean;
  /** The list's filters, as the query string and as a saved view keeps them. */
  matching: { query: MatchingQuery; filters: CaseFilters };
  allMatching: boolean;
  onAllMatching(all: boolean): void;
  /** Selects every row of this page, or none (here rather than in the table's header, which antd also renders hidden). */
  onSelectPage(all: boolean): void;
  onClear(): void;
};

/**
 * What is selected in a case list and the bulk steps it offers: for selected rows, the steps some row's
 * `allowedActions` lists; for "all N matching", those GET /bulk-steps/matching says the cases' statuses allow.
 */
export function BulkStepBar({ selected, wholePage, matching, allMatching, onAllMatching, onSelectPage, onClear }: Props) {
  const { t } = useI18n();
  const label = useLabel();
  const [step, setStep] = useState<BulkStep>();
  const preview = useQuery({
    queryKey: ['bulk-matching', matching.query],
    enabled: wholePage || allMatching,
    queryFn: async () => unwrap(await api.GET('/bulk-steps/matching', { params: { query: matching.query } })),
  });
  const pageBox = (
    <Checkbox checked={wholePage || allMatching} onChange={(event) => onSelectPage(event.target.checked)}>
      {t('bulk.selectPage')}
    </Checkbox>
  );
  if (selected.length === 0 && !allMatching) return <div style={{ marginBottom: 12 }}>{pageBox}</div>;

  const count = allMatching ? (preview.data?.count ?? 0) : selected.length;
  const tooMany = allMatching && preview.data !== undefined && preview.data.count > preview.data.max;
  const steps = allMatching
    ? (preview.data?.steps ?? [])
    : BULK_STEPS.filter((candidate) => selected.some((row) => row.allowedActions.includes(candidate)));
  const selection: BulkSelection = allMatching ? { matching: matching.filters } : { caseIds: selected.map((row) => row.id) };

  return (
    <Space wrap style={{ marginBottom: 12 }} role="region" aria-label={t('bulk.menu')}>
      {pageBox}
      <Typography.Text strong>{allMatching ? t('bulk.allMatching', { count }) : t('bulk.selected', { count })}</Typography.Text>
      {!allMatching && wholePage && preview.data && preview.data.count > selected.length && (
        <Button type="link" onClick={() => onAllMatching(true)}>
          {t('bulk.selectAllMatching', { count: preview.data.count })}
        </Button>
      )}
      <Dropdown
        disabled={steps.length === 0 || tooMany}
        menu={{ items: steps.map((key) => ({ key, label: label('step', key) })), onClick: ({ key }) => setStep(key as BulkStep) }}
      >
        <Button type="primary">{t('bulk.menu')}</Button>
      </Dropdown>
      <Button onClick={onClear}>{t('bulk.clear')}</Button>
      {steps.length === 0 && !preview.isPending && <Typography.Text type="secondary">{t('bulk.noSteps')}</Typography.Text>}
      {tooMany && preview.data && (
        <Alert type="warning" showIcon title={t('bulk.tooMany', { count: preview.data.count, max: preview.data.max })} />
      )}
      {step && <BulkStepDialog step={step} selection={selection} count={count} onClose={() => setStep(undefined)} />}
    </Space>
  );
}
