import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import type { MembershipRole } from '../../src/security/access.js';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture, type Person } from './support/demo-fixture.js';

/**
 * What a role cannot do is not offered: a participant and a funder walk every page they can reach and
 * meet no button or link that would end in a refusal, no raw error code or permission name, no funding
 * figure (the participant), and no console error. A convener on the same pages is offered them, so the
 * absences are the access table's doing and not a page that failed to load.
 */

const password = 'a long test passphrase for tracktwo';
let rig: BrowserRig;
let fixture: DemoFixture;
let funder: Person;
let convener: Person;
let meetingId = '';
let dialogueId = '';

/** Actions (buttons and links by their English words) only conveners and facilitators are offered. */
const leadActions = [
  'Plan a meeting',
  'Add an outcome',
  'Edit outcome',
  'Delete outcome',
  'Record a transfer',
  'Record what became of it',
  'Delete transfer',
  'Record',
  'Edit the initiative',
  'Actors and ties',
  'Network map',
  'Surveys',
  'Research export',
  'Settings',
  'Invite',
];

async function signIn(page: Page, person: Person): Promise<void> {
  await page.goto(rig.server.url);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

interface Visitor {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
}

async function visitor(person: Person): Promise<Visitor> {
  const context = await rig.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
  await signIn(page, person);
  return { context, page, consoleErrors };
}

/** Opens a page and waits until nothing is loading any more. */
async function open(page: Page, path: string, heading: string | RegExp): Promise<void> {
  await page.goto(`${rig.server.url}/#${path}`);
  await page.getByRole('heading', { name: heading }).first().waitFor();
  await page.waitForFunction(() => !document.querySelector('.state-loading'));
  await page.waitForLoadState('networkidle');
}

/** The lead actions a page offers, by exact name. */
async function offered(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const name of leadActions) {
    const count =
      (await page.getByRole('button', { name, exact: true }).count()) +
      (await page.getByRole('link', { name, exact: true }).count());
    if (count > 0) found.push(name);
  }
  return found;
}

/** Raw codes and permission names that must never reach the page's words. */
async function rawWords(page: Page): Promise<string[]> {
  const text = await page.locator('main').innerText();
  return [
    ...text.matchAll(/TT_ERR_[A-Z_]+|\b[a-z]+\.(?:read|write|manage|names|participate|results)\b/g),
  ].map((match) => match[0]);
}

function pages(initiativeId: string, workspaceId: string): { path: string; heading: string | RegExp }[] {
  return [
    { path: '/', heading: 'Your work' },
    { path: `/w/${workspaceId}`, heading: 'Conflicts' },
    { path: `/i/${initiativeId}`, heading: 'Highlands–Coast Dialogue' },
    { path: `/i/${initiativeId}/meetings`, heading: 'Meetings' },
    { path: `/i/${initiativeId}/meetings/${meetingId}`, heading: 'Outcomes' },
  ];
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  funder = { email: 'funder@browser.test', password };
  convener = { email: 'convener@browser.test', password };
  const system = systemAuth('permissions browser test');
  await rig.server.store.db.transaction().execute(async (trx) => {
    for (const [person, role] of [
      [funder, 'funder'],
      [convener, 'convener'],
    ] as [Person, MembershipRole][]) {
      const account = await createAccount(trx, rig.server.keys, system, {
        ...person,
        displayName: role,
      });
      await grantMembership(trx, rig.server.keys, system, {
        accountId: account.id,
        initiativeId: fixture.demo.initiativeIds.dialogue,
        role,
      });
    }
  });
  const db = rig.server.store.db;
  // A meeting of the initiative with an outcome and a transfer, so its edit actions would show.
  const withTransfer = await db
    .selectFrom('transfers')
    .innerJoin('outcomes', 'outcomes.id', 'transfers.outcome_id')
    .select(['outcomes.meeting_id as meeting_id'])
    .where('outcomes.initiative_id', '=', fixture.demo.initiativeIds.dialogue)
    .where('outcomes.meeting_id', 'is not', null)
    .executeTakeFirstOrThrow();
  meetingId = withTransfer.meeting_id!;
  dialogueId = (
    await db
      .selectFrom('dialogues')
      .select('id')
      .where('initiative_id', '=', fixture.demo.initiativeIds.dialogue)
      .executeTakeFirstOrThrow()
  ).id;
});

afterAll(async () => {
  await rig?.close();
});

describe('a permission-aware interface', () => {
  it('offers a convener the lead actions (the control: the pages load and show them)', async () => {
    const lead = await visitor(convener);
    const { initiativeIds, workspaceId } = { ...fixture.demo, workspaceId: fixture.demo.workspaceId };
    const seen = new Set<string>();
    for (const { path, heading } of pages(initiativeIds.dialogue, workspaceId)) {
      await open(lead.page, path, heading);
      for (const name of await offered(lead.page)) seen.add(name);
    }
    for (const name of [
      'Plan a meeting',
      'Add an outcome',
      'Edit outcome',
      'Delete transfer',
      'Edit the initiative',
    ])
      expect([...seen]).toContain(name);
    await open(lead.page, `/i/${initiativeIds.dialogue}`, 'Highlands–Coast Dialogue');
    expect(await lead.page.locator('main').innerText()).toContain('Funding');
    expect(lead.consoleErrors).toEqual([]);
    await lead.context.close();
  });

  for (const role of ['participant', 'funder'] as const) {
    it(`offers a ${role} no action the role cannot take, no raw code and no console error`, async () => {
      const person = role === 'participant' ? fixture.dialogueParticipant : funder;
      const guest = await visitor(person);
      const initiativeId = fixture.demo.initiativeIds.dialogue;
      const visits = pages(initiativeId, fixture.demo.workspaceId);
      if (role === 'participant')
        visits.push({ path: `/i/${initiativeId}/dialogues/${dialogueId}`, heading: /./ });
      else visits.push({ path: `/i/${initiativeId}/evidence`, heading: 'Evidence' });
      for (const { path, heading } of visits) {
        await open(guest.page, path, heading);
        expect(await offered(guest.page), path).toEqual([]);
        expect(await rawWords(guest.page), path).toEqual([]);
        const text = await guest.page.locator('main').innerText();
        // A transfer's recipients are actors: without the actor map the role sees how many, not who.
        if (path.endsWith(`/meetings/${meetingId}`)) expect(text, path).toMatch(/→ \d+ recipients?/);
        if (role === 'participant') {
          expect(text, path).not.toContain('Funding');
          expect(text, path).not.toMatch(/420[,. \u00a0\u202f]?000|265[,. \u00a0\u202f]?000/);
        }
        await screenshot(guest.page, `permissions-${role}-${path.replace(/[^a-z0-9]+/gi, '-')}`);
      }
      if (role === 'funder') {
        await open(guest.page, `/i/${initiativeId}`, 'Highlands–Coast Dialogue');
        expect(await guest.page.locator('main').innerText()).toContain('Funding');
      }
      expect(guest.consoleErrors).toEqual([]);
      await guest.context.close();
    });
  }

  it('records what became of a transfer, then deletes it after confirmation', async () => {
    const lead = await visitor(convener);
    await open(lead.page, `/i/${fixture.demo.initiativeIds.dialogue}/meetings/${meetingId}`, 'Outcomes');
    const rows = lead.page.locator('li.card ul > li');
    const before = await rows.count();
    expect(before).toBeGreaterThan(0);
    const row = rows.first();
    // The convener reads the actor map, so the recipients are named, not counted.
    expect(await row.innerText()).not.toMatch(/→ \d+ recipients?/);
    await row.getByRole('button', { name: 'Record what became of it', exact: true }).click();
    await row.getByLabel('Status', { exact: true }).selectOption('adopted');
    await row.getByLabel('Status as of', { exact: true }).fill('2026-03-04');
    await row.getByLabel('Note', { exact: true }).fill('Adopted into the ministry plan');
    await row.getByRole('button', { name: 'Save', exact: true }).click();
    await row.getByRole('button', { name: 'Delete transfer', exact: true }).waitFor();
    const text = await row.innerText();
    expect(text).toContain('Adopted (2026-03-04)');
    expect(text).toContain('Adopted into the ministry plan');

    await row.getByRole('button', { name: 'Delete transfer', exact: true }).click();
    const dialog = lead.page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(before);
    await row.getByRole('button', { name: 'Delete transfer', exact: true }).click();
    await lead.page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await lead.page.waitForFunction(
      (n) => document.querySelectorAll('li.card ul > li').length === n - 1,
      before,
    );
    expect(lead.consoleErrors).toEqual([]);
    await lead.context.close();
  });

  it('edits an outcome in place', async () => {
    const lead = await visitor(convener);
    await open(lead.page, `/i/${fixture.demo.initiativeIds.dialogue}/meetings/${meetingId}`, 'Outcomes');
    const card = lead.page.locator('.cards > li.card').first();
    await card.getByRole('button', { name: 'Edit outcome', exact: true }).click();
    await card.getByLabel('Title', { exact: true }).fill('A joint water-sharing proposal, revised');
    await card.getByRole('button', { name: 'Save', exact: true }).click();
    await card.getByRole('heading', { name: 'A joint water-sharing proposal, revised' }).waitFor();
    expect(lead.consoleErrors).toEqual([]);
    await lead.context.close();
  });

  it('asks before deleting an outcome: cancel keeps it, confirming deletes it', async () => {
    const lead = await visitor(convener);
    await open(lead.page, `/i/${fixture.demo.initiativeIds.dialogue}/meetings/${meetingId}`, 'Outcomes');
    const cards = lead.page.locator('.cards > li.card');
    const before = await cards.count();
    expect(before).toBeGreaterThan(0);
    await cards.first().getByRole('button', { name: 'Delete outcome', exact: true }).click();
    const dialog = lead.page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('heading').innerText()).toMatch(/^Delete the outcome/);
    await screenshot(lead.page, 'permissions-confirm-delete');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await cards.count()).toBe(before);
    await cards.first().getByRole('button', { name: 'Delete outcome', exact: true }).click();
    await lead.page.getByRole('dialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await lead.page.waitForFunction(
      (n) => document.querySelectorAll('.cards > li.card').length === n - 1,
      before,
    );
    expect(lead.consoleErrors).toEqual([]);
    await lead.context.close();
  });
});
