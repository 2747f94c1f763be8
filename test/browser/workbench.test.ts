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
let laptop: BrowserContext;
let desk: Page;

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
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  desk = await laptop.newPage();
  await signIn(desk, fixture.admin);
});

afterAll(async () => {
  await phone?.close();
  await laptop?.close();
  await rig?.close();
});

/** Set when the convener opens the dialogue (hash path of the participant page). */
let dialoguePath = '';
const statements = [
  'Markets on the coast road should open to traders from every community.',
  'Elders of each side should sit together on the water board.',
  'Compensation for lost cattle must come before any joint patrol.',
  'Schools should teach in the languages of all three communities.',
];

describe('the administrator at a laptop', () => {
  const url = (path: string) => `${rig.server.url}/#${path}`;
  let newActorPath = '';
  let newPseudonym = '';

  it('sees the workspace, its conflict and its initiatives', async () => {
    await desk.getByRole('heading', { name: 'Your work' }).waitFor();
    await desk.locator('.card h3 a').first().click();
    await desk.getByRole('heading', { name: 'Conflicts' }).waitFor();
    await desk.locator('.card').nth(1).waitFor();
    await desk.locator('.alert-list li').first().waitFor();
    expect(await desk.getByRole('link', { name: 'Actors and ties' }).count()).toBeGreaterThan(0);
    await screenshot(desk, 'workspace-home');
  });

  it('filters the actor table', async () => {
    await desk.goto(url(`/w/${fixture.demo.workspaceId}/actors`));
    const rows = desk.locator('tbody tr');
    await rows.first().waitFor();
    const all = await rows.count();
    await desk.getByLabel('Role').selectOption('elder');
    await desk.waitForFunction(
      (n) => document.querySelectorAll('tbody tr').length !== n || !document.querySelector('tbody'),
      all,
    );
    const elders = await rows.allInnerTexts();
    expect(elders.length).toBeGreaterThan(0);
    for (const row of elders) expect(row).toContain('Elder');
    await screenshot(desk, 'actors');
    await desk.getByLabel('Role').selectOption('');
  });

  it('adds an actor, with a name only the allowed see, and finds it in the table', async () => {
    await desk.getByRole('link', { name: 'Add an actor' }).click();
    await desk.getByRole('heading', { name: 'Add an actor' }).waitFor();
    await desk.getByLabel('Role').selectOption('scholar');
    await desk.getByLabel('Gender').selectOption('woman');
    await desk.getByLabel('Region').fill('Coastal plain');
    await desk.getByLabel('Names (one per line)').fill('Zainab Testwoman');
    await screenshot(desk, 'actor-form');
    await desk.getByRole('button', { name: 'Save' }).click();
    await desk.getByRole('heading', { name: 'Zainab Testwoman' }).waitFor();
    newActorPath = new URL(desk.url()).hash.slice(1);
    const pseudonym = (await desk.locator('dl.facts dd').first().innerText()).trim();
    expect(pseudonym).toMatch(/^A-[2-9A-HJKMNP-Z]{6}$/);
    await desk.goto(url(`/w/${fixture.demo.workspaceId}/actors`));
    newPseudonym = pseudonym;
    await desk.getByLabel('Search by pseudonym').fill(pseudonym);
    await desk.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
    expect(await desk.locator('tbody tr').innerText()).toContain(pseudonym);
    expect(await desk.locator('tbody tr').innerText()).toContain('Scholar');
  });

  it('adds a tie from the actor page and sees it among the actor ties', async () => {
    await desk.goto(url(newActorPath));
    await desk.getByRole('link', { name: 'Add a tie' }).click();
    await desk.getByRole('heading', { name: 'Add a tie' }).waitFor();
    // The actor the form was opened from is the first end, as a chip; the other is chosen with the picker.
    await desk
      .getByRole('list', { name: 'Chosen actors' })
      .getByRole('button', { name: /^Remove Zainab Testwoman \(/ })
      .waitFor();
    const to = desk.getByRole('combobox', { name: 'To actor' });
    await to.focus();
    await desk.getByRole('listbox', { name: 'To actor' }).getByRole('option').nth(1).click();
    await desk.getByLabel('Kind').selectOption('trusts');
    await desk.getByLabel('Strength (1–5)').fill('4');
    await desk.getByRole('button', { name: 'Save' }).click();
    await desk.getByRole('heading', { name: 'Zainab Testwoman' }).waitFor();
    const tieRow = desk.locator('tbody tr', { hasText: 'Trusts' });
    await tieRow.waitFor();
    expect(await tieRow.innerText()).toContain('4');
    await screenshot(desk, 'actor-page');
  });

  it('shows the actors and ties on the network map', async () => {
    await desk.goto(url(`/w/${fixture.demo.workspaceId}/map`));
    const status = desk.getByText(/actors and \d+ ties shown/);
    await status.waitFor({ timeout: 30_000 });
    const [actors, ties] = (await status.innerText()).match(/\d+/g)!.map(Number);
    expect(actors).toBeGreaterThanOrEqual(150);
    expect(ties).toBeGreaterThan(100);
    await desk.getByTestId('network-map').locator('canvas').first().waitFor({ state: 'attached' });
    await desk.getByText('Table of the actors shown on the map').click();
    await desk.locator('details tbody tr', { hasText: newPseudonym }).waitFor();
    // Fragility lists only losses that split the network or cut a tenth of the reach across the divide.
    const losses = desk.getByRole('list', { name: 'Fragility: whose loss hurts most' });
    await losses.waitFor();
    const lossTexts = await losses.getByRole('listitem').allInnerTexts();
    expect(lossTexts.length).toBeGreaterThan(0);
    for (const text of lossTexts) expect(text).not.toMatch(/ 0% of the reach/);
    await desk.getByRole('group', { name: 'Tie kinds shown' }).getByLabel('Knows').uncheck();
    await desk.waitForFunction(() => /actors and \d+ ties shown/.test(document.body.innerText));
    await screenshot(desk, 'network-map');
  });

  it('plans a meeting, records attendance, an outcome and its transfer to Track I', async () => {
    await desk.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}/meetings`));
    await desk.getByRole('heading', { name: 'Meetings', exact: true }).waitFor();
    await desk.getByLabel('Title', { exact: true }).fill('Browser test round');
    await desk.getByLabel('Date').fill('2031-03-14');
    await desk.getByLabel('Place (city or region only)').fill('Coastal plain');
    await desk.getByLabel('Ground rule').selectOption('open');
    await desk.getByRole('button', { name: 'Plan a meeting' }).click();
    await desk.getByRole('heading', { name: 'Browser test round' }).waitFor();
    // Attendees are chosen with the type-ahead picker (chips; no Ctrl or Cmd), then recorded at once.
    const attendee = desk.getByRole('combobox', { name: 'Attendees' });
    await attendee.fill('A-');
    for (let i = 0; i < 2; i++)
      await desk.getByRole('listbox', { name: 'Attendees' }).getByRole('option').first().click();
    await attendee.press('Escape');
    await desk.getByRole('button', { name: 'Record', exact: true }).click();
    await desk.locator('.attendance-list li').nth(1).waitFor();
    await desk.getByLabel('Title', { exact: true }).fill('Joint water-sharing proposal');
    await desk.getByRole('button', { name: 'Add an outcome' }).click();
    await desk.getByRole('heading', { name: 'Joint water-sharing proposal' }).waitFor();
    await desk.getByRole('button', { name: 'Record a transfer' }).click();
    const recipients = desk.getByRole('combobox', { name: 'Track-I recipients' });
    await recipients.focus();
    await desk.getByRole('listbox', { name: 'Track-I recipients' }).getByRole('option').first().click();
    await recipients.press('Escape');
    await desk.getByLabel('Handed on').fill('2031-03-20');
    await desk
      .locator('form', { has: desk.getByLabel('Handed on') })
      .getByRole('button', { name: 'Save' })
      .click();
    await desk.getByText(/2031-03-20: Handed/).waitFor();
    await screenshot(desk, 'meeting');
  });

  it('reads the evidence: effects with intervals, forest plot, inclusion against the baseline', async () => {
    await desk.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}`));
    await desk.getByRole('link', { name: 'Evidence' }).click();
    await desk.getByRole('heading', { name: 'Effects on attitudes' }).waitFor();
    await desk.getByRole('heading', { name: 'Inclusion of women over time' }).waitFor();
    const everyone = desk.locator('tbody tr', { hasText: 'Everyone' }).first();
    await everyone.waitFor();
    expect(await everyone.locator('td').nth(2).innerText()).toMatch(/^-?\d+\.\d\d – -?\d+\.\d\d$/);
    // The demo's subgroups are small: each side's effect is held back (n < 10 per arm), the rule and the counts said.
    await desk
      .getByText(/each group compared has at least 10 respondents/)
      .first()
      .waitFor();
    expect(
      await desk
        .getByText(/too few to show: n < 10 \(\d+ participants, \d+ in the comparison group\)/)
        .count(),
    ).toBeGreaterThan(0);
    await desk.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.forest-plot');
      return !!img && img.complete && img.naturalWidth > 0;
    });
    await screenshot(desk, 'evidence');
  });

  it('opens a dialogue with opening statements and sides', async () => {
    await desk.goto(url(`/i/${fixture.demo.initiativeIds.dialogue}`));
    await desk.getByRole('heading', { name: 'Open a new dialogue' }).waitFor();
    await desk
      .getByLabel('Prompt (the question put to participants)')
      .fill('What would make the coast road safe for all?');
    const sides = desk.getByLabel('Sides participants may declare');
    await sides.selectOption({ index: 1 });
    await desk.getByLabel('Opening statements (one per line)').fill(statements.join('\n'));
    await desk.getByRole('button', { name: 'Open the dialogue' }).click();
    // The convener lands where the dialogue is shared: its link and QR code.
    await desk.getByRole('heading', { name: 'Invite participants' }).waitFor();
    dialoguePath = new URL(desk.url()).hash.slice(1).replace(/\/invite$/, '');
    expect(dialoguePath).toMatch(/^\/i\/[0-9a-f-]{36}\/dialogues\/[0-9a-f-]{36}$/);
  });
});

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
      await first.goto(`${rig.server.url}/#${dialoguePath}`);
      await first.getByRole('button', { name: 'Agree', exact: true }).waitFor();
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
    await page.goto(`${rig.server.url}/#${dialoguePath}`);
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

describe('a dialogue on three phones', () => {
  it('three participants vote on every statement and see the common ground', async () => {
    // Agree on the first two statements together; split on the others.
    const ballots = [
      ['Agree', 'Agree', 'Disagree', 'Agree'],
      ['Agree', 'Agree', 'Agree', 'Disagree'],
      ['Agree', 'Pass / unsure', 'Disagree', 'Disagree'],
    ];
    for (const [index, person] of fixture.dialogueParticipants.entries()) {
      const context = await rig.browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true });
      const phonePage = await context.newPage();
      await signIn(phonePage, person);
      await phonePage.getByRole('link', { name: /Highlands/ }).click();
      await phonePage
        .locator('.card', { hasText: 'What would make the coast road safe for all?' })
        .getByRole('link', { name: 'Take part' })
        .click();
      const side = phonePage.getByLabel(/Your side/);
      await side.selectOption({ index: 1 + (index % 2) });
      await phonePage.getByText('Saved.').waitFor();
      for (let n = 0; n < statements.length; n++) {
        const card = phonePage.locator('.statement-card');
        await card.waitFor();
        const text = (await card.innerText()).trim();
        const answer = ballots[index][statements.indexOf(text)];
        expect(answer, text).toBeDefined();
        await phonePage.getByRole('button', { name: answer, exact: true }).click();
        if (n < statements.length - 1) {
          await phonePage.waitForFunction(
            (before) => document.querySelector('.statement-card')?.textContent?.trim() !== before,
            text,
          );
        }
      }
      await phonePage.getByText('You have voted on every statement. Thank you.').waitFor();
      await phonePage.getByRole('heading', { name: 'Common ground' }).waitFor();
      // Three voters cannot give every opinion group 3 votes on a statement (the minimum-votes rule), so
      // no statement is claimed as common ground yet; the page says why instead of listing any.
      await phonePage.getByText('No common ground yet: it appears once enough people have voted.').waitFor();
      expect(await phonePage.locator('.common-ground li').count()).toBe(0);
      if (index === 0) await screenshot(phonePage, 'dialogue-common-ground');
      await context.close();
    }
  });

  it('the convener sees the groups, the consensus and the sides', async () => {
    await desk.goto(`${rig.server.url}/#${dialoguePath}/results`);
    // The convener's page was opened before the votes came in: the refresh button fetches the new figures.
    await desk.getByRole('button', { name: 'Refresh' }).click();
    const summary = desk.getByText(/\d+ participants, \d+ votes\./);
    await summary.waitFor();
    const [participants, votes] = (await summary.innerText()).match(/\d+/g)!.map(Number);
    expect({ participants, votes }).toEqual({ participants: 3, votes: 12 });
    await desk.getByRole('heading', { name: 'Opinion groups and what sets them apart' }).waitFor();
    await desk.getByRole('heading', { name: 'Consensus across groups' }).waitFor();
    expect(await desk.getByRole('heading', { name: /^Group [A-Z]$/ }).count()).toBeGreaterThanOrEqual(2);
    // Everybody agreed with the first statement, but three voters in two or more groups leave some group
    // below the minimum of 3 votes: the page states the rule and claims no consensus ("not enough votes").
    expect(await desk.locator('p.minimum-rule').innerText()).toContain('at least 3 votes');
    expect(await desk.locator('ul.consensus-agree').count()).toBe(0);
    const firstRow = desk.locator('tbody tr', { hasText: statements[0] });
    expect((await firstRow.locator('td').nth(2).innerText()).trim()).toBe('3');
    expect(await firstRow.innerText()).toContain('not enough votes');
    await desk.getByRole('heading', { name: 'By declared side' }).waitFor();
    const sides = await desk.locator('h2:has-text("By declared side") + ul').innerText();
    expect(sides).toContain(': 2 participants');
    expect(sides).toContain(': 1 participant');
    await screenshot(desk, 'dialogue-results');
  });
});

describe('between initiatives', () => {
  it("a participant of one initiative cannot open another's pages", async () => {
    const other = fixture.demo.initiativeIds.council;
    for (const path of [`/i/${other}`, `/i/${other}/meetings`]) {
      await page.goto(`${rig.server.url}/#${path}`);
      await page
        .locator('main [role=alert]:visible', { hasText: 'No such record, or you may not see it.' })
        .first()
        .waitFor();
      expect(await page.locator('main tbody tr').count()).toBe(0);
      expect(await page.locator('main').innerText()).not.toContain('Eastern Marches');
    }
    await screenshot(page, 'participant-refused');
    // Nor may a participant read the actor map of their own conflict (docs/foundation.md).
    await page.goto(`${rig.server.url}/#/w/${fixture.demo.workspaceId}/actors`);
    await page
      .locator('main [role=alert]:visible', { hasText: 'Your role does not allow this' })
      .first()
      .waitFor();
    expect(await page.locator('main tbody tr').count()).toBe(0);
    // Their own initiative still opens.
    await page.goto(`${rig.server.url}/#/i/${fixture.demo.initiativeIds.dialogue}`);
    await page.getByRole('heading', { name: 'Meetings' }).waitFor();
    expect(await page.locator('main [role=alert]').count()).toBe(0);
  });
});
