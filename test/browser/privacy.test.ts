import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture, type Person } from './support/demo-fixture.js';

/**
 * The initiative's "Retention and privacy" page on a 360 px phone: an administrator sets the periods and
 * the precision; a participant reads them with the reason they may not change them; in Arabic the page
 * runs right to left and still fits. No console error anywhere.
 */

let rig: BrowserRig;
let fixture: DemoFixture;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

const url = (path: string) => `${rig.server.url}/#${path}`;

async function phonePage(language?: string): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  contexts.push(context);
  if (language) {
    await context.addInitScript((code) => window.localStorage.setItem('tracktwo.language', code), language);
  }
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return page;
}

/** Signs in whatever the language: the form's own fields, then waits for it to go. */
async function signIn(page: Page, person: Person) {
  await page.goto(rig.server.url);
  await page.locator('input[type=email]').fill(person.email);
  await page.locator('input[type=password]').fill(person.password);
  await page.locator('form button[type=submit]').click();
  await page.waitForFunction(() => !document.querySelector('input[type=password]'));
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await rig?.close();
});

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('retention and privacy settings', () => {
  it('an administrator sets the periods and the precision on a phone, explained in words', async () => {
    const page = await phonePage();
    await signIn(page, fixture.admin);
    await page.goto(url(`/i/${fixture.demo.initiativeIds.council}/privacy`));
    await page.getByRole('heading', { name: 'Retention and privacy' }).waitFor();
    await page.getByText(/30 days later they are deleted for good/).waitFor();
    await page.getByLabel('Attendance lists (who met whom) (Days)').fill('0');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter a whole number of days from 1 to 3650, or choose Keep.').first().waitFor();
    await page.getByLabel('Attendance lists (who met whom) (Days)').fill('365');
    await page.getByLabel('Names and contacts of people (Days)').fill('180');
    await page.getByLabel('Location precision').selectOption('0.1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByText('Kept for 365 days').waitFor();
    expect(await fits(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'privacy-settings-phone');

    await page.goto(url(`/i/${fixture.demo.initiativeIds.council}/meetings`));
    await page.getByText('Places here are stored at: About 10 km (0.1°)').waitFor();
    expect(await fits(page)).toBeLessThanOrEqual(360);
  });

  it('a participant reads the settings and why they may not change them', async () => {
    const page = await phonePage();
    await signIn(page, fixture.councilParticipant);
    await page.goto(url(`/i/${fixture.demo.initiativeIds.council}/privacy`));
    await page
      .getByText(
        'Only the initiative’s conveners and the workspace’s administrators may change these settings.',
      )
      .waitFor();
    expect(await page.getByRole('button', { name: 'Save settings' }).count()).toBe(0);
    expect(await fits(page)).toBeLessThanOrEqual(360);
  });

  it('runs right to left in Arabic and fits a phone', async () => {
    const page = await phonePage('ar');
    await signIn(page, fixture.admin);
    await page.goto(url(`/i/${fixture.demo.initiativeIds.council}/privacy`));
    await page.locator('section.privacy-settings h1').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await fits(page)).toBeLessThanOrEqual(360);
    await screenshot(page, 'privacy-settings-rtl');
  });

  it('logged no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
