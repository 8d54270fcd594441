import { useState } from 'react';
import { Alert, Button, Form, Select, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime, useSettings } from '../time.ts';
import { halfYearParts } from '../date-words.ts';
import { messageOf } from '../forms.ts';

/** How many half-years before the current one an administrator may pick (a backfill). */
const EARLIER_HALVES = 4;

/** The current half-year and the ones before it, newest first ('2026-H2', '2026-H1', '2025-H2', …). */
function recentHalves(current: string): string[] {
  const parts = halfYearParts(current);
  if (!parts) return [];
  const halves: string[] = [];
  let year = Number(parts.year);
  let half = parts.half;
  for (let i = 0; i <= EARLIER_HALVES; i++) {
    halves.push(`${year}-${half}`);
    if (half === 'H2') half = 'H1';
    else [year, half] = [year - 1, 'H2'];
  }
  return halves;
}

/**
 * An administrator opens a half-year's ledger cycles now (the Schedule does it on the opening date; an
 * earlier half-year is a backfill). The API does it and says which districts it started and which were
 * open already; its refusals show as it words them.
 */
export default function OpenCycle() {
  const { t } = useI18n();
  const time = useDistrictTime();
  const settings = useSettings();
  // The shell shows a screen once the settings are there: the current half-year is known at mount.
  const halves = recentHalves(settings.data?.currentCycle ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ type: 'success' | 'info' | 'error'; text: string }>();
  const open = async ({ cycle }: { cycle: string }) => {
    setBusy(true);
    setOutcome(undefined);
    try {
      const opened = unwrap(await api.POST('/cycles/{cycle}/open', { params: { path: { cycle } } }));
      const words = { cycle: time.halfYear(cycle), started: opened.started.length, already: opened.alreadyOpened.length };
      setOutcome(
        opened.started.length > 0
          ? { type: 'success', text: t('openCycle.started', words) }
          : { type: 'info', text: t('openCycle.alreadyOpened', words) },
      );
    } catch (error) {
      setOutcome({ type: 'error', text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="open-cycle-title">
      <Typography.Title level={1} id="open-cycle-title" style={{ fontSize: 22 }}>
        {t('nav.openCycle')}
      </Typography.Title>
      <Typography.Paragraph>{t('openCycle.explain')}</Typography.Paragraph>
      <Form<{ cycle: string }> layout="inline" initialValues={{ cycle: halves[0] }} onFinish={(values) => void open(values)}>
        <Form.Item label={t('openCycle.halfYear')} name="cycle">
          <Select style={{ width: 200 }} options={halves.map((code) => ({ value: code, label: time.halfYear(code) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('openCycle.open')}
        </Button>
      </Form>
      {outcome && (
        <Alert type={outcome.type} role={outcome.type === 'error' ? 'alert' : 'status'} title={outcome.text} style={{ marginTop: 12 }} />
      )}
    </section>
  );
}
