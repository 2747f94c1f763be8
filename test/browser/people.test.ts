import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';
import { seriousViolations } from './support/axe.js';
import { createAccount } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
let phone: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const FACILITATOR = 'new.facilitator@browser.test';
const PASSWORD = 'a passphrase the facilitator chose';

/** Every console error and uncaught error of a page. */
function collectErrors(target: Page): void {
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
}

const fitsThePhone = async (target: Page) =>
  expect(await target.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

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

let invitationUrl = '';

describe('people and invitations', () => {
  it('a workspace administrator invites a facilitator from the People page and gets a link to send', async () => {
    const initiativeId = fixture.demo.initiativeIds.dialogue;
    await desk.goto(`${rig.server.url}/#/i/${initiativeId}`);
    await desk.getByRole('link', { name: 'People' }).click();
    await desk.getByRole('heading', { name: 'People and invitations' }).waitFor();
    // The demo's participants are listed with their roles.
    await desk.getByText(fixture.dialogueParticipant.email).waitFor();
    await desk.getByLabel('Their e-mail address').fill(FACILITATOR);
    await desk.getByLabel('Role', { exact: true }).selectOption('facilitator');
    await desk.getByRole('button', { name: 'Make an invitation link' }).click();
    await desk.getByText(`Invitation link for ${FACILITATOR}`).waitFor();
    invitationUrl = await desk.getByLabel('Invitation link').first().inputValue();
    expect(invitationUrl).toMatch(new RegExp(`^${rig.server.url}/#/invitation/[A-Za-z0-9_-]{43}$`));
    await desk.getByText('waiting').first().waitFor();
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'people-invite');
  });

  it('the facilitator opens the link on a phone, sets a password and lands in the initiative', async () => {
    await page.goto(invitationUrl);
    await page.getByRole('heading', { name: 'Invitation' }).waitFor();
    await page.getByText('as Facilitator').waitFor();
    await page.getByText(FACILITATOR).waitFor();
    await fitsThePhone(page);
    await screenshot(page, 'invitation-phone');
    await page.getByLabel('Your name').fill('Amina Facilitator');
    await page.getByLabel('Choose a password').fill(PASSWORD);
    await page.getByLabel('Password again').fill(PASSWORD);
    await page.getByRole('button', { name: 'Make my account and accept' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    expect(page.url()).toContain(`#/i/${fixture.demo.initiativeIds.dialogue}`);
    await fitsThePhone(page);
    await screenshot(page, 'invitation-accepted-phone');
  });

  it('shows the facilitator only what the role allows: no People page, no research export, no settings', async () => {
    await page.getByRole('link', { name: 'Meetings' }).first().waitFor();
    for (const name of ['People', 'Research export', 'Settings']) {
      expect(await page.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    }
    await page.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}/people`);
    await page.getByText('Your role does not allow this.').first().waitFor();
    await fitsThePhone(page);
    await screenshot(page, 'people-refused-phone');
  });

  it('the administrator sees the facilitator as a member and the invitation as accepted', async () => {
    await desk.reload();
    await desk.getByText('Amina Facilitator', { exact: true }).waitFor();
    await desk.getByText('accepted').first().waitFor();
    // Disabling an account asks first, in words, then signs the facilitator out everywhere.
    const card = desk.locator('li.card', { hasText: FACILITATOR });
    await card.getByRole('button', { name: 'Disable account' }).click();
    await card.getByText('Disable the account of Amina Facilitator?').waitFor();
    await screenshot(desk, 'people-confirm-disable');
    await card.getByRole('group').getByRole('button', { name: 'Disable account' }).click();
    await card.getByText('account disabled').waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await card.getByRole('button', { name: 'Enable account' }).click();
    await card.getByRole('group').getByRole('button', { name: 'Enable account' }).click();
    await card.getByRole('button', { name: 'Disable account' }).waitFor();
    await desk.setViewportSize({ width: 360, height: 740 });
    await fitsThePhone(desk);
    await screenshot(desk, 'people-phone');
    // Right to left in Arabic, on the phone as well.
    await desk.getByLabel('Language').selectOption('ar');
    await desk.waitForFunction(() => document.documentElement.dir === 'rtl');
    await desk.getByRole('heading', { name: 'الأشخاص والدعوات' }).waitFor();
    await desk.getByRole('button', { name: 'إنشاء رابط دعوة' }).waitFor();
    await fitsThePhone(desk);
    expect(await seriousViolations(desk)).toEqual([]);
    await screenshot(desk, 'people-phone-ar');
  });

  it('asks an account signed in with a one-time password for a password of its own first', async () => {
    const oneTime = { email: 'one.time@browser.test', password: 'printed once on the console' };
    await rig.server.store.db.transaction().execute(async (trx) => {
      await createAccount(trx, rig.server.keys, systemAuth('browser test'), {
        ...oneTime,
        displayName: 'One Time',
        mustChangePassword: true,
      });
    });
    const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const fresh = await context.newPage();
    collectErrors(fresh);
    await fresh.goto(rig.server.url);
    await fresh.getByLabel('Email').fill(oneTime.email);
    await fresh.getByLabel('Password').fill(oneTime.password);
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh.getByRole('heading', { name: 'Set your own password' }).waitFor();
    await fitsThePhone(fresh);
    await screenshot(fresh, 'password-change-required-phone');
    await fresh.getByLabel('Current password').fill(oneTime.password);
    await fresh.getByLabel('New password').fill('a passphrase of my very own');
    await fresh.getByLabel('Password again').fill('a passphrase of my very own');
    await fresh.getByRole('button', { name: 'Change password' }).click();
    await fresh.getByRole('heading', { name: 'Set your own password' }).waitFor({ state: 'detached' });
    await fresh.getByRole('button', { name: 'Sign out' }).waitFor();
    await context.close();
  });

  it('leaves no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
