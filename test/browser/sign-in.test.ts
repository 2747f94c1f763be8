import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { seriousViolations } from './support/axe.js';

let rig: BrowserRig;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  rig = await startRig();
  context = await rig.browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await context?.close();
  await rig?.close();
});

describe('signed out', () => {
  it('shows the sign-in form at the root URL', async () => {
    await page.goto(rig.server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.getByLabel('Password').isVisible()).toBe(true);
    await screenshot(page, 'sign-in');
  });

  it('validates the form before it sends anything', async () => {
    const requests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/auth/login')) requests.push(request.url());
    });
    await page.getByLabel('Email').fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Enter an email address such as name@example.org.').first().waitFor();
    expect(await page.getByLabel('Email').getAttribute('aria-invalid')).toBe('true');
    expect(requests).toEqual([]);
  });

  it('has no serious accessibility violation on the sign-in page', async () => {
    await page.goto(rig.server.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('switches to Arabic, lays the page out right to left, and remembers the choice', async () => {
    await page.goto(rig.server.url);
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { name: 'تسجيل الدخول' }).waitFor();
    await screenshot(page, 'sign-in-ar');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => localStorage.getItem('tracktwo.language'))).toBe('ar');
    await page.getByLabel('اللغة').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });

  it('shows the first-run setup form and checks it before sending', async () => {
    await page.goto(rig.server.url);
    await page.getByRole('link', { name: 'Create the administrator account' }).click();
    await page.getByRole('heading', { name: 'Set up tracktwo' }).waitFor();
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('Enter your name.').first().waitFor();
    await screenshot(page, 'setup');
  });
});

describe('first run and signing in', () => {
  const admin = { name: 'Ada Admin', email: 'ada@example.org', password: 'correct horse battery staple' };

  it('creates the administrator, who lands signed in on the new workspace', async () => {
    await page.goto(`${rig.server.url}/#/setup`);
    await page.getByLabel('Your name').fill(admin.name);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password', { exact: true }).fill(admin.password);
    await page.getByLabel('Password again').fill(admin.password);
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.waitForURL(/#\/w\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('heading', { name: 'Conflicts' }).waitFor();
    await screenshot(page, 'first-run-workspace');
  });

  it('signs out, refuses a wrong password in words, and signs in again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create the administrator account' }).count()).toBe(0);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email or password is wrong.').waitFor();
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    await screenshot(page, 'home');
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'tt_session');
    expect(session?.httpOnly).toBe(true);
  });

  it('creates a read-only API token on the account page, shown once, and revokes it', async () => {
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await page.getByRole('button', { name: 'Create token' }).click();
    await page.getByText('This field is required.').first().waitFor();
    await page.getByLabel('Token name').fill('laptop-cli');
    await page.getByLabel(/Read only/).check();
    await page.getByRole('button', { name: 'Create token' }).click();
    expect(await page.locator('.notice code').innerText()).toMatch(/^tt_/);
    const listed = page.locator('li', { hasText: 'laptop-cli' });
    await listed.waitFor();
    expect(await listed.innerText()).toContain('read only');
    await screenshot(page, 'account');
    await listed.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No token.').waitFor();
  });
});
