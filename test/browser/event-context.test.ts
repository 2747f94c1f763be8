import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';
import { systemAuth } from '../../src/security/auth.js';
import { importAcled, importUcdp } from '../../src/services/events/index.js';

/** The context view of a conflict on a 360 px phone: the chart, the markers, the coincidence sentence. */

const fixtures = join(import.meta.dirname, '../fixtures/events');
let rig: BrowserRig;
let fixture: DemoFixture;
let phone: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  const ctx = {
    db: rig.server.store.db,
    dialect: 'sqlite' as const,
    keys: rig.server.keys,
    auth: systemAuth('browser test'),
  };
  await importAcled(
    ctx,
    fixture.demo.conflictId,
    readFileSync(join(fixtures, 'acled-somalia-2024.csv'), 'utf8'),
  );
  await importUcdp(
    ctx,
    fixture.demo.conflictId,
    readFileSync(join(fixtures, 'ucdp-ged-somalia-2023.csv'), 'utf8'),
  );
  phone = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await phone.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(rig.server.url);
  await page.getByLabel('Email').fill(fixture.admin.email);
  await page.getByLabel('Password', { exact: true }).fill(fixture.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
});

afterAll(async () => {
  await phone?.close();
  await rig?.close();
});

describe('the context view', () => {
  it('draws fatalities per month with the markers and says it shows coincidence', async () => {
    await page.goto(`${rig.server.url}/#/c/${fixture.demo.conflictId}/context`);
    await page.getByRole('heading', { name: 'Context: the violence around the process' }).waitFor();
    await page.getByText(/It shows coincidence, never causation/).waitFor();
    await page.getByText('18 events, 99 fatalities').waitFor();
    await page.locator('.context-chart canvas').waitFor();
    await page.getByLabel('Area').selectOption('Banadir');
    await page.getByText('4 events, 14 fatalities').waitFor();
    await page.getByLabel('Area').selectOption('');
    await page.getByLabel('Show by').selectOption('violence');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await screenshot(page, 'event-context-phone');
    expect(errors).toEqual([]);
  });

  it('reads right to left in Arabic', async () => {
    await page.evaluate(() => localStorage.setItem('tracktwo.language', 'ar'));
    await page.reload();
    await page.getByRole('heading', { name: 'السياق: العنف المحيط بالعملية' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await screenshot(page, 'event-context-phone-ar');
  });
});
