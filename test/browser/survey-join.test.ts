import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { systemAuth } from '../../src/security/auth.js';
import { addWave, createSurvey } from '../../src/services/surveys/index.js';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
let phone: BrowserContext;
let page: Page;
let surveyId = '';
const consoleErrors: string[] = [];

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
  const { store, keys } = rig.server;
  const ctx = { db: store.db, dialect: store.dialect, keys, auth: systemAuth('browser test') };
  const survey = await createSurvey(ctx, {
    initiative_id: fixture.demo.initiativeIds.dialogue,
    title: 'How do you see the other side?',
    instruments: [{ library: 'feeling-thermometer' }],
    out_groups: ['Highlanders', 'Valley people'],
    languages: ['en', 'fr', 'ar'],
  });
  surveyId = survey.id;
  await addWave(ctx, survey.id, {
    kind: 'baseline',
    opens_on: '2020-01-01',
    closes_on: '2099-12-31',
    after_meeting_id: null,
  });
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

describe('a survey answered by its open link', () => {
  it('the convener makes the link, sees its QR code and prints the sheet', async () => {
    await desk.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}/surveys/${surveyId}`);
    await desk.getByRole('heading', { name: 'Open link for the room' }).waitFor();
    await desk.getByRole('button', { name: 'Make an open link' }).click();
    joinUrl = await desk.getByLabel('Survey link').inputValue();
    expect(joinUrl).toMatch(new RegExp(`^${rig.server.url}/p/#/survey-join/[A-Za-z0-9_-]{22}$`));
    await desk.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('.join-link img.qr-code');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await desk.getByRole('link', { name: 'Print sheet' }).click();
    await desk.getByRole('heading', { name: 'How do you see the other side?' }).waitFor();
    expect(await desk.locator('.join-sheet .link-text').innerText()).toBe(joinUrl);
    await desk.emulateMedia({ media: 'print' });
    expect(await desk.locator('.app-header').isVisible()).toBe(false);
    expect(await desk.locator('.join-sheet img.qr-code').isVisible()).toBe(true);
    await screenshot(desk, 'survey-join-sheet-print');
    await desk.emulateMedia({ media: 'screen' });
  });

  it('a person on a 360 px phone answers without an account, and comes back as the same respondent', async () => {
    await page.goto(joinUrl);
    await page.getByRole('heading', { name: 'Answer a survey' }).waitFor();
    await page.getByLabel('Your side (optional)').selectOption('Valley people');
    await screenshot(page, 'survey-join-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByRole('button', { name: 'Start the survey' }).click();
    await page.waitForURL(/#\/answer\//);
    const answerUrl = page.url();
    await page.locator('form').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // Back by the same link: straight on to the same answer link.
    await page.goto(joinUrl);
    await page.waitForURL(/#\/answer\//);
    expect(page.url()).toBe(answerUrl);

    const respondents = await rig.server.store.db
      .selectFrom('survey_respondents')
      .selectAll()
      .where('survey_id', '=', surveyId)
      .execute();
    expect(respondents).toHaveLength(1);
    expect(respondents[0]).toMatchObject({ arm: 'comparison', side: 'Valley people' });

    await desk.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}/surveys/${surveyId}`);
    await desk.getByText('1 person has joined by this link.').waitFor();
    expect(consoleErrors).toEqual([]);
  });
});
