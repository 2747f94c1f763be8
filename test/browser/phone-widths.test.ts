import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';
import { languages } from '../../web/src/i18n/index.js';
import { surveyLanguages } from '../../src/domain/survey-values.js';

/**
 * Every language registered in web/src/i18n/index.ts, on a 360 px phone: the signed-out pages, the
 * participant's join and dialogue pages, a survey answer page and the convener's main pages are no wider
 * than the screen (document scrollWidth <= 360) and log no console error. One screenshot per page and
 * language in test-results/screens/phone-<language>-<page>.png.
 */

const width = 360;
let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
const consoleErrors: string[] = [];
const tooWide: string[] = [];
let joinPath = '';
let dialoguePath = '';
let answerPath = '';

function collectErrors(target: Page, language: string): void {
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    consoleErrors.push(`${language} ${target.url()}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`${language} page error: ${error.message}`));
}

/** A JSON call from inside the signed-in page, as the app makes it (same origin, the session cookie). */
async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([verb, url, payload]) => {
      const response = await fetch(url as string, {
        method: verb as string,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      if (!response.ok)
        throw new Error(`${String(verb)} ${String(url)}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/** A phone in one language: the choice is remembered on the device as the language picker does it. */
async function phoneIn(browser: Browser, language: string, signedIn: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width, height: 740 },
    isMobile: true,
    hasTouch: true,
    ...(signedIn ? { storageState: await laptop.storageState() } : {}),
  });
  await context.addInitScript((code) => window.localStorage.setItem('tracktwo.language', code), language);
  return context;
}

/** Opens a page, waits until it has loaded what it shows, and records it when it is wider than the phone. */
async function check(
  page: Page,
  language: string,
  name: string,
  path: string,
  ready?: string,
): Promise<void> {
  await page.goto(`${rig.server.url}${path}`);
  await page.waitForFunction((code) => document.documentElement.lang === code, language);
  await page
    .locator(ready ?? 'main h1')
    .first()
    .waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelectorAll('.state-loading').length === 0);
  await measure(page, language, name);
}

async function measure(page: Page, language: string, name: string): Promise<void> {
  const found = await page.evaluate((limit) => {
    const scrollWidth = document.documentElement.scrollWidth;
    const culprits: string[] = [];
    if (scrollWidth > limit) {
      for (const element of document.querySelectorAll<HTMLElement>('body *')) {
        const box = element.getBoundingClientRect();
        if (box.right > limit + 0.5 && box.width > 0 && culprits.length < 4) {
          const classes = typeof element.className === 'string' ? element.className.trim().split(/\s+/) : [];
          culprits.push(
            `${element.tagName.toLowerCase()}${classes.map((c) => (c ? `.${c}` : '')).join('')}→${Math.round(box.right)}`,
          );
        }
      }
    }
    return { scrollWidth, culprits };
  }, width);
  await screenshot(page, `phone-${language}-${name}`);
  if (found.scrollWidth > width)
    tooWide.push(`${language} ${name}: ${found.scrollWidth}px (${found.culprits.join(', ')})`);
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  desk = await laptop.newPage();
  collectErrors(desk, 'en');
  await desk.goto(rig.server.url);
  await desk.getByLabel('Email').fill(fixture.admin.email);
  await desk.getByLabel('Password').fill(fixture.admin.password);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.getByRole('button', { name: 'Sign out' }).waitFor();

  // An open dialogue with a join link, and a survey wave open today with one answer link.
  const initiativeId = fixture.demo.initiativeIds.dialogue;
  const created = await api<{ id: string }>(desk, 'POST', `/api/initiatives/${initiativeId}/dialogues`, {
    prompt: 'Comment partager les puits entre les villages de la vallée et ceux des collines ?',
    divide_id: null,
    strict_moderation: false,
    statements: [
      'Chaque village garde un puits ouvert à tous, jour et nuit, sans exception aucune.',
      'Les anciens fixent ensemble les heures.',
    ],
    join: 'open',
  });
  const dialogue = await api<{ join_url: string }>(desk, 'GET', `/api/dialogues/${created.id}`);
  joinPath = dialogue.join_url.startsWith('/') ? dialogue.join_url : `/${dialogue.join_url}`;
  dialoguePath = `/#/i/${initiativeId}/dialogues/${created.id}`;

  const council = fixture.demo.initiativeIds.council;
  const existing = await api<{ items: { out_groups: string[] }[] }>(
    desk,
    'GET',
    `/api/initiatives/${council}/surveys`,
  );
  const survey = await api<{ id: string }>(desk, 'POST', '/api/surveys', {
    initiative_id: council,
    title: 'Phone widths',
    instruments: [{ library: 'feeling-thermometer' }, { library: 'outgroup-trust' }],
    out_groups: existing.items[0].out_groups,
    // Asked in every language a survey has, so that each phone gets the form in its own where it can.
    languages: [...surveyLanguages],
  });
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const wave = await api<{ id: string }>(desk, 'POST', `/api/surveys/${survey.id}/waves`, {
    kind: 'baseline',
    opens_on: day(-1),
    closes_on: day(30),
  });
  await api(desk, 'POST', `/api/surveys/${survey.id}/respondents`, {
    respondents: [{ arm: 'comparison', pseudonym: 'phone-widths' }],
  });
  const links = await api<{ items: { token: string }[] }>(
    desk,
    'POST',
    `/api/surveys/${survey.id}/waves/${wave.id}/links`,
    {},
  );
  answerPath = `/#/answer/${survey.id}/${wave.id}/${links.items[0].token}`;
}, 300_000);

afterAll(async () => {
  await laptop?.close();
  await rig?.close();
});

describe('every page holds on a 360 px phone in every language', () => {
  for (const { code } of languages) {
    it(`${code}: signed out, participant, answer and convener pages`, async () => {
      const out = await phoneIn(rig.browser, code, false);
      const page = await out.newPage();
      collectErrors(page, code);
      await check(page, code, 'sign-in', '/#/', 'form');
      await check(page, code, 'setup', '/#/setup', 'main');
      await check(page, code, 'join', joinPath, '.join-sheet, main button.primary');
      await page.locator('main button.primary').first().click();
      await page.locator('.statement-card').waitFor();
      await page.waitForLoadState('networkidle');
      await measure(page, code, 'dialogue-voting');
      await check(page, code, 'answer', answerPath, 'main form, main .state-error');
      await out.close();

      const convener = await phoneIn(rig.browser, code, true);
      const phone = await convener.newPage();
      collectErrors(phone, code);
      const { workspaceId, initiativeIds } = fixture.demo;
      const pages: [string, string][] = [
        ['home', '/#/'],
        ['workspace', `/#/w/${workspaceId}`],
        ['actors', `/#/w/${workspaceId}/actors`],
        ['map', `/#/w/${workspaceId}/map`],
        ['initiative', `/#/i/${initiativeIds.dialogue}`],
        ['dialogue', dialoguePath],
        ['results', `${dialoguePath}/results`],
        ['invite', `${dialoguePath}/invite`],
        ['sheet', `${dialoguePath}/sheet`],
        ['meetings', `/#/i/${initiativeIds.council}/meetings`],
        ['surveys', `/#/i/${initiativeIds.council}/surveys`],
        ['evidence', `/#/i/${initiativeIds.council}/evidence`],
        ['account', '/#/account'],
      ];
      for (const [name, path] of pages) await check(phone, code, name, path);
      await convener.close();
    }, 600_000);
  }

  it('the QR sheet is printed in the language chosen for the room, and its link opens the page in it', async () => {
    await desk.goto(`${rig.server.url}${dialoguePath}/sheet`);
    await desk.getByLabel('Print the sheet in').selectOption('so');
    await desk.getByText('Ku sawir koodhka kamaradda taleefankaaga, ama qor cinwaanka.').waitFor();
    expect(await desk.locator('.sheet-body').getAttribute('lang')).toBe('so');
    // The convener's own screen stays in their language.
    expect(await desk.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await desk.getByRole('button', { name: 'Print' }).isVisible()).toBe(true);
    await screenshot(desk, 'sheet-in-somali');

    const fresh = await rig.browser.newContext({ viewport: { width, height: 740 } });
    const page = await fresh.newPage();
    collectErrors(page, 'sw');
    const [path, hash] = joinPath.split('#');
    await page.goto(`${rig.server.url}${path}?lang=sw#${hash}`);
    await page.getByRole('heading', { name: 'Jiunge na mazungumzo' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sw');
    await fresh.close();
  });

  it('no page is wider than the phone', () => {
    expect(tooWide).toEqual([]);
  });

  it('no page logs a console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
