import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
let phone: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

/** Every console error and uncaught error of a page (a signed-out page logs none: /api/auth/me answers 200). */
function collectErrors(target: Page): void {
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  desk = await laptop.newPage();
  collectErrors(desk);
  await desk.goto(rig.server.url);
  await desk.getByLabel('Email').fill(fixture.admin.email);
  await desk.getByLabel('Password').fill(fixture.admin.password);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.getByRole('button', { name: 'Sign out' }).waitFor();
  phone = await rig.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  page = await phone.newPage();
  collectErrors(page);
});

afterAll(async () => {
  await phone?.close();
  await laptop?.close();
  await rig?.close();
});

let joinUrl = '';

describe('inviting by link', () => {
  it('the convener opens a dialogue and lands on its link, QR code and print sheet', async () => {
    await desk.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}`);
    await desk.getByRole('heading', { name: 'Open a new dialogue' }).waitFor();
    await desk
      .getByLabel('Prompt (the question put to participants)')
      .fill('How should the wells be shared?');
    await desk.getByLabel('Sides participants may declare').selectOption({ index: 1 });
    await desk
      .getByLabel('Opening statements (one per line)')
      .fill('Every village keeps one well open to all.\nThe elders set the hours together.');
    await desk.getByRole('button', { name: 'Open the dialogue' }).click();
    await desk.getByRole('heading', { name: 'Invite participants' }).waitFor();
    joinUrl = await desk.getByLabel('Join link').inputValue();
    expect(joinUrl).toMatch(new RegExp(`^${rig.server.url}/p/#/join/[A-Za-z0-9_-]{22}$`));
    await desk.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.qr-code');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await screenshot(desk, 'join-invite');

    await desk.getByRole('link', { name: 'Print sheet' }).click();
    await desk.getByRole('heading', { name: 'How should the wells be shared?' }).waitFor();
    expect(await desk.locator('.join-sheet .link-text').innerText()).toBe(joinUrl);
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.locator('.app-header').isVisible()).toBe(false);
    expect(await desk.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(await desk.locator('.join-sheet img.qr-code').isVisible()).toBe(true);
    await screenshot(desk, 'join-sheet-print');
    await desk.emulateMedia({ media: 'screen' });
    // The sheet speaks to the room: in Arabic it reads right to left.
    await desk.getByLabel('Language').selectOption('ar');
    await desk.waitForFunction(() => document.documentElement.dir === 'rtl');
    await desk.getByText('امسح الرمز بكاميرا هاتفك، أو اكتب العنوان.').waitFor();
    await screenshot(desk, 'join-sheet-ar');
    await desk.getByLabel('اللغة').selectOption('en');
    await desk.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  it('the convener makes personal links, shown once with their QR codes', async () => {
    await desk.getByRole('link', { name: 'Back to the invitations' }).click();
    await desk
      .getByLabel('Invitees (one pseudonym per line)')
      .fill('Elder of the hills\nTrader of the coast');
    await desk.getByRole('button', { name: 'Make personal links' }).click();
    await desk.getByRole('heading', { name: 'New personal links' }).waitFor();
    expect(await desk.locator('.personal-sheet li').count()).toBe(2);
    expect(await desk.locator('.personal-sheet').innerText()).toContain('Trader of the coast');
    await desk
      .locator('.card', { hasText: 'Trader of the coast' })
      .getByRole('button', { name: 'Withdraw' })
      .click();
    await desk.locator('.card', { hasText: 'Trader of the coast' }).getByText('Withdrawn').waitFor();
  });

  it('a participant on a 360 px phone joins without an account, declares a side and votes', async () => {
    await page.goto(joinUrl);
    await page.getByRole('heading', { name: 'Join the dialogue' }).waitFor();
    await page.getByText('How should the wells be shared?').waitFor();
    const side = page.getByLabel(/Your side/);
    await side.selectOption({ index: 2 });
    const chosen = await side.inputValue();
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByRole('heading', { name: 'Dialogue' }).waitFor();
    await page.locator('.statement-card').waitFor();
    expect(await page.getByLabel(/Your side/).inputValue()).toBe(chosen);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await page.getByText('Statement 2 of 2').waitFor();
    await screenshot(page, 'join-phone-voting');

    // Nobody signed in: the device holds the participant token, not a session.
    expect((await phone.cookies()).some((cookie) => cookie.name === 'tt_session')).toBe(false);
    await page.reload();
    await page.locator('.statement-card').waitFor();
    expect(await page.getByLabel(/Your side/).inputValue()).toBe(chosen);
    await page.getByText('Statement 2 of 2').waitFor();
    await screenshot(page, 'join-phone-back');
  });

  it('remembers a side changed later, and the language, on that device', async () => {
    const side = page.getByLabel(/Your side/);
    await side.selectOption({ index: 1 });
    await page.getByText('Saved.').waitFor();
    const chosen = await side.inputValue();
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.locator('.statement-card').waitFor();
    expect(await page.locator('select').last().inputValue()).toBe(chosen);
    await screenshot(page, 'join-phone-ar');
    await page.getByLabel('اللغة').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  it('logs no console error on any page of the journey', () => {
    expect(consoleErrors).toEqual([]);
  });
});
