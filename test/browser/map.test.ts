import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { screenshot, startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';

/*
 * The network map as an analyst uses it: focus on an actor by search and by a click, hide a side, read
 * every line and colour in the legend, export a picture with names and the legend on it; no console error.
 */

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  desk = await laptop.newPage();
  desk.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  desk.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
  await desk.goto(rig.server.url);
  await desk.getByLabel('Email').fill(fixture.admin.email);
  await desk.getByLabel('Password').fill(fixture.admin.password);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.getByRole('button', { name: 'Sign out' }).waitFor();
});

afterAll(async () => {
  await laptop?.close();
  await rig?.close();
});

const shown = async () =>
  (await desk.getByText(/actors and \d+ ties shown/).innerText()).match(/\d+/g)!.map(Number);

describe('the network map', () => {
  const map = () => desk.getByTestId('network-map');

  it('shows every side, tie line and ring in the legend, No group apart from Unaffiliated', async () => {
    await desk.goto(`${rig.server.url}/#/w/${fixture.demo.workspaceId}/map`);
    await desk.getByText(/actors and \d+ ties shown/).waitFor({ timeout: 30_000 });
    await map().locator('canvas').first().waitFor({ state: 'attached' });
    await desk.getByLabel('Colour by divide').selectOption({ label: 'Faith' });
    await desk.locator('[data-testid="network-map"][data-settled="true"]').waitFor({ timeout: 60_000 });
    const sides = desk.getByRole('group', { name: 'Sides shown' });
    const unaffiliated = sides.locator('label', { hasText: 'Unaffiliated' }).locator('.swatch');
    const noGroup = sides.locator('label', { hasText: 'No group' }).locator('.swatch');
    const colour = (swatch: typeof noGroup) => swatch.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [a, b] = [await colour(unaffiliated), await colour(noGroup)];
    const grey = (rgb: string) => rgb.match(/\d+/g)!.slice(0, 3).map(Number);
    const distance = Math.max(...grey(a).map((v, i) => Math.abs(v - grey(b)[i])));
    expect(distance).toBeGreaterThan(60);
    const lines = await desk.getByRole('list', { name: 'Legend' }).getByRole('listitem').allInnerTexts();
    for (const wanted of [
      'Tie (grey line',
      'Hostile tie (red line)',
      'Bridge',
      'Tie across groups',
      'Broker',
    ]) {
      expect(
        lines.some((line) => line.includes(wanted)),
        wanted,
      ).toBe(true);
    }
  });

  it('focuses on an actor found by search, with their measures, and again by a click', async () => {
    const first = (await desk.locator('details tbody tr td').first().textContent())!.trim();
    await desk.getByLabel('Find an actor').fill(first);
    await desk.getByRole('button', { name: 'Find', exact: true }).click();
    await desk.waitForFunction(
      (id) => document.querySelector('[data-testid="network-map"]')?.getAttribute('data-focus') === id,
      first,
    );
    const panel = desk.locator('.map-focus');
    expect(await panel.getByRole('heading').innerText()).toContain(first);
    const facts = await panel.locator('dt').allInnerTexts();
    expect(facts).toEqual(
      expect.arrayContaining(['Betweenness centrality', 'PageRank', 'Degree centrality']),
    );
    expect(await panel.getByRole('link', { name: 'Open the actor’s page' }).getAttribute('href')).toMatch(
      /actors\//,
    );
    await desk.getByRole('button', { name: 'Show the whole map' }).click();
    expect(await map().getAttribute('data-focus')).toBe('');
    // The camera came to the actor: a click at the middle of the map lands on them.
    await desk.waitForTimeout(600);
    const box = (await map().boundingBox())!;
    await desk.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await desk.waitForFunction(
      (id) => document.querySelector('[data-testid="network-map"]')?.getAttribute('data-focus') === id,
      first,
    );
    await screenshot(desk, 'network-map-focus');
    const missing = 'nobody by this name';
    await desk.getByLabel('Find an actor').fill(missing);
    await desk.getByRole('button', { name: 'Find', exact: true }).click();
    await desk.getByText(`No actor on the map matches “${missing}”.`).waitFor();
  });

  it('hides a side and shows it again; panels follow the tie kinds shown', async () => {
    await desk.getByRole('button', { name: 'Show the whole map' }).click();
    const [actors] = await shown();
    const side = desk.getByRole('group', { name: 'Sides shown' }).getByRole('checkbox').first();
    await side.uncheck();
    await desk.waitForFunction(
      (before) => Number(/(\d+) actors and/.exec(document.body.innerText)?.[1]) < before,
      actors,
    );
    await side.check();
    await desk.waitForFunction(
      (before) => Number(/(\d+) actors and/.exec(document.body.innerText)?.[1]) === before,
      actors,
    );
    const [, ties] = await shown();
    const answered = desk.waitForResponse(
      (r) => r.url().includes('/network/brokers') && r.url().includes('hostile'),
    );
    await desk.getByRole('group', { name: 'Tie kinds shown' }).getByLabel('Hostile').check();
    const response = await answered;
    expect(response.status()).toBe(200);
    await desk.waitForFunction(
      (count) => Number(/actors and (\d+) ties/.exec(document.body.innerText)?.[1]) > count,
      ties,
    );
  });

  it('exports SVG and PNG pictures with labels and the legend', async () => {
    const svgDownload = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Export SVG' }).click();
    const svg = await readFile((await (await svgDownload).path())!, 'utf8');
    expect(svg).toContain('class="map-legend"');
    expect((svg.match(/class="map-label"/g) ?? []).length).toBeGreaterThan(10);
    expect(svg).toContain('Hostile tie (red line)');
    expect(svg).toContain('No group');
    const pngDownload = desk.waitForEvent('download');
    await desk.getByRole('button', { name: 'Export PNG' }).click();
    const png = await readFile((await (await pngDownload).path())!);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // As wide as the drawing and its legend column.
    expect(png.readUInt32BE(16)).toBe(1320);
    expect(consoleErrors).toEqual([]);
  });
});
