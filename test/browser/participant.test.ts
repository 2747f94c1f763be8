import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture, type Person } from './support/demo-fixture.js';
import { seriousViolations } from './support/axe.js';
import { measureScriptsAndStyles } from './support/transfer-size.js';

/** The participant's first load (JS + CSS, gzipped) must stay under this on a slow phone connection. */
const PARTICIPANT_BUDGET = 150 * 1024;

let rig: BrowserRig;
let fixture: DemoFixture;
let phone: BrowserContext;
let page: Page;

async function signIn(target: Page, person: Person): Promise<void> {
  await target.goto(rig.server.url);
  await target.getByLabel('Email').fill(person.email);
  await target.getByLabel('Password').fill(person.password);
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.getByRole('button', { name: 'Sign out' }).waitFor();
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  phone = await rig.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  page = await phone.newPage();
  await signIn(page, fixture.dialogueParticipant);
});

afterAll(async () => {
  await phone?.close();
  await rig?.close();
});

function dialoguePath(initiativeId: string): string {
  // No dialogue exists until the deliberation routes land; the page itself loads all it needs.
  return `/#/i/${initiativeId}/dialogues/00000000-0000-4000-8000-000000000000`;
}

describe('the participant on a phone', () => {
  it('sees their initiative on the home page, and no workspace', async () => {
    await page.getByRole('heading', { name: 'Your work' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Workspaces' }).count()).toBe(0);
    expect(await page.locator('.card').count()).toBe(1);
    await screenshot(page, 'participant-home');
  });

  it('loads the dialogue page under 150 KB of gzipped JS and CSS', async () => {
    // A fresh context: nothing cached, as on the participant's first visit.
    const fresh = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    await fresh.addCookies(await phone.cookies());
    const first = await fresh.newPage();
    const size = await measureScriptsAndStyles(first, async () => {
      await first.goto(`${rig.server.url}${dialoguePath(fixture.demo.initiativeIds.dialogue)}`);
      await first.getByRole('heading', { name: 'Dialogue' }).waitFor();
      await first.waitForLoadState('networkidle');
    });
    await fresh.close();
    for (const file of size.files)
      console.log(`  ${file.url.replace(rig.server.url, '')}: ${file.gzipped} B gzipped`);
    console.log(
      `participant dialogue page: ${size.files.length} JS/CSS files, ${(size.gzippedTotal / 1024).toFixed(1)} KB gzipped`,
    );
    expect(size.files.some((file) => file.url.includes('/assets/dialogue-'))).toBe(true);
    expect(size.files.some((file) => /sigma|network-map|graphology/.test(file.url))).toBe(false);
    expect(size.gzippedTotal).toBeLessThan(PARTICIPANT_BUDGET);
  });

  it('fits a 360 px wide screen without sideways scrolling, and has no serious accessibility violation', async () => {
    await page.goto(`${rig.server.url}${dialoguePath(fixture.demo.initiativeIds.dialogue)}`);
    await page.getByRole('heading', { name: 'Dialogue' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dialogue');
  });

  it('reads the dialogue page right to left in Arabic', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'الحوار' }).waitFor();
    const direction = await page.evaluate(
      () => getComputedStyle(document.querySelector('main h1')!).direction,
    );
    expect(direction).toBe('rtl');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'dialogue-ar');
    await page.getByLabel('اللغة').selectOption('en');
    await page.waitForFunction(() => document.documentElement.dir === 'ltr');
  });
});
