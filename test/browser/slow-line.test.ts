import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, CDPSession, ConsoleMessage, Page } from 'playwright-core';
import { startRig, type BrowserRig } from './support/harness.js';
import { loadDemoFixture, type DemoFixture } from './support/demo-fixture.js';

/**
 * A participant on a slow line: Chromium's network emulation (CDP Network.emulateNetworkConditions) at
 * 400 kbit/s down and up with 400 ms round trips, the 3G line of issue #14. On a first visit (empty
 * cache) and a repeat visit, it measures the bytes that crossed the line (every response's encoded size,
 * headers included) and the time until the first vote is possible (the Agree button of the first
 * statement enabled), and prints them; bench/README.md records them. Times are printed, never asserted;
 * the first load of the participant page must stay under 100 KB, and the vote must arrive.
 */

const LINE = {
  offline: false,
  latency: 400,
  downloadThroughput: (400 * 1000) / 8,
  uploadThroughput: (400 * 1000) / 8,
};
const BUDGET = 100 * 1024;

let rig: BrowserRig;
let fixture: DemoFixture;
let laptop: BrowserContext;
let desk: Page;
let dialogueId = '';
let joinPath = '';
const consoleErrors: string[] = [];
const figures: string[] = [];

async function api<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([verb, url, payload]) => {
      const response = await fetch(url as string, {
        method: verb as string,
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        body: payload === undefined ? undefined : JSON.stringify(payload),
      });
      if (!response.ok)
        throw new Error(`${String(verb)} ${String(url)}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    [method, path, body] as const,
  ) as Promise<T>;
}

/** Counts the bytes that crossed the emulated line for one page, request by request. */
class LineMeter {
  private bytes = 0;
  private requests = 0;
  private readonly urls = new Map<string, string>();
  /** Each response's path and size, largest first, for the printed figures. */
  readonly files: { path: string; bytes: number; at: number }[] = [];
  private started = Date.now();
  constructor(cdp: CDPSession) {
    cdp.on('Network.requestWillBeSent', (event: { requestId: string; request: { url: string } }) => {
      this.urls.set(event.requestId, new URL(event.request.url).pathname);
    });
    cdp.on('Network.loadingFinished', (event: { requestId: string; encodedDataLength: number }) => {
      this.bytes += event.encodedDataLength;
      this.requests += 1;
      this.files.push({
        path: this.urls.get(event.requestId) ?? '?',
        bytes: event.encodedDataLength,
        at: Date.now() - this.started,
      });
    });
  }
  static async on(page: Page): Promise<LineMeter> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', LINE);
    return new LineMeter(cdp);
  }
  reset(): void {
    this.bytes = 0;
    this.requests = 0;
    this.files.length = 0;
    this.started = Date.now();
  }
  read(): { bytes: number; requests: number } {
    return { bytes: this.bytes, requests: this.requests };
  }
}

async function phone(): Promise<BrowserContext> {
  const context = await rig.browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  await context.addInitScript(markFirstVote);
  return context;
}

function collectErrors(target: Page): void {
  target.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') consoleErrors.push(`${target.url()}: ${message.text()}`);
  });
  target.on('pageerror', (error) => consoleErrors.push(`page error: ${error.message}`));
}

/**
 * Notes, inside the page, the moment a vote becomes possible (an enabled Agree button), to the
 * millisecond: Playwright's own waiting polls at up to 500 ms intervals, too coarse for these figures.
 */
function markFirstVote(): void {
  const w = window as unknown as { firstVoteAt?: number };
  const mark = () => {
    const agree = document.querySelector<HTMLButtonElement>('.vote-agree');
    if (agree && !agree.disabled && w.firstVoteAt === undefined) w.firstVoteAt = Date.now();
  };
  new MutationObserver(mark).observe(document, { subtree: true, childList: true, attributes: true });
}

/** Opens `url`, joins when the join form shows, and waits until the first statement can be voted on. */
async function untilFirstVote(page: Page, url: string, join: boolean): Promise<number> {
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  if (join) {
    // Clicked as soon as it shows (checked every frame), as a person who came to join would.
    await page.waitForFunction(() => document.querySelector('.join button.primary:enabled') !== null, null, {
      polling: 'raf',
      timeout: 60_000,
    });
    await page.locator('.join button.primary').click();
  }
  const at = await page.waitForFunction(
    () => (window as unknown as { firstVoteAt?: number }).firstVoteAt,
    null,
    { timeout: 60_000 },
  );
  return ((await at.jsonValue()) as number) - started;
}

function record(name: string, ms: number, meter: LineMeter): { bytes: number } {
  const { bytes, requests } = meter.read();
  const line = `${name}: first vote possible after ${(ms / 1000).toFixed(2)} s, ${(bytes / 1024).toFixed(1)} KB in ${requests} responses`;
  figures.push(line);
  // Each response as it finished: what waits on what, for bench/README.md.
  const timeline = meter.files.map(
    (file) =>
      `    ${(file.at / 1000).toFixed(2)} s ${(file.bytes / 1024).toFixed(1).padStart(5)} KB ${file.path}`,
  );
  console.log(`[slow line] ${line}\n${timeline.join('\n')}`);
  return { bytes };
}

beforeAll(async () => {
  rig = await startRig();
  fixture = await loadDemoFixture(rig.server);
  laptop = await rig.browser.newContext({ viewport: { width: 1280, height: 900 } });
  desk = await laptop.newPage();
  await desk.goto(rig.server.url);
  await desk.getByLabel('Email').fill(fixture.admin.email);
  await desk.getByLabel('Password').fill(fixture.admin.password);
  await desk.getByRole('button', { name: 'Sign in' }).click();
  await desk.getByRole('button', { name: 'Sign out' }).waitFor();
  const created = await api<{ id: string }>(
    desk,
    'POST',
    `/api/initiatives/${fixture.demo.initiativeIds.dialogue}/dialogues`,
    {
      prompt: 'How should the wells be shared between the valley and the hills?',
      divide_id: null,
      strict_moderation: false,
      statements: ['Every village keeps one well open to all.', 'The elders set the hours together.'],
      join: 'open',
    },
  );
  dialogueId = created.id;
  const dialogue = await api<{ join_url: string }>(desk, 'GET', `/api/dialogues/${created.id}`);
  joinPath = dialogue.join_url.startsWith('/') ? dialogue.join_url : `/${dialogue.join_url}`;
}, 300_000);

afterAll(async () => {
  await laptop?.close();
  await rig?.close();
  if (figures.length > 0) console.log(`[slow line] 400 kbit/s, 400 ms RTT\n  ${figures.join('\n  ')}`);
});

describe('the participant page on a 400 kbit/s line with 400 ms round trips', () => {
  it('loads under 100 KB on a first visit, votes, and comes back from the cache', async () => {
    expect(joinPath).toMatch(/^\/p\/#\/join\//);
    const context = await phone();
    const page = await context.newPage();
    collectErrors(page);
    const meter = await LineMeter.on(page);
    meter.reset();
    const lightUrl = `${rig.server.url}${joinPath}`;

    const first = record('first visit', await untilFirstVote(page, lightUrl, true), meter);
    expect(first.bytes).toBeLessThan(BUDGET);

    await page.getByRole('button', { name: 'Agree', exact: true }).click();
    await page.getByText('Statement 2 of 2').waitFor({ timeout: 60_000 });

    // A repeat visit: the same phone opens the link again later (a new tab, the browser's cache kept).
    await page.close();
    const again = await context.newPage();
    collectErrors(again);
    const meterAgain = await LineMeter.on(again);
    meterAgain.reset();
    record('repeat visit', await untilFirstVote(again, lightUrl, false), meterAgain);
    await again.getByText('Statement 2 of 2').waitFor();
    await context.close();

    // The vote arrived, once: an agree on the first statement.
    const votes = await rig.server.store.db
      .selectFrom('dialogue_votes')
      .where('dialogue_id', '=', dialogueId)
      .select(['vote'])
      .execute();
    expect(votes.map((row) => row.vote)).toEqual([1]);
  }, 180_000);

  it('an old link (/#/join/…) forwards to the light page, in a reader language loaded alone', async () => {
    const context = await phone();
    await context.addInitScript(() => window.localStorage.setItem('tracktwo.language', 'so'));
    const page = await context.newPage();
    collectErrors(page);
    const meter = await LineMeter.on(page);
    const languages: string[] = [];
    page.on('request', (request) => {
      const match = /\/assets\/(en|fr|ar|he|so|sw|ln)-[\w-]+\.js$/.exec(request.url());
      if (match) languages.push(match[1]);
    });
    meter.reset();
    // A link made before the light page (or printed on a sheet): /#/join/CODE at the root.
    const ms = await untilFirstVote(page, `${rig.server.url}/${joinPath.slice('/p/'.length)}`, true);
    expect(page.url()).toMatch(/\/p\/#\/join\//);
    record('first visit (old /#/join/ link, Somali)', ms, meter);
    expect(languages).toEqual(['so']);
    await context.close();
  }, 180_000);

  it('logs no console error', () => {
    expect(consoleErrors).toEqual([]);
  });
});
