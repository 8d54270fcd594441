import { describe, expect, it } from 'vitest';
import { renderCycleNotice } from '../../../activities/cycle/notices.ts';
import { loadConfig } from '../../../lib/config.ts';
import { halfYearWindow } from '../../../lib/half-years.ts';
import { districtDateOf } from '../../../lib/district-time.ts';

describe('cycle mails', () => {
  // A district that set its own deadlines: its units are told those, not the notice's June 26 / December 26.
  const config = loadConfig({ CYCLE_DEADLINE_H1: '06-30', CYCLE_DEADLINE_H2: '12-20' });
  const deadlineOf = (cycle: string) =>
    districtDateOf(
      halfYearWindow(cycle, config.districtTime.utcOffsetMinutes, config.cycles.deadlines).to,
      config.districtTime.utcOffsetMinutes,
    );
  const facts = (cycle: string) => ({ cycle, deadline: deadlineOf(cycle), districtName: 'District OD' });

  it('reminds units of the configured deadline of the half-year', () => {
    const mail = renderCycleNotice({ kind: 'reminder', unitIds: [], workingDaysLeft: 3 }, facts('2026-H1'));
    expect(mail.subject).toBe('Linkage ledger 2026-H1: 3 working day(s) left to submit');
    expect(mail.text).toBe('Your unit has not yet submitted its linkage ledger for 2026-H1. Submit it before 2026-06-30.');
  });

  it('chases late units with the deadline they missed', () => {
    const mail = renderCycleNotice({ kind: 'late', unitIds: [], day: 2 }, facts('2026-H2'));
    expect(mail.subject).toBe('Linkage ledger 2026-H2: OVERDUE (day 2)');
    expect(mail.text).toBe('The linkage ledger for 2026-H2 was due before 2026-12-20 and has not been submitted. Submit it now.');
  });

  it('reads the deadline day in the district, where midnight is the evening before in UTC', () => {
    const deadline = halfYearWindow('2026-H1', 480, { h1: '06-30', h2: '12-20' }).to;
    expect(deadline.toISOString()).toBe('2026-06-29T16:00:00.000Z');
    expect(districtDateOf(deadline, 480)).toBe('2026-06-30');
  });
});
