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

  it('shows the first-run setup form', async () => {
    await page.goto(`${rig.server.url}/#/setup`);
    await page.getByRole('heading', { name: 'Set up tracktwo' }).waitFor();
    await page.getByRole('button', { name: 'Create administrator' }).click();
    await page.getByText('Enter your name.').first().waitFor();
    await screenshot(page, 'setup');
  });
});
