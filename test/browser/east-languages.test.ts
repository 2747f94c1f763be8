import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { systemAuth } from '../../src/security/auth.js';
import { addWave, createSurvey, createSurveyJoinLink } from '../../src/services/surveys/index.js';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';
import en, { type Messages } from '../../web/src/i18n/locales/en.js';
import fr from '../../web/src/i18n/locales/fr.js';
import so from '../../web/src/i18n/locales/so.js';
import sw from '../../web/src/i18n/locales/sw.js';
import ln from '../../web/src/i18n/locales/ln.js';

/**
 * Somali, Swahili and Lingala (and French, whose long words overflowed too) on a 360 px phone: a
 * participant joins a dialogue by its link, declares a side and votes on every statement. The page never
 * grows wider than the phone, the three vote buttons stay whole and full-sized, and none of the English
 * chrome of the participant's pages shows through.
 */
const PHONE = 360;
// The catalogues are complete (the completeness test holds them so); typed as such for the checks below.
const catalogues: [string, Messages][] = [
  ['so', so as Messages],
  ['sw', sw as Messages],
  ['ln', ln as Messages],
  ['fr', fr],
];

/**
 * The chrome a participant meets on the join and dialogue pages. None of it may show in English in another
 * language, except a word the language writes the same way (French "Dialogue").
 */
const chrome: ((messages: Messages) => string)[] = [
  (m) => m.app.skip,
  (m) => m.app.language,
  (m) => m.dialogue.joinTitle,
  (m) => m.dialogue.joinIntro,
  (m) => m.dialogue.title,
  (m) => m.dialogue.intro,
  (m) => m.dialogue.agree,
  (m) => m.dialogue.disagree,
  (m) => m.dialogue.pass,
  (m) => m.dialogue.sideHint,
  (m) => m.dialogue.noSide,
  (m) => m.dialogue.submitTitle,
  (m) => m.dialogue.submitHint,
  (m) => m.dialogue.submit,
  (m) => m.dialogue.allVoted,
  (m) => m.dialogue.commonGround,
  (m) => m.dialogue.commonGroundIntro,
  (m) => m.common.saved,
  (m) => m.dialogue.side.split(' (')[0],
  (m) => m.dialogue.statementOf.split(' {{')[0],
];

function englishChrome(messages: Messages, picks = chrome): string[] {
  return picks.map((pick) => pick(en)).filter((phrase, index) => phrase !== picks[index](messages));
}

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let joinUrl = '';
let surveyJoinUrl = '';
const consoleErrors: string[] = [];

function collectErrors(target: Page): void {
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await laptop.newPage();
  collectErrors(desk);
  await desk.goto(rig.server.url);
  await desk.getByLabel('Email').fill(fixture.admin.email);
  await desk.getByLabel('Password').fill(fixture.admin.password);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.getByRole('button', { name: 'Sign out' }).waitFor();
  await desk.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}`);
  await desk.getByRole('heading', { name: 'Open a new dialogue' }).waitFor();
  await desk
    .getByLabel('Prompt (the question put to participants)')
    .fill('Biyo: sidee loo qaybsadaa ceelasha?');
  await desk.getByLabel('Sides participants may declare').selectOption({ index: 1 });
  await desk
    .getByLabel('Opening statements (one per line)')
    .fill('Tuulo kastaa ha haysato hal ceel oo u furan dhammaan.\nOdayaashu ha wada go’aamiyaan saacadaha.');
  await desk.getByRole('button', { name: 'Open the dialogue' }).click();
  await desk.getByRole('heading', { name: 'Invite participants' }).waitFor();
  joinUrl = await desk.getByLabel('Join link').inputValue();

  const { store, keys } = rig.server;
  const ctx = { db: store.db, dialect: store.dialect, keys, auth: systemAuth('east languages test') };
  const survey = await createSurvey(ctx, {
    initiative_id: fixture.demo.initiativeIds.dialogue,
    title: 'Sidee u aragtaa dhinaca kale?',
    instruments: [{ library: 'feeling-thermometer' }],
    out_groups: ['Buuraleyda', 'Dadka dooxada'],
    languages: ['en', 'fr', 'ar'],
  });
  await addWave(ctx, survey.id, {
    kind: 'baseline',
    opens_on: '2020-01-01',
    closes_on: '2099-12-31',
    after_meeting_id: null,
  });
  surveyJoinUrl = `${rig.server.url}${(await createSurveyJoinLink(ctx, survey.id)).url}`;
});

afterAll(async () => {
  await laptop?.close();
  await rig?.close();
});

/** The chrome of the survey join page and of the answer page it leads to (the questions are the survey's own). */
const surveyChrome: ((messages: Messages) => string)[] = [
  (m) => m.surveyJoin.title,
  (m) => m.surveyJoin.intro,
  (m) => m.surveyJoin.side,
  (m) => m.surveyJoin.gender,
  (m) => m.surveyJoin.optional,
  (m) => m.surveyJoin.noAnswer,
  (m) => m.surveyJoin.privacy,
  (m) => m.surveyJoin.start,
  (m) => m.answer.title,
  (m) => m.answer.intro,
  (m) => m.answer.send,
  (m) => m.answer.noAnswer,
];

/** Fails with the widest element's tag and class when the page is wider than the phone. */
async function widthReport(page: Page): Promise<{ scrollWidth: number; widest: string }> {
  return page.evaluate(() => {
    let widest = '';
    let right = 0;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.right > right) {
        right = box.right;
        widest = `${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)} px)`;
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, widest };
  });
}

async function expectFitsPhone(page: Page): Promise<void> {
  const report = await widthReport(page);
  expect(report.scrollWidth, `widest: ${report.widest}`).toBeLessThanOrEqual(PHONE);
}

async function expectNoEnglishChrome(page: Page, messages: Messages, picks = chrome): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(englishChrome(messages, picks).filter((phrase) => text.includes(phrase))).toEqual([]);
}

/** Each vote button lies wholly inside the phone, shows its whole label and keeps a thumb-sized target. */
async function expectVoteButtonsWhole(page: Page): Promise<void> {
  const buttons = page.locator('.vote-buttons button');
  expect(await buttons.count()).toBe(3);
  for (let index = 0; index < 3; index += 1) {
    const button = buttons.nth(index);
    const box = await button.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.width).toBeGreaterThanOrEqual(88);
    const clipped = await button.evaluate(
      (element) => element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight,
    );
    expect(clipped).toBe(false);
  }
}

describe('Somali, Swahili, Lingala and French on a 360 px phone', () => {
  for (const [code, messages] of catalogues) {
    it(`${code}: a participant joins, declares a side and votes on every statement`, async () => {
      const phone = await rig.browser.newContext({
        viewport: { width: PHONE, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: code,
      });
      try {
        const page = await phone.newPage();
        collectErrors(page);
        // A phone set to the language: the app picks it from the browser, no choice needed.
        await page.goto(joinUrl);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
        await page.getByRole('heading', { name: messages.dialogue.joinTitle }).waitFor();
        await expectFitsPhone(page);
        await expectNoEnglishChrome(page, messages);
        await screenshot(page, `east-${code}-join`);

        await page.getByRole('button', { name: messages.dialogue.join, exact: true }).click();
        await page.getByRole('heading', { name: messages.dialogue.title, exact: true }).waitFor();
        await page.locator('.statement-card').waitFor();
        await page
          .getByText(messages.dialogue.statementOf.replace('{{current}}', '1').replace('{{total}}', '2'))
          .waitFor();
        await expectFitsPhone(page);
        await expectVoteButtonsWhole(page);
        await expectNoEnglishChrome(page, messages);
        await screenshot(page, `east-${code}-voting`);

        const side = page.getByLabel(messages.dialogue.side.split(' (')[0]);
        await side.selectOption({ index: 1 });
        await page.getByText(messages.common.saved, { exact: true }).waitFor();
        await expectFitsPhone(page);

        await page.getByRole('button', { name: messages.dialogue.agree, exact: true }).click();
        await page
          .getByText(messages.dialogue.statementOf.replace('{{current}}', '2').replace('{{total}}', '2'))
          .waitFor();
        await expectVoteButtonsWhole(page);
        await page.getByRole('button', { name: messages.dialogue.pass, exact: true }).click();
        await page.getByText(messages.dialogue.allVoted).waitFor();
        await expectFitsPhone(page);
        await expectNoEnglishChrome(page, messages);
        await screenshot(page, `east-${code}-voted`);
      } finally {
        await phone.close();
      }
    });
  }

  for (const [code, messages] of catalogues) {
    it(`${code}: a person answers a survey by its open link`, async () => {
      const phone = await rig.browser.newContext({
        viewport: { width: PHONE, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: code,
      });
      try {
        const page = await phone.newPage();
        collectErrors(page);
        await page.goto(surveyJoinUrl);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, code);
        await page.getByRole('heading', { name: messages.surveyJoin.title }).waitFor();
        await page.getByLabel(messages.surveyJoin.side).selectOption('Dadka dooxada');
        await expectFitsPhone(page);
        await expectNoEnglishChrome(page, messages, surveyChrome);
        await screenshot(page, `east-${code}-survey-join`);

        await page.getByRole('button', { name: messages.surveyJoin.start }).click();
        await page.waitForURL(/#\/answer\//);
        await page.getByRole('heading', { name: messages.answer.title }).waitFor();
        await page.getByRole('button', { name: messages.answer.send }).waitFor();
        await expectFitsPhone(page);
        await expectNoEnglishChrome(page, messages, surveyChrome);
        await screenshot(page, `east-${code}-survey-answer`);
      } finally {
        await phone.close();
      }
    });
  }

  it('every page a convener or facilitator opens fits a 360 px phone in so, sw, ln and fr', async () => {
    const db = rig.server.store.db;
    const dialogue = await db
      .selectFrom('dialogues')
      .select(['id', 'initiative_id'])
      .executeTakeFirstOrThrow();
    const meeting = await db.selectFrom('meetings').select(['id', 'initiative_id']).executeTakeFirstOrThrow();
    const actor = await db.selectFrom('actors').select('id').executeTakeFirstOrThrow();
    const w = fixture.demo.workspaceId;
    const i = fixture.demo.initiativeIds.dialogue;
    const d = `/i/${dialogue.initiative_id}/dialogues/${dialogue.id}`;
    const paths = [
      '/',
      '/account',
      `/w/${w}`,
      `/w/${w}/actors`,
      `/w/${w}/actors/new`,
      `/w/${w}/actors/${actor.id}`,
      `/w/${w}/ties/new`,
      `/w/${w}/map`,
      `/w/${w}/settings`,
      `/i/${i}`,
      `/i/${i}/privacy`,
      `/i/${i}/meetings`,
      `/i/${meeting.initiative_id}/meetings/${meeting.id}`,
      `/i/${i}/evidence`,
      `/i/${i}/surveys`,
      `/i/${i}/research`,
      `/i/${i}/settings`,
      `${d}/results`,
      `${d}/invite`,
      `${d}/sheet`,
    ];
    const tooWide: string[] = [];
    for (const [code] of catalogues) {
      const phone = await rig.browser.newContext({
        viewport: { width: PHONE, height: 740 },
        isMobile: true,
        hasTouch: true,
        locale: code,
      });
      try {
        const page = await phone.newPage();
        collectErrors(page);
        await page.goto(rig.server.url);
        await page.locator('input[type=email]').fill(fixture.admin.email);
        await page.locator('input[type=password]').fill(fixture.admin.password);
        await page.locator('button[type=submit]').click();
        await page.locator('.app-header nav button').waitFor();
        for (const path of paths) {
          await page.goto(`${rig.server.url}/#${path}`);
          await page.locator('main h1').first().waitFor();
          await page.waitForFunction(() => !document.querySelector('.state-loading'));
          const report = await widthReport(page);
          if (report.scrollWidth > PHONE) tooWide.push(`${code} ${path}: ${report.widest}`);
        }
      } finally {
        await phone.close();
      }
    }
    expect(tooWide).toEqual([]);
  }, 300_000);

  it('logs no console error on any page of the journey', () => {
    expect(consoleErrors).toEqual([]);
  });
});
