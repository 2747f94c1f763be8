import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { testApp, testKeys } from './support/app.js';
import { planCases, type Case } from './support/access-cases.js';
import { buildWorld, matrix, roles, tables, type OwnRole } from './support/access-world.js';
import { metTieIn, secretsIn } from './support/reply-leaks.js';

const BATCH = 60;

/** What can be wrong with a reply: a leak, a write let through, a server error, or a gate that answered otherwise. */
type Kind = 'leak' | 'write' | 'server error' | 'gate';
interface Finding {
  kind: Kind;
  text: string;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** What is wrong with a reply to a case of the matrix, if anything. */
function judge(item: Case, response: LightMyRequestResponse): Finding[] {
  const status = response.statusCode;
  const label = `${item.label} -> ${status}`;
  const found: Finding[] = [];
  const wrong = {
    push: (text: string) =>
      found.push({
        kind: / leaks |shows the met tie/.test(text) ? 'leak' : status >= 500 ? 'server error' : 'gate',
        text,
      }),
  };
  if (status >= 500) wrong.push(`${label}: server error ${response.body.slice(0, 200)}`);
  // A write that was to be refused and answered success is a write let through, whatever it changed.
  const refusal = item.expect === 'refused' || item.expect === 'forbidden' || item.expect === 'cross-origin';
  if (refusal && status < 400 && WRITES.has(String(item.request.method)))
    found.push({ kind: 'write', text: `${label}: a write to be refused succeeded` });
  const code = (): unknown => {
    try {
      return (JSON.parse(response.body) as { error?: { code?: unknown } }).error?.code;
    } catch {
      return undefined;
    }
  };
  if (item.expect === 'refused' && ![403, 404].includes(status))
    wrong.push(`${label}: expected 403 or 404, got ${response.body.slice(0, 200)}`);
  if (item.expect === 'forbidden' && status !== 403)
    wrong.push(`${label}: expected 403, got ${response.body.slice(0, 200)}`);
  if (item.expect === 'allowed' && status === 403)
    wrong.push(`${label}: the gate refused a role it lets through: ${response.body.slice(0, 200)}`);
  if (item.expect === 'cross-origin' && (status !== 403 || code() !== 'TT_ERR_CROSS_ORIGIN'))
    wrong.push(`${label}: expected 403 TT_ERR_CROSS_ORIGIN, got ${response.body.slice(0, 200)}`);
  const leaked = secretsIn(response.body, item.asked, item.secrets);
  if (leaked.length > 0) wrong.push(`${label}: leaks ${leaked.join(', ')}`);
  for (const [one, other] of item.hiddenMet) {
    if (metTieIn(response.body, one, other))
      wrong.push(`${label}: shows the met tie of ${one[0]} and ${other[0]}`);
  }
  return found;
}

/**
 * THE access-control test: every registered route x every role, planned in support/access-cases.ts.
 * - Foreign: each role held in initiative J of conflict C2 (and an administrator of another workspace, and
 *   an account with no role) calls every route on the target I of C1: no reply holds a record of C1/I, no
 *   write succeeds.
 * - Own: each role held in I itself (and W's administrator) calls every route on I: the gate lets through
 *   exactly what the route's permission allows, and no reply holds what the role may not see (J's records;
 *   actors without actors.read, names without actors.names; under the Chatham House rule who attended and
 *   the met ties it made, unless convener; the same for the closed meeting). Meeting routes run on I's
 *   Chatham House, closed and open meetings: under the first two only conveners read or write attendance.
 * - Cross-origin: every write with each role's session cookie from another site is refused (J's roles with
 *   Origin and Sec-Fetch-Site cross-site; I's with Origin alone, Sec-Fetch-Site same-site alone, Origin
 *   null), and changes nothing.
 * The totals (requests, leaks, unauthorised writes) are printed for SECURITY.md.
 * A refused request changes nothing in any table a backup holds (sessions aside: a used token touches its
 * row). Adding a route: one entry in support/access-world.ts's matrix (an unknown route fails below).
 */

forEachEngine(
  'access control: every route x every role x own and foreign initiative x meeting rule x origin',
  (getDb, engine) => {
    let app: FastifyInstance;
    let world: Awaited<ReturnType<typeof buildWorld>>;
    const fingerprint = () => tablesSnapshot(getDb(), tables);
    beforeAll(async () => {
      const keys = testKeys();
      app = await testApp(getDb(), engine.dialect, {}, keys);
      world = await buildWorld({ db: getDb(), dialect: engine.dialect, keys, auth: null });
    });
    afterAll(async () => {
      await app.close();
    });

    it('has a matrix entry for every registered route, and no stale entry', () => {
      const registered = app.routeTable.map((route) => `${route.method} ${route.url}`);
      const missing = registered.filter((key) => !(key in matrix));
      expect(missing, 'routes without an access-matrix entry').toEqual([]);
      // The web app's fallback route exists only when the app has been built (dist/web).
      const optional = (key: string) => key === 'GET /*';
      const stale = Object.keys(matrix).filter((key) => !optional(key) && !registered.includes(key));
      expect(stale, 'matrix entries of routes that no longer exist').toEqual([]);
      for (const route of app.routeTable) {
        if (route.url.startsWith('/api/') && !route.url.startsWith('/api/docs'))
          expect(route.access, route.url).toBeDefined();
      }
    });

    it('leaks no record, lets no write through and changes nothing', { timeout: 600_000 }, async () => {
      const { cases, skipped } = planCases(app.routeTable, world);
      const failures: Finding[] = [];
      const tally = new Map<string, number>();
      const send = async (item: Case) => {
        const response = await app.inject(item.request);
        const outcome = `${item.phase} ${response.statusCode}`;
        tally.set(outcome, (tally.get(outcome) ?? 0) + 1);
        failures.push(...judge(item, response));
      };
      // Requests that must change nothing go in batches with one fingerprint either side; a batch whose
      // fingerprint moved is sent again one by one, to name the request that wrote.
      const fixed = cases.filter((item) => item.unchanged);
      for (let start = 0; start < fixed.length; start += BATCH) {
        const batch = fixed.slice(start, start + BATCH);
        const before = await fingerprint();
        for (const item of batch) await send(item);
        if ((await fingerprint()) === before) continue;
        failures.push({
          kind: 'write',
          text: `requests ${start}..${start + batch.length - 1} changed the database`,
        });
        for (const item of batch) {
          const alone = await fingerprint();
          await app.inject(item.request);
          if ((await fingerprint()) !== alone)
            failures.push({ kind: 'write', text: `${item.label}: the database changed` });
        }
      }
      // Then those that may change it (an allowed read's audit row, an account's own new token).
      for (const item of cases.filter((c) => !c.unchanged)) await send(item);

      const figures = [...tally.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      const count = (kind: Kind) => failures.filter((finding) => finding.kind === kind).length;
      const phases = ['foreign', 'own', 'cross-origin'].map(
        (phase) => `${phase} ${cases.filter((c) => c.phase === phase).length}`,
      );
      console.log(
        `access matrix on ${engine.dialect}: ${cases.length} requests sent (${phases.join(', ')}) over ` +
          `${app.routeTable.length} routes; leaks ${count('leak')}, unauthorised writes ${count('write')}, ` +
          `server errors ${count('server error')}, gate mismatches ${count('gate')}; ` +
          `${skipped.length} allowed writes of I's roles not sent\n` +
          figures.map(([outcome, n]) => `  ${outcome}: ${n}`).join('\n'),
      );
      expect(failures.map((finding) => `${finding.kind}: ${finding.text}`)).toEqual([]);
      const routes = app.routeTable.filter((route) => `${route.method} ${route.url}` in matrix);
      expect(routes).toHaveLength(app.routeTable.length);
      expect(cases.filter((c) => c.phase === 'foreign').length).toBeGreaterThanOrEqual(
        app.routeTable.length * roles.length,
      );
    });

    it('lets the target initiative own convener through (so the refusals above mean something)', async () => {
      const headers = { authorization: `Bearer ${world.convenerToken}` };
      const initiative = await app.inject({ method: 'GET', url: `/api/initiatives/${world.ids.I}`, headers });
      expect(initiative.statusCode).toBe(200);
      expect(initiative.body).toContain('Target initiative');
      const attendance = await app.inject({
        method: 'GET',
        url: `/api/meetings/${world.ids.meeting}/attendance`,
        headers,
      });
      expect(attendance.statusCode).toBe(200);
      expect(attendance.json().items).toHaveLength(2);
      const byName = await app.inject({
        method: 'GET',
        url: `/api/conflicts/${world.ids.C1}/actors?name=zorblat`,
        headers,
      });
      expect(byName.json().items.map((a: { id: string }) => a.id)).toEqual([world.ids.actor]);
      // The convener sees the Chatham House round among the actor's meetings (others get 403/404 above).
      const attended = await app.inject({
        method: 'GET',
        url: `/api/actors/${world.ids.actor}/meetings`,
        headers,
      });
      expect(attended.statusCode).toBe(200);
      expect(attended.json().items.map((m: { meeting_id: string }) => m.meeting_id)).toEqual([
        world.ids.meeting,
        world.ids.closedMeeting,
      ]);
      const closedList = await app.inject({
        method: 'GET',
        url: `/api/meetings/${world.ids.closedMeeting}/attendance`,
        headers,
      });
      expect(closedList.json().items).toHaveLength(2);
    });

    it("shows I's own roles what they may see (so the hiding above means something)", async () => {
      const { ids, actorRefs } = world;
      const get = (role: OwnRole, url: string) =>
        app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${world.ownTokens[role]}` } });
      const idsOf = async (role: OwnRole, url: string, field = 'id') => {
        const reply = await get(role, url);
        expect(reply.statusCode, `${role} ${url}`).toBe(200);
        return (reply.json() as { items: Record<string, string>[] }).items.map((item) => item[field]);
      };
      // Open attendance, and the met tie it made, reach facilitators; Chatham House's reach conveners only.
      expect(
        await idsOf('facilitator', `/api/meetings/${ids.openMeeting}/attendance`, 'actor_id'),
      ).toHaveLength(2);
      expect((await get('facilitator', `/api/meetings/${ids.meeting}/attendance`)).statusCode).toBe(403);
      expect((await get('facilitator', `/api/meetings/${ids.closedMeeting}/attendance`)).statusCode).toBe(
        403,
      );
      const facilitatorTies = await idsOf('facilitator', `/api/conflicts/${ids.C1}/ties`);
      expect(facilitatorTies).toContain(ids.openTie);
      expect(facilitatorTies).not.toContain(ids.chathamTie);
      expect(facilitatorTies).not.toContain(ids.closedTie);
      for (const role of ['convener', 'workspace-admin'] as const) {
        expect(await idsOf(role, `/api/conflicts/${ids.C1}/ties`)).toEqual(
          expect.arrayContaining([ids.openTie, ids.chathamTie, ids.closedTie, ids.tie]),
        );
      }
      expect(await idsOf('facilitator', `/api/actors/${ids.actor2}/meetings`, 'meeting_id')).toEqual([
        ids.openMeeting,
      ]);
      // The Kumu sheet names a tie's ends only: the convener's shows both met ties, the researcher's one.
      const sheet = async (role: OwnRole) => {
        const reply = await get(role, `/api/conflicts/${ids.C1}/export/kumu?part=connections`);
        expect(reply.statusCode).toBe(200);
        return reply.body;
      };
      expect(metTieIn(await sheet('convener'), actorRefs.actor, actorRefs.actor2)).toBe(true);
      expect(metTieIn(await sheet('convener'), actorRefs.actor, actorRefs.official)).toBe(true);
      expect(metTieIn(await sheet('researcher'), actorRefs.actor, actorRefs.official)).toBe(false);
      expect(metTieIn(await sheet('researcher'), actorRefs.actor2, actorRefs.official)).toBe(true);
      expect(metTieIn(await sheet('researcher'), actorRefs.actor, actorRefs.actor2)).toBe(false);
      // Researchers see actors by pseudonym, participants and funders none; every role sees the meetings.
      expect(await idsOf('researcher', `/api/conflicts/${ids.C1}/actors`)).toContain(ids.actor);
      for (const role of ['participant', 'funder'] as const) {
        expect((await get(role, `/api/conflicts/${ids.C1}/actors`)).statusCode).toBe(403);
        expect(await idsOf(role, `/api/initiatives/${ids.I}/meetings`)).toEqual(
          expect.arrayContaining([ids.meeting, ids.openMeeting]),
        );
      }
      // A session cookie from this app's own origin is taken, so the cross-origin refusals are the Origin's.
      const own = await app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: {
          cookie: `tt_session=${world.ownCookies.participant}`,
          origin: 'http://localhost:80',
          'sec-fetch-site': 'same-origin',
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ name: 'same-origin' }),
      });
      expect(own.statusCode).toBe(201);
    });
  },
);
