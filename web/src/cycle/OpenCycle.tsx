import { useState } from 'react';
import { Alert, Button, Form, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime, useSettings } from '../time.ts';
import { HalfYearSelect } from '../components/HalfYearSelect.tsx';
import { messageOf } from '../forms.ts';

/** The current half-year and how many before it an administrator may pick (a backfill). */
const HALVES_OFFERED = 5;

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
  const current = settings.data?.currentCycle;
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
      <Form<{ cycle: string }> layout="inline" initialValues={{ cycle: current }} onFinish={(values) => void open(values)}>
        <Form.Item label={t('openCycle.halfYear')} name="cycle">
          <HalfYearSelect count={HALVES_OFFERED} style={{ width: 200 }} />
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
