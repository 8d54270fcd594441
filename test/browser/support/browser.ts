import { once } from 'node:events';
import type { AddressInfo, Server } from 'node:net';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { zh, type MessageKey } from '../../../web/src/i18n/zh.ts';
import { wordOf, type WordGroup } from '../../../web/src/i18n/words.ts';
import type { CaseAction, CaseStatus } from '../../../model/cases/lifecycle.ts';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { startTestSystem, type TestSystem, type TestSystemOptions } from '../../support/system.ts';
import { serveHttp } from '../../../api/http-server.ts';

export const SCREENSHOTS = path.join(import.meta.dirname, '..', 'screenshots');
export const CHROMIUM = '/usr/bin/chromium';

/** The interface text of a message key, in Chinese (the default language the journeys run in). */
export const zhText = (key: MessageKey) => zh[key];
/** The Chinese name the web app shows for a code (a status, a step, a role...), from the glossary. */
export const zhWord = (group: WordGroup, code: string) => wordOf(group, code, 'zh');

export type BrowserStack = {
  sys: TestSystem;
  browser: Browser;
  baseUrl: string;
  /** A fresh browser context (its own storage) at the given width. */
  newPage(width?: number): Promise<Page>;
  stop(): Promise<void>;
};

/**
 * The real system of one test file (its database, worker, SMTP, Temporal namespace) listening on
 * a loopback port and serving the built UI, with Debian's Chromium driven by playwright-core.
 */
export async function startBrowserStack(testFile: string, options: TestSystemOptions = {}): Promise<BrowserStack> {
  const sys = await startTestSystem(testFile, options);
  const server: Server = serveHttp(sys.app, 0, '127.0.0.1');
  await once(server, 'listening');
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // Chromium's sandbox refuses to start as root (CI containers).
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  return {
    sys,
    browser,
    baseUrl,
    async newPage(width = 1280) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, baseURL: baseUrl, acceptDownloads: true });
      context.setDefaultTimeout(15_000);
      return context.newPage();
    },
    async stop() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sys.stop();
    },
  };
}

/** Signs in from the sign-in page; `here` keeps the page the app sent the user to (with its way back). */
export async function signIn(page: Page, email: string, options: { here?: boolean } = {}) {
  if (!options.here) await page.goto('/app/login');
  await page.getByLabel(zhText('auth.email')).fill(email);
  await page.getByLabel(zhText('auth.password'), { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: zhText('auth.signIn') }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/app/login'));
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: zhText('auth.signOut') }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/app/login'));
}

/** axe-core on the page as it is: no serious or critical violation. */
export async function expectAccessible(page: Page, screen: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => ({ screen, id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })),
  ).toEqual([]);
}

/** Saves a full-page screenshot (test/browser/screenshots/<name>.png) after checking the screen with axe. */
export async function capture(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  // Let antd's open/close animations finish: half-faded text would fail the contrast check.
  await page.waitForTimeout(400);
  await expectAccessible(page, name);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Opens a case from a list by its title. */
/**
 * Picks an option of the antd Select labelled `label` inside `scope`, and waits until the Select shows
 * it: a dropdown still closing from the previous pick can take the click, leaving the field empty.
 */
export async function pickOption(page: Page, scope: Locator, label: string, option: string) {
  const item = scope.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
  for (let attempt = 1; ; attempt += 1) {
    await item.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).click();
    try {
      await item.locator('.ant-select-content, .ant-select-selection-item', { hasText: option }).first().waitFor({ timeout: 3000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

export async function openCase(page: Page, title: string) {
  await page.getByRole('link', { name: title }).first().click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(title);
}

/** Clicks a step button on the case page and fills its form: labels -> values. */
export async function takeStep(page: Page, step: CaseAction, fields: Array<[MessageKey, string]>) {
  await page.getByRole('button', { name: zhWord('step', step) }).click();
  const dialog = page.getByRole('dialog');
  for (const [label, value] of fields) await dialog.getByLabel(zhText(label)).fill(value);
  await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Waits until the case page shows the status (the page refreshes itself). */
export async function expectStatus(page: Page, status: CaseStatus) {
  await page
    .getByRole('article')
    .locator('.ant-tag', { hasText: zhWord('status', status) })
    .first()
    .waitFor();
}

/** Fills the filing form (labels in Chinese) with a complete case. */
export async function fillFiling(page: Page, values: { title: string; category: string; location: string; urgent: boolean }) {
  const field = (key: MessageKey) => page.getByLabel(zhText(key), { exact: true });
  await field('case.title').fill(values.title);
  await field('case.category').fill(values.category);
  await field('case.location').fill(values.location);
  if (values.urgent) await field('file.urgent').click();
  await field('case.description').fill('路灯连续一个月不亮，夜间行人不便');
  await field('case.foundOn').fill('2020-01-15');
  await field('case.triedLocally').fill('两次联系供电公司，未解决');
  await field('case.helpNeeded').fill('请市级协调供电公司维修');
  await field('case.reporterName').fill('李伟');
}

/** One stack for the whole test file, reconciled after each test; the getter is valid inside tests. */
export function browserStackFor(testFile: string, options: () => Promise<TestSystemOptions> | TestSystemOptions = () => ({})) {
  let stack: BrowserStack | undefined;
  beforeAll(async () => {
    stack = await startBrowserStack(testFile, await options());
  });
  afterEach(() => stack?.sys.assertReconciled());
  afterAll(() => stack?.stop());
  return () => {
    if (!stack) throw new Error('the browser stack is not started');
    return stack;
  };
}

/** Files a case through the form and returns the case page's path. */
export async function fileViaUi(page: Page, values: Parameters<typeof fillFiling>[1]): Promise<string> {
  await page.goto('/app/cases/new');
  await fillFiling(page, values);
  await page.getByRole('button', { name: zhText('file.submit') }).click();
  await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}
