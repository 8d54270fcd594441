import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { NOTICE_DEADLINES } from '../../lib/half-years.ts';
import { TASK_QUEUE, workflowIdForCycle } from '../../workflows/definitions.ts';
import { fileAs } from '../support/case-steps.ts';
import { browserStackFor, capture, pickOption, signIn, zhText } from './support/browser.ts';
import { startTimeSkippingServer } from '../support/time-skipping.ts';

// The half-year runs on the time-skipping test server: the weeks to the deadline pass in a moment.
// The API's clock is fixed in 2099-H1, so the screens show that half-year whatever today's date is.
const CYCLE = '2099-H1';
const DAY = 86_400_000;
let env: TestWorkflowEnvironment;
// Registered before the stack's hooks: vitest runs after-hooks in reverse, so this runs once the stack has stopped.
afterAll(() => env?.teardown());
const stack = browserStackFor(import.meta.filename, async () => {
  env = await startTimeSkippingServer();
  return {
    temporal: { client: env.client, nativeConnection: env.nativeConnection },
    clock: { now: () => new Date('2099-03-02T01:00:00Z') },
  };
});

describe('the half-year ledger, through the UI', () => {
  it('is submitted by a unit, and the district approves the frozen summary', async () => {
    const east = await stack().sys.login('east@ledger.test');
    await fileAs(stack().sys, east, { title: '半年台账：社区活动室漏雨' });
    const now = await env.currentTimeMs();
    await env.client.workflow.start('districtCycleWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdForCycle(CYCLE, seedId('DIST')),
      args: [
        {
          cycle: CYCLE,
          districtId: seedId('DIST'),
          opensAt: new Date(now).toISOString(),
          deadlineAt: new Date(now + 30 * DAY).toISOString(),
          reminderWorkingDays: [7, 3, 1],
          reviewFirst: true,
          chaseDays: 1,
          utcOffsetMinutes: 480,
          deadlines: NOTICE_DEADLINES,
        },
      ],
    });
    // The cycle's first activities (open the row, ask who owes appendices) may take seconds on a busy machine.
    await expect
      .poll(async () => (await stack().sys.http.get(`/cycles/${CYCLE}`).set('Authorization', east)).status, { timeout: 30_000 })
      .toBe(200);

    const clerk = await stack().newPage();
    await signIn(clerk, 'east@ledger.test');
    await clerk.goto('/app/half-year');
    await clerk.getByRole('link', { name: '半年台账：社区活动室漏雨' }).waitFor();
    await capture(clerk, 'clerk-half-year');
    await clerk.getByRole('button', { name: zhText('halfYear.submit') }).click();
    await clerk
      .getByRole('tooltip')
      .getByRole('button', { name: zhText('step.confirm') })
      .click();
    // The submission's outcome: the date and count, or the API's refusal (which then names itself in the failure).
    const submitted = clerk.getByText(/已于 .* 报送 1 个问题/);
    await submitted.or(clerk.getByRole('alert')).first().waitFor({ timeout: 30_000 });
    expect(await clerk.getByRole('alert').allInnerTexts()).toEqual([]);
    await submitted.waitFor();
    // The clerk's page lists what the submission carried (the pending list is empty now).
    await clerk.getByRole('heading', { name: zhText('halfYear.submittedCases') }).waitFor();
    await expect.poll(() => clerk.getByRole('link', { name: '半年台账：社区活动室漏雨' }).count()).toBe(1);

    const district = await stack().newPage();
    await signIn(district, 'district@ledger.test');
    await district.goto('/app/cycle');
    await district.getByText(zhText('cycle.onTime'), { exact: true }).first().waitFor();
    // The board names the units that have not submitted yet, and no longer East Street, which has.
    const unitNameOf = async (code: string) =>
      (await stack().sys.db.prisma.orgUnit.findUniqueOrThrow({ where: { id: seedId(code) } })).name;
    const waiting = district.locator('.ant-card', { has: district.getByText(zhText('cycle.waitingUnits'), { exact: true }) });
    await waiting.getByText(await unitNameOf('ST-WEST'), { exact: true }).waitFor();
    expect(await waiting.getByText(await unitNameOf('ST-EAST'), { exact: true }).count()).toBe(0);
    await capture(district, 'district-cycle-open');

    await env.sleep(31 * DAY);
    await district.getByRole('button', { name: zhText('cycle.approve') }).waitFor({ timeout: 20_000 });
    await capture(district, 'district-cycle-review');
    await district.getByLabel(zhText('cycle.note')).fill('同意，转市级协调');
    await district.getByRole('button', { name: zhText('cycle.approve') }).click();
    await district.getByText('审核意见：同意，转市级协调').waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await stack().sys.http.get(`/cycles/${CYCLE}`).set('Authorization', east)).body.forwardedCaseIds.length)
      .toBe(1);
  });

  it('is opened by an administrator from the menu for an earlier half-year, and a second time says it was open already', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page
      .getByRole('navigation', { name: zhText('nav.label') })
      .getByRole('link', { name: zhText('nav.openCycle') })
      .click();
    // The API's clock stands in 2099-H1: the half-year before it is a backfill.
    await pickOption(page, page.locator('main'), zhText('openCycle.halfYear'), '2098年下半年');
    await page.getByRole('button', { name: zhText('openCycle.open') }).click();
    await page.getByRole('status').getByText('2098年下半年的台账报送已开启').waitFor();
    const district = await stack().sys.login('district@ledger.test');
    await expect
      .poll(async () => (await stack().sys.http.get('/cycles/2098-H2').set('Authorization', district)).status, { timeout: 20_000 })
      .toBe(200);
    await page.getByRole('button', { name: zhText('openCycle.open') }).click();
    await page.getByRole('status').getByText('2098年下半年的台账报送此前已开启').waitFor();
    await capture(page, 'admin-open-cycle');
  });
});
