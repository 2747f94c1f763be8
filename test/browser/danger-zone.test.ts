import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture, type Person } from './support/demo-fixture.js';
import { seriousViolations } from './support/axe.js';

/**
 * The danger zone of the settings pages on a 360 px phone: a workspace administrator reads what an
 * emergency erasure destroys and what backups keep, is held back by a mistyped name, erases an initiative
 * and then the whole workspace, and sees what was destroyed; a participant is told who can, with no
 * button. In English, French and Arabic (right to left), with no console error.
 */

let rig: BrowserRig;
let fixture: DemoFixture;
const contexts: BrowserContext[] = [];
const consoleErrors: string[] = [];
let admin: Page;
let participant: Page;
let initiativeName = '';
let workspaceName = '';

const url = (path: string) => `${rig.server.url}/#${path}`;

async function phonePage(person: Person): Promise<Page> {
  const context = await rig.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${person.email}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${person.email}: ${error.message}`));
  await page.goto(rig.server.url);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return page;
}

const identitiesOf = async (actorIds?: string[]) => {
  let query = rig.server.store.db
    .selectFrom('actor_identities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('workspace_id', '=', fixture.demo.workspaceId);
  if (actorIds) query = query.where('actor_id', 'in', actorIds);
  return Number((await query.executeTakeFirstOrThrow()).n);
};

const fitsThePhone = async (page: Page) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  const db = rig.server.store.db;
  initiativeName = (
    await db
      .selectFrom('initiatives')
      .select('name')
      .where('id', '=', fixture.demo.initiativeIds.council)
      .executeTakeFirstOrThrow()
  ).name;
  workspaceName = (
    await db
      .selectFrom('workspaces')
      .select('name')
      .where('id', '=', fixture.demo.workspaceId)
      .executeTakeFirstOrThrow()
  ).name;
  admin = await phonePage(fixture.admin);
  participant = await phonePage(fixture.councilParticipant);
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await rig?.close();
});

describe('the danger zone', () => {
  it('is explained, with no button, to a participant, whose initiative page offers no settings', async () => {
    const initiativeId = fixture.demo.initiativeIds.council;
    await participant.goto(url(`/i/${initiativeId}`));
    await participant.getByRole('heading', { name: initiativeName, level: 1 }).waitFor();
    expect(await participant.getByRole('link', { name: 'Settings' }).count()).toBe(0);
    await participant.goto(url(`/i/${initiativeId}/settings`));
    await participant.getByRole('heading', { name: 'Danger zone' }).waitFor();
    await participant.getByText(/Only an administrator of this workspace can erase it/).waitFor();
    expect(await participant.getByRole('button', { name: 'Erase for good' }).count()).toBe(0);
    expect(await participant.getByRole('textbox').count()).toBe(0);
    await fitsThePhone(participant);
    expect(await seriousViolations(participant)).toEqual([]);
  });

  it('erases an initiative for its administrator only once its name is typed, and says what it destroyed', async () => {
    const initiativeId = fixture.demo.initiativeIds.council;
    const named = (
      await rig.server.store.db
        .selectFrom('attendances')
        .innerJoin('meetings', 'meetings.id', 'attendances.meeting_id')
        .select('attendances.actor_id')
        .where('meetings.initiative_id', '=', initiativeId)
        .execute()
    ).map((row) => row.actor_id);
    expect(named.length).toBeGreaterThan(0);
    const before = await identitiesOf(named);
    expect(before).toBeGreaterThan(0);

    await admin.goto(url(`/i/${initiativeId}`));
    await admin.getByRole('heading', { name: initiativeName, level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('heading', { name: 'Danger zone' }).waitFor();
    // What goes and what stays, in words.
    await admin.getByText(/destroys the keys that seal those identities/).waitFor();
    await admin.getByText(/not even with the master key/).waitFor();
    await admin.getByText(/backups taken before now still hold the identities/).waitFor();
    await fitsThePhone(admin);
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'danger-zone-initiative');

    const field = admin.getByLabel(`Type the name “${initiativeName}” to confirm`);
    await field.fill(`${initiativeName} (not quite)`);
    await admin.getByRole('button', { name: 'Erase for good' }).click();
    await admin.getByText('The name typed does not match: nothing was erased.').first().waitFor();
    expect(await identitiesOf(named)).toBe(before);

    await field.fill(initiativeName);
    await admin.getByRole('button', { name: 'Erase for good' }).click();
    const status = admin.getByRole('status').filter({ hasText: 'Erased.' });
    await status.waitFor();
    const shown = Number(/Identities destroyed: (\d+)/.exec(await status.innerText())?.[1]);
    expect(shown).toBeGreaterThanOrEqual(before);
    expect(await identitiesOf(named)).toBe(0);
    expect(await identitiesOf()).toBeGreaterThan(0);
    await fitsThePhone(admin);
  });

  it('reads right to left in Arabic on the phone, and erases the whole workspace in French', async () => {
    const workspaceId = fixture.demo.workspaceId;
    await admin.goto(url(`/w/${workspaceId}`));
    await admin.getByRole('link', { name: 'Settings' }).click();
    await admin.getByRole('heading', { name: 'Danger zone' }).waitFor();
    await admin.getByText(/the workspace key and with it the identity/).waitFor();

    await admin.getByLabel('Language').selectOption('ar');
    await admin.waitForFunction(() => document.documentElement.dir === 'rtl');
    const direction = await admin.evaluate(
      () => getComputedStyle(document.querySelector('.danger-zone')!).direction,
    );
    expect(direction).toBe('rtl');
    await fitsThePhone(admin);
    expect(await seriousViolations(admin)).toEqual([]);
    await screenshot(admin, 'danger-zone-workspace-ar');

    await admin.getByLabel('اللغة').selectOption('fr');
    await admin.waitForFunction(() => document.documentElement.dir === 'ltr');
    await admin.getByRole('heading', { name: 'Zone de danger' }).waitFor();
    await admin.getByText(/les sauvegardes faites avant ce moment gardent les identités/).waitFor();
    await fitsThePhone(admin);
    await admin.getByLabel(`Tapez le nom « ${workspaceName} » pour confirmer`).fill(workspaceName);
    await admin.getByRole('button', { name: 'Effacer pour toujours' }).click();
    await admin.getByRole('status').filter({ hasText: 'Effacé.' }).waitFor();
    expect(await identitiesOf()).toBe(0);
    await admin.getByLabel('Langue').selectOption('en');
    await admin.waitForFunction(() => document.documentElement.lang === 'en');
  });

  it('logged no console error on any page', () => {
    expect(consoleErrors).toEqual([]);
  });
});
