import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { systemAuth } from '../../src/security/auth.js';
import { addRespondents, addWave, createSurvey, issueLinks } from '../../src/services/surveys/index.js';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';

/**
 * Issue 14, "offline pages that never lose an answer": a participant votes without a line, reloads the
 * page still without a line, and the votes arrive exactly once when the line returns; the same for a
 * survey answer. The server's database is the judge: one vote per statement, one answer per respondent.
 */
let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
let phone: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

function collectErrors(target: Page): void {
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() !== 'error') return;
    // A request the browser could not send without a line is expected here, and nothing else.
    if (/ERR_INTERNET_DISCONNECTED/.test(message.text())) return;
    consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
}

async function waitForWorker(target: Page): Promise<void> {
  await target.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
    timeout: 30_000,
  });
}

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
}, 240_000);

afterAll(async () => {
  await phone?.close();
  await laptop?.close();
  await rig?.close();
});

describe('offline participant pages', () => {
  let dialogueId = '';

  it('votes cast without a line wait on the phone, survive a reload and arrive exactly once', async () => {
    await desk.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}`);
    await desk.getByRole('heading', { name: 'Open a new dialogue' }).waitFor();
    await desk
      .getByLabel('Prompt (the question put to participants)')
      .fill('How should the river be shared?');
    await desk
      .getByLabel('Opening statements (one per line)')
      .fill(
        'Fishing days are shared.\nThe ford stays open at night.\nElders meet at the full moon.\nBoats pay no toll.',
      );
    await desk.getByRole('button', { name: 'Open the dialogue' }).click();
    await desk.getByRole('heading', { name: 'Invite participants' }).waitFor();
    const joinUrl = await desk.getByLabel('Join link').inputValue();

    await page.goto(joinUrl);
    await page.getByRole('button', { name: 'Join' }).click();
    await page.locator('.statement-card').waitFor();
    await waitForWorker(page);
    // Online once: the vote is sent at once, nothing waits.
    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await page.getByText('Statement 2 of 4').waitFor();
    await page.getByText(/waiting to be sent/).waitFor({ state: 'detached' });

    await phone.setOffline(true);
    const second = await page.locator('.statement-card').innerText();
    await page.getByRole('button', { name: 'Disagree', exact: true }).click();
    await page.getByText('Votes waiting to be sent: 1.').waitFor();
    await page.waitForFunction(
      (text) => document.querySelector('.statement-card')?.textContent !== text,
      second,
    );
    await page.getByRole('button', { name: 'Pass / unsure' }).click();
    await page.getByText('Votes waiting to be sent: 2.').waitFor();

    // Still without a line: the page opens again from the worker, the queue intact, the next statement shown.
    await page.reload();
    await page.getByText('Votes waiting to be sent: 2.').waitFor();
    await page.getByText('No connection right now', { exact: false }).waitFor();
    await page.locator('.statement-card').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'offline-phone-waiting');

    const dialogues = await rig.server.store.db
      .selectFrom('dialogues')
      .select('id')
      .where('prompt', '=', 'How should the river be shared?')
      .execute();
    dialogueId = dialogues[0].id;
    const before = await rig.server.store.db
      .selectFrom('dialogue_votes')
      .select(['statement_id', 'vote'])
      .where('dialogue_id', '=', dialogueId)
      .execute();
    expect(before).toHaveLength(1);

    await phone.setOffline(false);
    await page.getByText(/Votes waiting to be sent/).waitFor({ state: 'detached', timeout: 30_000 });
    // Once more by hand, as a flaky line would: nothing waits, so nothing is sent twice.
    await page.evaluate(() => window.dispatchEvent(new Event('online')));

    const votes = await rig.server.store.db
      .selectFrom('dialogue_votes')
      .select(['statement_id', 'vote', 'participant_id'])
      .where('dialogue_id', '=', dialogueId)
      .execute();
    expect(votes).toHaveLength(3);
    expect(new Set(votes.map((vote) => vote.statement_id)).size).toBe(3);
    expect(new Set(votes.map((vote) => vote.participant_id)).size).toBe(1);
    expect(votes.map((vote) => vote.vote).sort()).toEqual([-1, 0, 1]);
    const requests = await rig.server.store.db
      .selectFrom('dialogue_vote_requests')
      .select('request_id')
      .where('participant_id', '=', votes[0].participant_id)
      .execute();
    expect(requests).toHaveLength(3);
    await page.getByText('Statement 4 of 4').waitFor();
    expect(consoleErrors).toEqual([]);
  }, 120_000);

  it('a survey answer given without a line is kept on the phone and arrives once', async () => {
    const { store, keys } = rig.server;
    const ctx = { db: store.db, dialect: store.dialect, keys, auth: systemAuth('browser test') };
    const survey = await createSurvey(ctx, {
      initiative_id: fixture.demo.initiativeIds.dialogue,
      title: 'Offline survey',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['Highlanders'],
      languages: ['en'],
    });
    const wave = await addWave(ctx, survey.id, {
      kind: 'baseline',
      opens_on: '2020-01-01',
      closes_on: '2099-12-31',
      after_meeting_id: null,
    });
    const [respondent] = await addRespondents(ctx, survey.id, [
      { arm: 'comparison', pseudonym: 'R-offline', side: null, gender: null },
    ]);
    const [link] = await issueLinks(ctx, survey.id, wave.id, [respondent.id]);

    await page.goto(`${rig.server.url}/p/#/answer/${survey.id}/${wave.id}/${link.token}`);
    await page.locator('form input').first().waitFor();
    await waitForWorker(page);

    await phone.setOffline(true);
    await page.reload();
    await page.getByText('This form was kept on this device', { exact: false }).waitFor();
    await page.locator('form input').first().fill('70');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page
      .getByText('Your answers are kept on this device and will be sent when the connection returns.', {
        exact: true,
      })
      .waitFor();
    await page.getByText('Answers waiting to be sent: 1.').waitFor();
    await page.reload();
    await page.getByText('Answers waiting to be sent: 1.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'offline-survey-waiting');
    const none = await store.db
      .selectFrom('survey_responses')
      .select('id')
      .where('survey_id', '=', survey.id)
      .execute();
    expect(none).toHaveLength(0);

    await phone.setOffline(false);
    await page.getByText(/Answers waiting to be sent/).waitFor({ state: 'detached', timeout: 30_000 });
    // One answer for the respondent and wave, whatever the line did (a replay replaces, never adds).
    const answers = await store.db
      .selectFrom('survey_responses')
      .select(['respondent_id', 'language'])
      .where('survey_id', '=', survey.id)
      .execute();
    expect(answers).toEqual([{ respondent_id: respondent.id, language: 'en' }]);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
