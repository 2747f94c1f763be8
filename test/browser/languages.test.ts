import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';
import en from '../../web/src/i18n/locales/en.js';
import ar from '../../web/src/i18n/locales/ar.js';
import he from '../../web/src/i18n/locales/he.js';

/**
 * Arabic and Hebrew on a 360 px phone, every main page: sign-in, home, initiative, network map, the
 * dialogue participant page, its results, evidence and a meeting. Each renders right to left, shows no
 * raw key and no English sentence of the catalogue in its own words (user content, isolated, aside),
 * isolates mixed text (bdi, dir="auto", U+2068…U+2069), fits the phone, and logs no console error.
 */

let rig: BrowserRig;
let fixture: DemoFixture;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];

const url = (path: string) => `${rig.server.url}/#${path}`;

function entries(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, inner]) =>
    entries(inner, prefix ? `${prefix}.${key}` : key),
  );
}

const catalogues = { ar, he };
const englishKeys = entries(en).map(([key]) => key);

/**
 * The English the chrome must not show in a language: each English text's fixed parts (between the
 * {{variables}}) of 14 characters or more, where the language's own text differs.
 */
function englishFragments(language: keyof typeof catalogues): string[] {
  const own = new Map(entries(catalogues[language]));
  return entries(en)
    .filter(([key, text]) => own.get(key) !== text)
    .flatMap(([, text]) => text.split(/\{\{[^}]+\}\}/))
    .map((part) => part.trim())
    .filter((part) => part.length >= 14);
}

async function phonePage(language: string): Promise<Page> {
  const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
  contexts.push(context);
  await context.addInitScript((code) => window.localStorage.setItem('tracktwo.language', code), language);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${language}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${language}: ${error.message}`));
  return page;
}

/** Waits until the page has its heading and nothing is loading any more. */
async function settled(page: Page, loading: string) {
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction((text) => !document.body.innerText.includes(text), loading);
}

interface Reading {
  dir: string;
  lang: string;
  scrollWidth: number;
  /** The chrome's text: the page without the user content it isolates. */
  chrome: string;
  isolated: number;
  isolates: number;
  /** What sticks out of the phone's width, to name in a failure. */
  overflowing: string[];
}

function read(page: Page): Promise<Reading> {
  return page.evaluate(() => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const node of clone.querySelectorAll('bdi, [dir=auto], script, style')) node.remove();
    const text = document.body.textContent ?? '';
    return {
      dir: document.documentElement.dir,
      lang: document.documentElement.lang,
      scrollWidth: document.documentElement.scrollWidth,
      chrome: clone.textContent ?? '',
      isolated: document.querySelectorAll('bdi, [dir=auto], option[lang][dir]').length,
      isolates: [...text].filter((char) => char === '\u2068').length,
      // Boxes whose content spills out of them (not scrolling boxes such as a wide table's wrapper).
      overflowing: [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        .filter((el) => getComputedStyle(el).overflowX === 'visible')
        .slice(0, 8)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}/${el.clientWidth}`),
    };
  });
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await rig?.close();
});

describe.each([
  { language: 'ar' as const, loading: ar.common!.loading!, signIn: ar.auth!.signInTitle! },
  { language: 'he' as const, loading: he.common!.loading!, signIn: he.auth!.signInTitle! },
])('right to left in $language', ({ language, loading, signIn }) => {
  const english = englishFragments(language);
  let page: Page;
  const measured: Record<string, Reading> = {};

  async function check(name: string, options: { interpolated?: boolean } = {}) {
    await settled(page, loading);
    const reading = await read(page);
    measured[name] = reading;
    await screenshot(page, `languages-${language}-${name}`);
    expect(reading.dir, name).toBe('rtl');
    expect(reading.lang, name).toBe(language);
    for (const key of englishKeys) expect(reading.chrome, `${name}: raw key ${key}`).not.toContain(key);
    expect(reading.chrome, name).not.toMatch(/TT_ERR_/);
    for (const fragment of english) expect(reading.chrome, `${name}: English left`).not.toContain(fragment);
    expect(reading.isolated, `${name}: isolated elements`).toBeGreaterThan(0);
    if (options.interpolated) expect(reading.isolates, `${name}: isolated values`).toBeGreaterThan(0);
    expect(reading.scrollWidth, `${name}: width (${reading.overflowing.join(', ')})`).toBeLessThanOrEqual(
      360,
    );
  }

  it('the sign-in page', async () => {
    page = await phonePage(language);
    await page.goto(rig.server.url);
    await page.getByRole('heading', { name: signIn }).waitFor();
    await check('sign-in');
    await page.locator('input[type=email]').fill(fixture.admin.email);
    await page.locator('input[type=password]').fill(fixture.admin.password);
    await page.locator('form button[type=submit]').click();
    await page.waitForFunction(() => !document.querySelector('input[type=password]'));
  });

  it('home, the workspace and the initiative', async () => {
    await page.goto(url('/'));
    await check('home');
    await page.goto(url(`/w/${fixture.demo.workspaceId}`));
    await check('workspace');
    await page.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}`));
    await check('initiative');
  });

  it('the network map, its names isolated inside the sentences', async () => {
    await page.goto(url(`/w/${fixture.demo.workspaceId}/map`));
    // The map draws on a canvas once the layout is done; the panels beside it come with it.
    await page
      .getByTestId('network-map')
      .locator('canvas')
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForFunction((text) => !document.body.innerText.includes(text), ar.map!.loading!);
    await page.waitForFunction((text) => !document.body.innerText.includes(text), he.map!.loading!);
    await check('map', { interpolated: true });
  });

  it('the dialogue participant page and its results', async () => {
    await page.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}`));
    await settled(page, loading);
    const href = await page
      .locator('a[href*="/dialogues/"]:not([href$="/results"]):not([href$="/invite"])')
      .first()
      .getAttribute('href');
    expect(href).toMatch(/\/dialogues\/[0-9a-f-]{36}$/);
    const dialoguePath = href!.replace(/^#/, '');
    await page.goto(url(dialoguePath));
    await page.locator('.statement-card, .notice').first().waitFor();
    await check('dialogue', { interpolated: true });
    await page.goto(url(`${dialoguePath}/results`));
    await check('results', { interpolated: true });
  });

  it('evidence and a meeting', async () => {
    await page.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}/evidence`));
    await check('evidence');
    await page.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}/meetings`));
    await settled(page, loading);
    const meeting = await page.locator('a[href*="/meetings/"]').first().getAttribute('href');
    expect(meeting).toBeTruthy();
    await page.goto(url(meeting!.replace(/^#/, '')));
    await check('meeting');
  });

  it('measured every page narrower than the phone', () => {
    const widths = Object.fromEntries(Object.entries(measured).map(([name, r]) => [name, r.scrollWidth]));
    console.log(`${language} widths:`, JSON.stringify(widths));
    expect(Object.keys(widths)).toHaveLength(9);
  });
});

describe('console', () => {
  it('logged no console error in either language', () => {
    expect(consoleErrors).toEqual([]);
  });
});
