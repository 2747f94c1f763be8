import type { InjectOptions } from 'fastify';
import { accessTable, type Permission } from '../../../src/security/access.js';
import type { RouteAccess } from '../../../src/server/route.js';
import {
  matrix,
  meetingVariants,
  ownRoles,
  pathOf,
  roles,
  type Entry,
  type MeetingVariant,
  type OwnRole,
  type buildWorld,
} from './access-world.js';

/**
 * The requests of the access matrix and what each must get, planned from the route table: every route x
 * every role, in the foreign initiative J's roles and in the target I's own, with the meeting routes on
 * I's Chatham House, closed and open meetings, and every write once more with each role's session cookie
 * from another site (in each of the ways a browser says so).
 */

type World = Awaited<ReturnType<typeof buildWorld>>;

export type Phase = 'foreign' | 'own' | 'cross-origin';

/**
 * `refused`: 403 or 404 (a record of a place the account has no part in must read as missing or
 * forbidden); `forbidden`: 403 (the account holds a role there, but not this permission);
 * `cross-origin`: 403 TT_ERR_CROSS_ORIGIN; `allowed`: anything but 403 (the gate lets the role through);
 * `any`: whatever the route answers, short of a server error.
 */
export type Expectation = 'refused' | 'forbidden' | 'cross-origin' | 'allowed' | 'any';

export interface Case {
  phase: Phase;
  label: string;
  request: InjectOptions;
  /** What the request named (an error may echo it back). */
  asked: string;
  expect: Expectation;
  /** The database must be the same after the request. */
  unchanged: boolean;
  secrets: string[];
  /** Pairs of actors (their ids and pseudonyms) no `met` tie between which may be shown. */
  hiddenMet: [readonly string[], readonly string[]][];
}

export interface Route {
  method: string;
  url: string;
  access?: RouteAccess;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The documentation describes the API (example values included), no record of anyone. */
const describesTheApi = (url: string) => url.startsWith('/api/docs') || url === '/api/openapi.json';

function variantsOf(url: string): readonly MeetingVariant[] {
  return url.startsWith('/api/meetings/') ? meetingVariants : ['chatham_house'];
}

/**
 * Who of I's roles may see what, as docs/foundation.md states it: written out here rather than read from
 * src/security/access.ts, so that loosening the code's table (or attendanceRoles) fails this test.
 * Workspace administrators see everything.
 */
const visibleTo = {
  actors: ['convener', 'facilitator', 'researcher'],
  names: ['convener', 'facilitator'],
  attendance: { chatham_house: ['convener'], closed: ['convener'], open: ['convener', 'facilitator'] },
} as const satisfies Record<string, unknown>;

/** Which roles of I a permission reaches on a route; attendance follows the addressed meeting's rule. */
function rolesFor(permission: string, url: string, variant: MeetingVariant): readonly string[] {
  if (!(permission in accessTable)) throw new Error(`access label names no permission: ${permission}`);
  // Writing a list is held to those who read it: a write's reply (counts, 204 or 404) tells who attended.
  if (
    ['attendance.read', 'attendance.write', 'minutes.read', 'minutes.write'].includes(permission) &&
    url.startsWith('/api/meetings/')
  )
    return visibleTo.attendance[variant];
  return accessTable[permission as Permission];
}

/** Whether a role of I passes the first gate of a route (its `access` label); undefined: no gate. */
export function passes(route: Route, role: OwnRole, variant: MeetingVariant): boolean | undefined {
  const label = route.access;
  if (label === undefined || label === 'public' || label === 'setup') return undefined;
  if (label === 'signed-in') return true;
  // requireAdministrator: an administrator of any workspace.
  if (label === 'admin') return role === 'workspace-admin';
  // requireInstanceAdmin: the operator and instance administrators, none of whom is among I's roles.
  if (label === 'instance-admin') return false;
  if (!label.includes('.'))
    throw new Error(`the access matrix knows no label "${label}": say here whom it lets through`);
  if (role === 'workspace-admin') return true;
  return label.split('|').some((permission) => rolesFor(permission, route.url, variant).includes(role));
}

function sees(role: OwnRole, what: readonly string[]): boolean {
  return role === 'workspace-admin' || what.includes(role);
}

function request(
  route: Route,
  entry: Entry,
  world: World,
  variant: MeetingVariant,
  query: string,
  credential: Record<string, string>,
): { request: InjectOptions; asked: string } {
  const url = pathOf(route.url, world.ids, variant) + query;
  const body = entry.body?.(world.ids);
  return {
    request: {
      method: route.method as 'GET',
      url,
      headers: { ...credential, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    },
    asked: `${url} ${JSON.stringify(body ?? '')}`,
  };
}

/** What a role of I may not read: J's records, and what its permissions and the meetings' rules hide. */
function ownSecrets(world: World, role: OwnRole, asked: string): Pick<Case, 'secrets' | 'hiddenMet'> {
  if (role === 'workspace-admin') return { secrets: [], hiddenMet: [] };
  const { actorRefs, ids } = world;
  const secrets = [...world.ownForeignSecrets];
  if (!sees(role, visibleTo.actors)) secrets.push(...Object.values(actorRefs).flat());
  if (!sees(role, visibleTo.names)) secrets.push(...world.names);
  const hiddenMet: Case['hiddenMet'] = [];
  if (!sees(role, visibleTo.attendance.chatham_house)) {
    // The Chatham House round made the tie of actor and actor2: neither it nor who attended shows.
    secrets.push(ids.chathamTie);
    hiddenMet.push([actorRefs.actor, actorRefs.actor2]);
    if (asked.includes(ids.actor) || asked.includes(ids.actor2)) secrets.push(ids.meeting);
    if (asked.includes(ids.meeting)) secrets.push(...actorRefs.actor, ...actorRefs.actor2);
  }
  if (!sees(role, visibleTo.attendance.closed)) {
    // The closed round made the tie of actor and official: the same.
    secrets.push(ids.closedTie);
    hiddenMet.push([actorRefs.actor, actorRefs.official]);
    if (asked.includes(ids.actor) || asked.includes(ids.official)) secrets.push(ids.closedMeeting);
    if (asked.includes(ids.closedMeeting)) secrets.push(...actorRefs.actor, ...actorRefs.official);
  }
  return { secrets, hiddenMet };
}

export interface Plan {
  cases: Case[];
  /** Writes a role of I is allowed: not sent, since they would change the world the other cases read. */
  skipped: string[];
}

export function planCases(routeTable: readonly Route[], world: World): Plan {
  const cases: Case[] = [];
  const skipped: string[] = [];
  for (const route of routeTable) {
    const key = `${route.method} ${route.url}`;
    const entry = matrix[key];
    if (!entry) continue;
    const write = WRITES.has(route.method);
    const calls = variantsOf(route.url).flatMap((variant) =>
      ['', ...(entry.queries ?? [])].map((query) => [variant, query] as const),
    );
    for (const [variant, query] of calls) {
      const at = `${query}${variant === 'chatham_house' ? '' : ` (${variant} meeting)`}`;
      for (const role of roles) {
        const made = request(route, entry, world, variant, query, {
          authorization: `Bearer ${world.tokens[role]}`,
        });
        const secrets =
          role === 'other-admin' || role === 'no-role' ? [...world.secrets, world.ids.W] : world.secrets;
        cases.push({
          phase: 'foreign',
          label: `foreign ${role} ${key}${at}`,
          ...made,
          expect: entry.kind === 'target' ? 'refused' : 'any',
          unchanged: entry.kind !== 'own',
          secrets: describesTheApi(route.url) ? [] : secrets,
          hiddenMet: [],
        });
      }
      for (const role of ownRoles) {
        const label = `own ${role} ${key}${at}`;
        const passed = passes(route, role, variant);
        if (passed === true && write) {
          skipped.push(label);
          continue;
        }
        const made = request(route, entry, world, variant, query, {
          authorization: `Bearer ${world.ownTokens[role]}`,
        });
        cases.push({
          phase: 'own',
          label,
          ...made,
          // A query for names may meet a second gate (actors.names) or be quietly left unanswered: such a
          // call is judged by what its reply holds.
          expect: passed === false ? 'forbidden' : passed && query === '' ? 'allowed' : 'any',
          // A read allowed may leave an audit row (exports do); a gateless route is as for anyone.
          unchanged: passed === undefined ? entry.kind !== 'own' : !passed,
          ...(describesTheApi(route.url)
            ? { secrets: [], hiddenMet: [] }
            : ownSecrets(world, role, made.asked)),
        });
      }
      if (!write) continue;
      // Sec-Fetch-Site and Origin for J's roles; for I's, each way a browser says "not this app": Origin
      // alone (browsers without Fetch Metadata), Sec-Fetch-Site alone from a sibling subdomain (same site,
      // where SameSite cookies ride along), and the opaque Origin of a sandboxed frame.
      const crossSite = { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' };
      const ownWays: [string, Record<string, string>][] = [
        ['Origin evil.example', { origin: 'http://evil.example' }],
        ['Sec-Fetch-Site same-site', { 'sec-fetch-site': 'same-site' }],
        ['Origin null', { origin: 'null' }],
      ];
      const sessions: [string, string, Record<string, string>][] = [
        ...roles.map((role): [string, string, Record<string, string>] => [
          role,
          world.cookies[role],
          crossSite,
        ]),
        ...ownRoles.flatMap((role) =>
          ownWays.map(([way, headers]): [string, string, Record<string, string>] => [
            `target ${role} (${way})`,
            world.ownCookies[role],
            headers,
          ]),
        ),
      ];
      for (const [who, cookie, headers] of sessions) {
        const made = request(route, entry, world, variant, query, {
          cookie: `tt_session=${cookie}`,
          ...headers,
        });
        cases.push({
          phase: 'cross-origin',
          label: `cross-origin ${who} ${key}${at}`,
          ...made,
          expect: 'cross-origin',
          unchanged: true,
          secrets: [],
          hiddenMet: [],
        });
      }
    }
  }
  return { cases, skipped };
}
