import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import ar from '../../web/src/i18n/locales/ar.js';
import he from '../../web/src/i18n/locales/he.js';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture, type Person } from './support/demo-fixture.js';

/**
 * Statements translated by people, across the Hebrew–Arabic line: a dialogue seeded in Arabic and in
 * Hebrew, a translator (an account with only the translator role) translates each statement into the
 * other language, a Hebrew and an Arabic participant on 360 px phones each read every statement in their
 * own language and vote, and the results count one set of votes per statement in the viewer's language.
 */

let rig: BrowserRig;
let fixture: DemoFixture;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
const translator: Person = {
  email: 'translator@browser.test',
  password: 'a long test passphrase for tracktwo',
};
let initiativeId = '';
let dialogueId = '';

const prompt = 'كيف نتقاسم الآبار؟ / איך נחלוק את הבארות?';
const statements = [
  { ar: 'يجب أن تبقى الآبار مفتوحة للجميع.', he: 'הבארות צריכות להישאר פתוחות לכולם.', source: 'ar' },
  { ar: 'يحدد كبار السن ساعات الماء معًا.', he: 'הזקנים קובעים יחד את שעות המים.', source: 'ar' },
  { ar: 'كل قرية تختار ممثلًا واحدًا.', he: 'כל כפר בוחר נציג אחד.', source: 'he' },
  { ar: 'نلتقي مرة كل شهر.', he: 'נפגשים פעם בחודש.', source: 'he' },
] as const;

async function phonePage(): Promise<Page> {
  const context = await rig.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  return page;
}

async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto(rig.server.url);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

async function chooseLanguage(page: Page, code: 'ar' | 'he'): Promise<void> {
  await page.getByLabel('Language').selectOption(code);
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  initiativeId = fixture.demo.initiativeIds.dialogue;
  const system = systemAuth('browser test fixture');
  await rig.server.store.db.transaction().execute(async (trx) => {
    const account = await createAccount(trx, rig.server.keys, system, {
      ...translator,
      displayName: 'Translator',
    });
    await grantMembership(trx, rig.server.keys, system, {
      accountId: account.id,
      initiativeId,
      role: 'translator',
    });
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await rig?.close();
});

describe('statements translated by people', () => {
  it('the convener opens a dialogue in Arabic and Hebrew from the new-dialogue form', async () => {
    const desk = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(desk);
    const admin = await desk.newPage();
    admin.on('console', (message: ConsoleMessage) => {
      if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
    });
    await signIn(admin, fixture.admin);
    await admin.goto(`${rig.server.url}/#/i/${initiativeId}`);
    await admin.getByRole('heading', { name: 'Open a new dialogue' }).waitFor();
    await admin.getByLabel('Prompt (the question put to participants)').fill(prompt);
    await admin.getByLabel('Opening statements (one per line)').fill(
      statements
        .filter((s) => s.source === 'ar')
        .map((s) => s.ar)
        .join('\n'),
    );
    await admin.getByRole('checkbox', { name: 'Arabic' }).check();
    await admin.getByRole('checkbox', { name: 'Hebrew' }).check();
    expect(await admin.getByLabel('Main language').inputValue()).toBe('ar');
    await screenshot(admin, 'translations-new-dialogue');
    await admin.getByRole('button', { name: 'Open the dialogue' }).click();
    await admin.getByRole('heading', { name: 'Invite participants' }).waitFor();
    dialogueId = /dialogues\/([0-9a-f-]{36})\/invite/.exec(admin.url())![1];
    const dialogue = await admin.request.get(`${rig.server.url}/api/dialogues/${dialogueId}`);
    expect(((await dialogue.json()) as { languages: string[] }).languages).toEqual(['ar', 'he']);
    // The Hebrew statements seeded in their language through the API (the CLI and API path of seeding).
    const seeded = await admin.request.post(`${rig.server.url}/api/dialogues/${dialogueId}/statements`, {
      data: {
        statements: statements.filter((s) => s.source === 'he').map((s) => ({ text: s.he, language: 'he' })),
      },
    });
    expect(seeded.ok()).toBe(true);
  });

  it('a translator-only account reaches the translate screen from the initiative, and nothing it may not read', async () => {
    const page = await phonePage();
    await signIn(page, translator);
    await fitsPhone(page);
    await page.goto(`${rig.server.url}/#/i/${initiativeId}`);
    await page.getByRole('link', { name: 'Translate' }).waitFor();
    // Only the work a translator may do: no meetings, outcomes, results or voting, so no refused load either.
    const main = await page.locator('main').innerText();
    for (const absent of ['Meetings', 'Outcomes', 'Results', 'Take part', 'Invite participants']) {
      expect(main).not.toContain(absent);
    }
    await screenshot(page, 'translations-translator-initiative');
    await page.getByRole('link', { name: 'Translate' }).click();
    await page.getByRole('heading', { name: 'Translate statements' }).waitFor();
    await fitsPhone(page);

    for (const target of ['he', 'ar'] as const) {
      await page.getByLabel('Translate into').selectOption(target);
      await page.getByText(/Still to translate into .*: 2/).waitFor();
      for (const statement of statements.filter((s) => s.source !== target)) {
        const item = page.locator('.translation-item', { hasText: statement[statement.source] });
        await item.locator('textarea').fill(statement[target]);
        await item.getByRole('button', { name: 'Save translation' }).click();
        await item.getByText('Saved.').waitFor();
      }
      await page.getByText(/Still to translate into .*: 0/).waitFor();
      await fitsPhone(page);
      await screenshot(page, `translations-translator-${target}`);
    }
  });

  /** A participant's own statement, written in Hebrew after voting: not translated yet when the Arabic reader comes. */
  const untranslated = 'צריך גם בור מים לחקלאים.';

  for (const language of ['he', 'ar'] as const) {
    it(`a ${language} participant on a 360 px phone reads every statement in ${language} and votes`, async () => {
      const catalogue = language === 'he' ? he : ar;
      const person = language === 'he' ? fixture.dialogueParticipants[1] : fixture.dialogueParticipants[2];
      const expected: string[] = statements.map((s) => s[language]);
      if (language === 'ar') expected.push(untranslated);
      const page = await phonePage();
      await signIn(page, person);
      await chooseLanguage(page, language);
      await page.goto(`${rig.server.url}/#/i/${initiativeId}/dialogues/${dialogueId}`);
      const seen: string[] = [];
      for (let i = 0; i < expected.length; i++) {
        const card = page.locator('.statement-card');
        await card.waitFor();
        await page.getByText(new RegExp(`${i + 1}\\D+${expected.length}`)).waitFor();
        const text = await card.innerText();
        seen.push(text);
        if (text === untranslated) {
          // No translation yet: the original, marked as such, in its own language.
          expect(await card.getAttribute('lang')).toBe('he');
          // The language's name comes isolated (FSI … PDI), as every interpolated value.
          expect((await page.locator('.original-mark').innerText()).replace(/[\u2068\u2069]/g, '')).toBe(
            catalogue.dialogue!.originalIn!.replace('{{language}}', 'العبرية'),
          );
          await screenshot(page, 'translations-participant-ar-original');
        } else {
          expect(await card.getAttribute('lang')).toBe(language);
          expect(await page.locator('.original-mark').count()).toBe(0);
        }
        await fitsPhone(page);
        if (i === 0) await screenshot(page, `translations-participant-${language}`);
        await page.getByRole('button', { name: catalogue.dialogue!.agree!, exact: true }).click();
      }
      await page.getByText(catalogue.dialogue!.allVoted!).waitFor();
      await fitsPhone(page);
      expect(seen.sort()).toEqual(expected.sort());
      if (language === 'he') {
        // Written in the language read in unless said otherwise.
        expect(await page.getByLabel(catalogue.dialogue!.writtenIn!).inputValue()).toBe('he');
        await page.getByLabel(catalogue.dialogue!.submitLabel!).fill(untranslated);
        await page.getByRole('button', { name: catalogue.dialogue!.submit! }).click();
        await page.getByText(catalogue.dialogue!.submittedOpen!).waitFor();
        await fitsPhone(page);
      }
    });
  }

  it('the results count one set of votes per statement, in the viewer’s language with the original beside', async () => {
    const page = await phonePage();
    await signIn(page, fixture.admin);
    await chooseLanguage(page, 'he');
    await page.goto(`${rig.server.url}/#/i/${initiativeId}/dialogues/${dialogueId}/results`);
    await page.getByRole('heading', { name: he.results!.title! }).waitFor();
    await page.getByRole('heading', { name: he.results!.byLanguage! }).waitFor();
    const rows = page.locator('tbody tr', { has: page.locator('td:first-child') });
    for (const statement of statements) {
      const row = page.locator('tr', { hasText: statement.he });
      // One row per statement, both participants' votes in it (agree = 2), whatever language they read in.
      expect(await row.count()).toBe(1);
      expect(await row.locator('td').nth(2).innerText()).toBe('2');
      if (statement.source === 'ar') expect(await row.innerText()).toContain(statement.ar);
    }
    expect(await rows.count()).toBeGreaterThanOrEqual(statements.length);
    // The settings hold the dialogue's languages, the main one first.
    expect(await page.getByRole('checkbox', { name: 'ערבית' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'עברית' }).isChecked()).toBe(true);
    await fitsPhone(page);
    await screenshot(page, 'translations-results-he');
  });

  it('logs no console error on any page of the journey', () => {
    expect(consoleErrors).toEqual([]);
  });
});
