import { Tag } from 'antd';
import type { CaseStatus } from '../api/client.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';

/** Solid colours dark enough for white text at 4.5:1 (antd's light presets fall short of it). */
export const TONE = { info: '#1d4ed8', good: '#15803d', bad: '#c62828', warn: '#b45309', neutral: '#525252' } as const;

const COLORS: Record<CaseStatus, string> = {
  awaiting_submission: TONE.neutral,
  district_review: TONE.info,
  returned_for_info: TONE.warn,
  municipal_coordination: '#6d28d9',
  awaiting_feedback: '#0e7490',
  closed: TONE.good,
  rejected: TONE.neutral,
  merged: TONE.neutral,
};

export function StatusTag({ status }: { status: CaseStatus }) {
  const label = useLabel();
  return <Tag color={COLORS[status]}>{label('status', status)}</Tag>;
}

export function CaseFlags({ urgent, overdue }: { urgent: boolean; overdue: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {urgent && <Tag color="#b42318">{t('case.urgent')}</Tag>}
      {overdue && (
        <Tag color="error" variant="solid">
          {t('case.overdue')}
        </Tag>
      )}
    </>
  );
}
