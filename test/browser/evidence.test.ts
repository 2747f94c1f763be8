import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture, type Person } from './support/demo-fixture.js';
import { seriousViolations } from './support/axe.js';
import { systemAuth } from '../../src/security/auth.js';
import {
  approveSurveyTranslation,
  listSurveyTranslations,
  saveSurveyTranslation,
} from '../../src/services/surveys/index.js';
import { forestPlotSvg } from '../../src/evaluation/forest-plot.js';
import { metaAnalysis } from '../../src/evaluation/meta-analysis.js';

/**
 * Surveys and evidence in the browser: a convener creates a survey, adds its waves and respondents,
 * types in answers and sees the effect appear and change; a respondent answers through a link on a
 * phone; the research export, the bridges and brokers of the map, the password and the actor's meetings.
 */

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;

const surveyTitle = 'Browser survey of the coast road';
const outGroups = ['Coast people', 'Highland people'];
const question = (group: string) => `How warm or cold do you feel towards ${group}?`;

async function signIn(target: Page, person: Person): Promise<void> {
  await target.goto(rig.server.url);
  await target.getByLabel('Email').fill(person.email);
  await target.getByLabel('Password', { exact: true }).fill(person.password);
  await target.getByRole('button', { name: 'Sign in' }).click();
  await target.getByRole('button', { name: 'Sign out' }).waitFor();
}

const url = (path: string) => `${rig.server.url}/#${path}`;

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  desk = await laptop.newPage();
  await signIn(desk, fixture.admin);
});

afterAll(async () => {
  await laptop?.close();
  await rig?.close();
});

/** The "Everyone" effect of our survey on the evidence screen, or null while too few have answered. */
async function everyoneEffect(): Promise<number | null> {
  await desk.goto(url(`/i/${fixture.demo.initiativeIds.council}/evidence`));
  const card = desk.locator('article.card', { hasText: surveyTitle });
  await card.waitFor();
  const row = card.locator('tbody tr', { hasText: 'Everyone' });
  if ((await row.count()) === 0) {
    await card.getByText('Too few answers in both waves for an effect.').waitFor();
    return null;
  }
  // The chart is drawn by the lazily loaded charting library, beside the table.
  await card.locator('.chart canvas').first().waitFor();
  return Number((await row.locator('td').nth(1).innerText()).trim());
}

/** The waves' dates as the app shows them (Intl, in English). */
const waveDates = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
  new Date('2020-01-01T00:00:00Z'),
  new Date('2099-12-31T00:00:00Z'),
);

async function enter(respondent: string, wave: 'Baseline' | 'Post-meeting', values: [number, number]) {
  const form = desk.locator('form.entry-form');
  await form.getByLabel('Wave', { exact: true }).selectOption({ label: `${wave} (${waveDates})` });
  await form.getByLabel('Respondent').selectOption({ label: `${respondent} (Participant)` });
  for (const [index, group] of outGroups.entries()) {
    await form.getByLabel(question(group)).fill(String(values[index]));
  }
  await form.getByRole('button', { name: 'Save the answers' }).click();
  await desk
    .getByText(new RegExp(`^Answers of ${respondent} for the ${wave} wave (saved|replaced)\\.$`))
    .waitFor();
}

describe('a convener enters survey waves and sees the effect', () => {
  let surveyPath = '';
  let respondents: string[] = [];

  it('creates a survey with a baseline and a post wave and four participants', async () => {
    await desk.goto(url(`/i/${fixture.demo.initiativeIds.council}/surveys`));
    await desk.getByRole('heading', { name: 'Create a survey' }).waitFor();
    await desk.getByLabel('Title').fill(surveyTitle);
    await desk.getByLabel('Out-groups (one per line)').fill(outGroups.join('\n'));
    await desk.getByRole('checkbox', { name: 'Arabic' }).check();
    await desk.getByRole('button', { name: 'Create the survey' }).click();
    await desk.getByRole('heading', { name: surveyTitle }).waitFor();
    surveyPath = new URL(desk.url()).hash.slice(1);

    for (const wave of ['Baseline', 'Post-meeting']) {
      await desk.getByLabel('Wave', { exact: true }).first().selectOption({ label: wave });
      await desk.getByLabel('Opens on').fill('2020-01-01');
      await desk.getByLabel('Closes on').fill('2099-12-31');
      await desk.getByRole('button', { name: 'Add a wave' }).click();
      await desk.locator('table.survey-waves tbody tr', { hasText: wave }).waitFor();
    }

    const actors = desk.getByLabel('Actors who take part');
    await actors.locator('option').nth(3).waitFor({ state: 'attached' });
    const chosen = await actors
      .locator('option')
      .evaluateAll((options) => options.slice(0, 4).map((option) => (option as HTMLOptionElement).value));
    await actors.selectOption(chosen);
    await desk.getByRole('button', { name: 'Add as respondents' }).click();
    const rows = desk.locator('table.survey-respondents tbody tr');
    await desk.waitForFunction(
      () => document.querySelectorAll('table.survey-respondents tbody tr').length === 4,
    );
    respondents = (await rows.locator('td:first-child').allInnerTexts()).map((text) => text.trim());
    expect(respondents).toHaveLength(4);
    await screenshot(desk, 'survey-page');
  });

  it("edits a wave's dates and deletes a wave nobody has answered, after a confirmation", async () => {
    // A follow-up wave is added, its dates edited, then deleted (the others stay as the next tests need).
    await desk.getByLabel('Wave', { exact: true }).first().selectOption({ label: 'Follow-up' });
    await desk.getByLabel('Opens on').last().fill('2030-01-01');
    await desk.getByLabel('Closes on').last().fill('2030-02-01');
    await desk.getByRole('button', { name: 'Add a wave' }).click();
    const followUp = desk.locator('table.survey-waves tbody tr', { hasText: 'Follow-up' });
    await followUp.waitFor();
    const closedBefore = await followUp.locator('td').nth(2).innerText();
    await followUp.getByRole('button', { name: 'Edit the Follow-up wave' }).click();
    await followUp.getByLabel('Closes on').fill('2019-01-01');
    await followUp.getByRole('button', { name: 'Save' }).click();
    // Refused in words before anything is sent.
    await followUp.getByText('A wave closes on or after the day it opens.').first().waitFor();
    await followUp.getByLabel('Closes on').fill('2031-06-30');
    await followUp.getByRole('button', { name: 'Save' }).click();
    await followUp.getByRole('button', { name: 'Edit the Follow-up wave' }).waitFor();
    await desk.waitForFunction(
      (before) =>
        [...document.querySelectorAll('table.survey-waves tbody tr')].some(
          (row) => row.textContent!.includes('Follow-up') && row.children[2].textContent !== before,
        ),
      closedBefore,
    );
    const twoWaves = () =>
      desk.waitForFunction(() => document.querySelectorAll('table.survey-waves tbody tr').length === 2);
    await followUp.getByRole('button', { name: 'Delete the Follow-up wave' }).click();
    await desk.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await followUp.waitFor({ state: 'detached' });
    await twoWaves();
  });

  it('keeps every forest-plot label inside the SVG and clear of the marks, long and Arabic, at 360 px', async () => {
    const phone = await rig.browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await phone.newPage();
    const studies = [
      {
        label: 'WWW Women’s water dialogue across the coast and the highlands, Mombasa 2024',
        effect: 0.5,
        variance: 0.04,
      },
      {
        label: 'حوار نساء الساحل والمرتفعات حول الطريق الساحلي والمياه والمراعي',
        effect: 0.2,
        variance: 0.05,
      },
      { label: 'Short', effect: -0.1, variance: 0.06 },
    ];
    await page.setContent(
      `<html dir="rtl" lang="ar"><body style="margin:0">${forestPlotSvg(studies, metaAnalysis(studies, { method: 'dl' }))}</body></html>`,
    );
    const boxes = await page.evaluate(() => {
      const svg = document.querySelector('svg')!;
      const marks = [...svg.querySelectorAll('g.study line, g.study rect')].map(
        (mark) => (mark as SVGGraphicsElement).getBBox().x,
      );
      return {
        width: svg.viewBox.baseVal.width,
        height: svg.viewBox.baseVal.height,
        marksLeft: Math.min(...marks),
        labels: [...svg.querySelectorAll('text.study-label')].map((label) => {
          const box = (label as SVGTextElement).getBBox();
          return { x: box.x, y: box.y, right: box.x + box.width, bottom: box.y + box.height };
        }),
      };
    });
    expect(boxes.labels).toHaveLength(3);
    for (const label of boxes.labels) {
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.y).toBeGreaterThanOrEqual(0);
      expect(label.right).toBeLessThanOrEqual(boxes.width);
      expect(label.bottom).toBeLessThanOrEqual(boxes.height);
      expect(label.right).toBeLessThan(boxes.marksLeft);
    }
    await phone.close();
  });

  it('shows no effect before anyone has answered both waves', async () => {
    expect(await everyoneEffect()).toBeNull();
  });

  it('enters baseline and post answers for four respondents; the effect appears, then changes', async () => {
    await desk.goto(url(surveyPath));
    await desk.getByRole('heading', { name: 'Enter answers on a respondent’s behalf' }).waitFor();
    const baseline: [number, number][] = [
      [20, 30],
      [35, 40],
      [30, 25],
      [45, 50],
    ];
    const post: [number, number][] = [
      [60, 65],
      [60, 70],
      [50, 45],
      [85, 80],
    ];
    for (const [index, respondent] of respondents.entries()) {
      await enter(respondent, 'Baseline', baseline[index]);
      await enter(respondent, 'Post-meeting', post[index]);
    }
    await desk
      .locator('table.survey-respondents tbody tr', { hasText: 'Baseline, Post-meeting' })
      .nth(3)
      .waitFor();
    await screenshot(desk, 'survey-entry');

    const before = await everyoneEffect();
    expect(before).not.toBeNull();
    expect(before!).toBeGreaterThan(0);
    await screenshot(desk, 'evidence-charts');

    // The first respondent's post answers, entered again much colder, replace the earlier ones.
    await desk.goto(url(surveyPath));
    await enter(respondents[0], 'Post-meeting', [22, 28]);
    const after = await everyoneEffect();
    expect(after).not.toBeNull();
    expect(after!).toBeLessThan(before!);
  });

  it('a respondent answers through a link on a phone, in English or Arabic', async () => {
    await desk.goto(url(surveyPath));
    await desk.getByRole('heading', { name: 'Answer links' }).waitFor();
    await desk.getByRole('button', { name: 'Issue links for every respondent' }).click();
    const link = await desk.getByLabel(`Answer link for ${respondents[1]}`).inputValue();
    expect(link).toContain('#/answer/');

    const phone = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
    const page = await phone.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Survey' }).waitFor();
    // The respondent's own earlier answers (typed in by the facilitator) are there to change.
    await page.getByText('You have answered already').waitFor();
    expect(await page.getByLabel(question(outGroups[0])).inputValue()).toBe('35');
    await page.getByLabel(question(outGroups[0])).fill('140');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Give a number from 0 to 100.').waitFor();
    await page.getByLabel(question(outGroups[0])).fill('55');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'survey-answer');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByText('Thank you: your new answers replace the earlier ones.').waitFor();

    await page.getByRole('button', { name: 'Change my answers' }).click();
    await page.getByLabel('Language').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'استبيان' }).waitFor();
    // The library's Arabic is a draft until checked: the respondent gets English, and is told so.
    await page.getByText('هذا الاستبيان غير متاح بلغتك بعد').waitFor();
    await page.getByText(question(outGroups[0])).first().waitFor();
    // A second person checks and approves the Arabic texts: from then on the question comes in Arabic.
    const surveyId = surveyPath.split('/').pop()!;
    const { store, keys } = rig.server;
    const system = { db: store.db, dialect: store.dialect, keys, auth: systemAuth('browser test reviewer') };
    for (const item of await listSurveyTranslations(system, surveyId)) {
      if (item.language !== 'ar' || !item.texts) continue;
      await saveSurveyTranslation(system, surveyId, item.instrument_id, 'ar', item.texts);
      await approveSurveyTranslation(system, surveyId, item.instrument_id, 'ar');
    }
    await page.reload();
    await page.getByRole('heading', { name: 'استبيان' }).waitFor();
    // The survey is asked in Arabic too: the question comes in Arabic, with the out-group's name.
    await page.getByText(`تجاه ${outGroups[0]}`).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'survey-answer-ar');
    await phone.close();
  });
});

describe('the research export', () => {
  it('lists what is anonymised and downloads the chosen data set', async () => {
    await desk.goto(url(`/i/${fixture.demo.initiativeIds.council}/research`));
    await desk.getByRole('heading', { name: 'What is anonymised' }).waitFor();
    const rules = await desk.locator('ul.anonymisation-rules li').allInnerTexts();
    expect(rules).toHaveLength(5);
    expect(rules.join('\n')).toMatch(/fresh random id/);
    expect(rules.join('\n')).toMatch(/Chatham House/);
    await screenshot(desk, 'research-export');

    const [initiativeFile] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByRole('button', { name: 'Download' }).click(),
    ]);
    const data = readFileSync((await initiativeFile.path())!, 'utf8');
    expect(JSON.parse(data).format).toBe('tracktwo.research');
    // No pseudonym of the workspace leaves in a research export.
    expect(data).not.toMatch(/A-[2-9A-HJKMNP-Z]{6}/);

    await desk
      .getByLabel('Data set')
      .selectOption({ label: `Survey “${surveyTitle}”: scores as aggregate cells by wave and group` });
    await desk.getByLabel('Format').selectOption('csv');
    await desk.getByLabel('Smallest group shown (k)').fill('3');
    await desk.getByRole('button', { name: 'Download' }).click();
    await desk.getByText('Choose a whole number from 5 to 100.').waitFor();
    await desk.getByLabel('Smallest group shown (k)').fill('5');
    const [surveyFile] = await Promise.all([
      desk.waitForEvent('download'),
      desk.getByRole('button', { name: 'Download' }).click(),
    ]);
    expect(surveyFile.suggestedFilename()).toBe('survey-research-k5.csv');
    expect(readFileSync((await surveyFile.path())!, 'utf8').split('\n')[0]).toMatch(/wave/);
  });
});

describe('the network map', () => {
  it('draws bridges and brokers across the divide, with a legend', async () => {
    await desk.goto(url(`/w/${fixture.demo.workspaceId}/map`));
    await desk.getByText(/actors and \d+ ties shown/).waitFor({ timeout: 30_000 });
    const summary = desk.locator('.brokers-summary');
    await summary.waitFor({ timeout: 30_000 });
    const [bridges, brokers] = (await summary.innerText()).match(/\d+/g)!.map(Number);
    expect(brokers).toBeGreaterThan(0);
    const map = desk.getByTestId('network-map');
    await desk.waitForFunction(() => {
      const element = document.querySelector('[data-testid=network-map]');
      return Number(element?.getAttribute('data-brokers')) > 0;
    });
    expect(Number(await map.getAttribute('data-brokers'))).toBe(brokers);
    expect(Number(await map.getAttribute('data-bridges'))).toBeLessThanOrEqual(bridges);
    expect(Number(await map.getAttribute('data-crossing')) + bridges).toBeGreaterThan(0);
    expect(await desk.getByRole('list', { name: 'Legend' }).innerText()).toMatch(
      /Bridge: the only link across/,
    );
    expect(await desk.locator('.brokers-list li').count()).toBeGreaterThan(0);
    await map.locator('canvas.map-overlay').waitFor({ state: 'attached' });
    await screenshot(desk, 'network-brokers');
  });
});

describe('the account and the actor pages', () => {
  it('lists the meetings an actor attended', async () => {
    const attended = await rig.server.store.db
      .selectFrom('attendances')
      .select(['actor_id'])
      .select((eb) => eb.fn.countAll<number>().as('meetings'))
      .groupBy('actor_id')
      .orderBy('meetings', 'desc')
      .executeTakeFirstOrThrow();
    await desk.goto(url(`/w/${fixture.demo.workspaceId}/actors/${attended.actor_id}`));
    await desk.getByRole('heading', { name: 'Meetings attended' }).waitFor();
    const rows = desk.locator('table.meetings-attended tbody tr');
    await rows.first().waitFor();
    // The administrator may see every attendance, Chatham House rounds included.
    expect(await rows.count()).toBe(Number(attended.meetings));
    await screenshot(desk, 'actor-meetings');
  });

  it('changes the own password and signs in with the new one', async () => {
    const context = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, fixture.councilParticipant);
    await page.getByRole('link', { name: 'Account' }).click();
    await page.getByRole('heading', { name: 'Change your password' }).waitFor();
    await page.getByLabel('Current password').fill('not my password at all');
    await page.getByLabel('New password', { exact: true }).fill('an evening walk by the river');
    await page.getByLabel('Password again').fill('an evening walk by the river');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Email or password is wrong.').waitFor();
    await page.getByLabel('Current password').fill(fixture.councilParticipant.password);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    await screenshot(page, 'account-password');
    // Still signed in in this browser; the new password opens a new session.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, { email: fixture.councilParticipant.email, password: 'an evening walk by the river' });
    await context.close();
  });
});
