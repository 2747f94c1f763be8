import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { totpCode } from '../../src/security/totp.js';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';

let rig: BrowserRig;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];
const admin = { name: 'Tove Two', email: 'tove@example.org', password: 'correct horse battery staple' };
let secret = '';
let workspaceUrl = '';
let recoveryCodes: string[] = [];

/** A page wider than the phone's screen scrolls sideways: what a 360 px layout must not do. */
const overflows = () =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

beforeAll(async () => {
  rig = await startRig();
  // A phone: 360 px wide.
  context = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
  page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
});

afterAll(async () => {
  await context?.close();
  await rig?.close();
});

describe('two-factor sign-in in the browser (360 px)', () => {
  it('enrols an authenticator app on the account page and shows the recovery codes once', async () => {
    await page.goto(`${rig.server.url}/#/setup`);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Password again').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL(/#\/w\/[0-9a-f-]{36}$/);
    workspaceUrl = page.url();
    // Without a second factor of their own, the administrator cannot require one of others: said in words.
    await page.getByRole('button', { name: 'Require a second factor' }).click();
    await page.getByText('This workspace asks everyone who sees names to use a second factor').waitFor();
    await page.getByRole('link', { name: 'Set up a second factor on your account page' }).click();
    await page.getByRole('heading', { name: 'Security: second factor' }).waitFor();
    await page.getByText('Your account has no second factor yet.').waitFor();
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(await overflows()).toBe(false);
    await screenshot(page, 'second-factor-enrol-360');

    // A wrong code is refused in words.
    await page.getByLabel('The six-digit code the app now shows').fill('000000');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('That code or passkey was not accepted').waitFor();

    await page.getByLabel('The six-digit code the app now shows').fill(await totpCode(secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect(await codes.locator('li').count()).toBe(10);
    recoveryCodes = (await codes.locator('li').allInnerTexts()).map((text) => text.trim());
    await screenshot(page, 'second-factor-recovery-codes-360');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('Your account has a second factor.').waitFor();
    expect(await page.getByTestId('recovery-codes').count()).toBe(0);
  });

  it('signs in in two steps: password, then a code from the app', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Second step' }).waitFor();
    // No session yet.
    expect((await context.cookies()).find((cookie) => cookie.name === 'tt_session')).toBeUndefined();
    expect(await overflows()).toBe(false);
    await screenshot(page, 'second-factor-sign-in-360');

    // The next time step's code: the step that confirmed the app was used and cannot be replayed.
    const next = await totpCode(secret, { at: (Math.floor(Date.now() / 30_000) + 1) * 30 });
    await page.getByLabel('Code from the app').fill(next);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    expect((await context.cookies()).find((cookie) => cookie.name === 'tt_session')?.httpOnly).toBe(true);
  });

  it('lets the administrator, now with a second factor, require one in the workspace and release it', async () => {
    await page.goto(workspaceUrl);
    await page.getByRole('button', { name: 'Require a second factor' }).click();
    await page.getByText('must have a second factor to open this workspace').waitFor();
    expect(await overflows()).toBe(false);
    await page.getByRole('button', { name: 'Stop requiring it' }).click();
    await page.getByText('A second factor is not required here.').waitFor();
  });

  it('lays the second step out right to left in Arabic', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByLabel('البريد الإلكتروني').fill(admin.email);
    await page.getByLabel('كلمة المرور').fill(admin.password);
    await page.getByRole('button', { name: 'دخول' }).click();
    await page.getByRole('heading', { name: 'الخطوة الثانية' }).waitFor();
    expect(await overflows()).toBe(false);
    await screenshot(page, 'second-factor-sign-in-ar-360');
    await page.getByLabel('Language').or(page.getByLabel('اللغة')).selectOption('en');
  });

  it('adds a passkey and signs in with it (Chromium virtual authenticator)', async () => {
    // A passkey's relying party must be a host name, not an IP address: the same server as localhost.
    const origin = rig.server.url.replace('127.0.0.1', 'localhost');
    const passkeyContext = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    const tab = await passkeyContext.newPage();
    tab.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    const cdp = await passkeyContext.newCDPSession(tab);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
      },
    });
    const signInWithPassword = async () => {
      await tab.goto(origin);
      await tab.getByLabel('Email').fill(admin.email);
      await tab.getByLabel('Password').fill(admin.password);
      await tab.getByRole('button', { name: 'Sign in' }).click();
      await tab.getByRole('heading', { name: 'Second step' }).waitFor();
    };
    await signInWithPassword();
    await tab.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await tab.getByLabel('Recovery code').fill(recoveryCodes[0]);
    await tab.getByRole('button', { name: 'Continue' }).click();
    await tab.getByRole('heading', { name: 'Your work' }).waitFor();

    await tab.goto(`${origin}/#/account`);
    await tab.getByLabel('Name of the new passkey (e.g. "laptop")').fill('Phone');
    await tab.getByRole('button', { name: 'Add a passkey' }).click();
    await tab.locator('li', { hasText: 'Phone' }).waitFor();
    await screenshot(tab, 'second-factor-passkey-360');

    await tab.getByRole('button', { name: 'Sign out' }).click();
    await signInWithPassword();
    await tab.getByRole('button', { name: 'Use a passkey' }).click();
    await tab.getByRole('heading', { name: 'Your work' }).waitFor();
    await passkeyContext.close();
  });

  it('logged no console error', () => {
    // The refused code answers 401 and the refused rule 403 by design; the browser logs those fetches.
    expect(consoleErrors.filter((text) => !/\b(401|403)\b/.test(text))).toEqual([]);
  });
});
