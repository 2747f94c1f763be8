import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccount, grantMembership, grantWorkspaceAdmin } from '../../../src/security/accounts.js';
import { systemAuth } from '../../../src/security/auth.js';
import { createApiToken, createCookieSession } from '../../../src/security/sessions.js';
import * as actors from '../../../src/services/actors/index.js';
import * as conflicts from '../../../src/services/workspaces/index.js';
import { actingAs, type ServiceContext } from '../../../src/services/context.js';
import * as initiatives from '../../../src/services/initiatives/index.js';
import * as dialogueService from '../../../src/services/dialogues/index.js';
import * as invitationService from '../../../src/services/accounts/index.js';
import * as meetings from '../../../src/services/initiatives/index.js';
import * as surveys from '../../../src/services/surveys/index.js';
import * as outcomes from '../../../src/services/initiatives/index.js';
import * as ties from '../../../src/services/actors/index.js';
import * as trackOne from '../../../src/services/track-one/index.js';
import { snapshotTables } from '../../../src/store/snapshot.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../../support/records.js';

/**
 * The world of the access tests: a workspace W with a target initiative I (conflict C1) full of records,
 * accounts holding each role in another initiative J (conflict C2), and a request for every registered
 * route (test/server/access-matrix.test.ts, test/server/access-labels.test.ts).
 */

export const roles = [
  'convener',
  'facilitator',
  'participant',
  'researcher',
  'funder',
  'translator',
  'field_monitor',
  'other-admin',
  'no-role',
] as const;
export type Role = (typeof roles)[number];

/**
 * The roles held in the target initiative I itself (the `convener` is the target's convener account), and
 * an administrator of the shared workspace W, who holds every permission there.
 */
export const ownRoles = [
  'convener',
  'facilitator',
  'participant',
  'researcher',
  'funder',
  'translator',
  'field_monitor',
  'workspace-admin',
] as const;
export type OwnRole = (typeof ownRoles)[number];

/** How a route relates to the target: `target` routes name a record of I/C1 and must be refused. */
type Kind = 'target' | 'workspace' | 'own' | 'public';
export interface Entry {
  kind: Kind;
  body?: (ids: Ids) => unknown;
  /** Query strings the route is called with as well (each a request of its own): names, other sheets. */
  queries?: string[];
}

const withNames = ['?names=true'];

export interface Ids {
  W: string;
  C1: string;
  I: string;
  actor: string;
  actor2: string;
  official: string;
  tie: string;
  /** I's Chatham House meeting, attended by actor and actor2 (their `met` tie is chathamTie). */
  meeting: string;
  /** I's open meeting, attended by actor2 and official (their `met` tie is openTie). */
  openMeeting: string;
  /** I's closed meeting, attended by actor and official (their `met` tie is closedTie). */
  closedMeeting: string;
  chathamTie: string;
  openTie: string;
  closedTie: string;
  outcome: string;
  transfer: string;
  event: string;
  convenerAccount: string;
  survey: string;
  wave: string;
  dialogue: string;
  statement: string;
  /** A personal join link of the dialogue. */
  joinLink: string;
  /** A pending invitation link of I. */
  invitation: string;
  trackOneEvent: string;
  funder: string;
  budgetLine: string;
  pledge: string;
}

const eventFixtures = join(import.meta.dirname, '../../fixtures/events');

export const matrix: Record<string, Entry> = {
  /** The built browser app (present when dist/web exists). */
  'GET /*': { kind: 'public' },
  'GET /api/health': { kind: 'public' },
  'GET /api/openapi.json': { kind: 'public' },
  'GET /api/docs': { kind: 'public' },
  'GET /api/docs/json': { kind: 'public' },
  'GET /api/docs/yaml': { kind: 'public' },
  'GET /api/docs/static/*': { kind: 'public' },
  'GET /api/docs/static/index.html': { kind: 'public' },
  'GET /api/docs/static/swagger-initializer.js': { kind: 'public' },
  'GET /api/setup': { kind: 'public' },
  'POST /api/setup': {
    kind: 'public',
    body: () => ({ email: 'x@example.org', display_name: 'X', password: 'a long enough passphrase' }),
  },
  'POST /api/auth/login': {
    kind: 'public',
    body: () => ({ email: 'x@example.org', password: 'wrong password' }),
  },
  'POST /api/auth/logout': { kind: 'public' },
  'GET /api/auth/me': { kind: 'own' },
  // Second factors: the second step and its passkey options answer a pending token no one holds (401).
  'POST /api/auth/login/second-factor': {
    kind: 'public',
    body: () => ({ pending_token: 'x'.repeat(43), code: '123456' }),
  },
  'POST /api/auth/login/passkey-options': { kind: 'public', body: () => ({ pending_token: 'x'.repeat(43) }) },
  'GET /api/auth/second-factor': { kind: 'own' },
  // Changing a second factor needs a cookie session: a role's bearer token is refused (403), its cookie
  // from another site too (TT_ERR_CROSS_ORIGIN).
  'POST /api/auth/second-factor/totp': { kind: 'own' },
  'POST /api/auth/second-factor/totp/confirm': { kind: 'own', body: () => ({ code: '123456' }) },
  'POST /api/auth/second-factor/totp/disable': {
    kind: 'own',
    body: () => ({ password: 'not the password', code: '123456' }),
  },
  'POST /api/auth/second-factor/recovery-codes': {
    kind: 'own',
    body: () => ({ password: 'not the password' }),
  },
  'POST /api/auth/second-factor/passkeys/options': { kind: 'own' },
  'POST /api/auth/second-factor/passkeys': {
    kind: 'own',
    body: () => ({
      name: 'key',
      credential: {
        id: 'AAAA',
        rawId: 'AAAA',
        type: 'public-key',
        clientExtensionResults: {},
        response: { clientDataJSON: 'AAAA', attestationObject: 'AAAA' },
      },
    }),
  },
  'POST /api/auth/second-factor/passkeys/:id/remove': {
    kind: 'own',
    body: () => ({ password: 'not the password' }),
  },
  'GET /api/workspaces/:id/second-factor-rule': { kind: 'workspace' },
  'PUT /api/workspaces/:id/second-factor-rule': { kind: 'target', body: () => ({ required: true }) },
  'GET /api/auth/tokens': { kind: 'own' },
  'POST /api/auth/tokens': {
    kind: 'own',
    body: () => ({ name: `matrix-${Math.random().toString(36).slice(2)}` }),
  },
  'DELETE /api/auth/tokens/:name': { kind: 'own' },
  // A wrong current password is refused (401) and ends no session, so the role's token keeps working.
  'PUT /api/auth/password': {
    kind: 'own',
    body: () => ({ current_password: 'not the password', new_password: 'another long passphrase 42' }),
  },
  'GET /api/actors/:id/meetings': { kind: 'target' },
  'GET /api/workspaces': { kind: 'workspace' },
  'POST /api/workspaces': { kind: 'own', body: () => ({ name: 'My own' }) },
  'POST /api/accounts': {
    kind: 'own',
    body: () => ({ email: `new-${Math.random().toString(36).slice(2)}@example.org`, display_name: 'New' }),
  },
  'GET /api/workspaces/:id': { kind: 'workspace' },
  'PATCH /api/workspaces/:id': { kind: 'target', body: () => ({ name: 'Renamed' }) },
  'DELETE /api/workspaces/:id': { kind: 'target' },
  'POST /api/workspaces/:id/emergency-erase': { kind: 'target', body: () => ({ confirm: 'Target' }) },
  'GET /api/workspaces/:id/conflicts': { kind: 'workspace' },
  'GET /api/workspaces/:id/initiatives': { kind: 'workspace' },
  'POST /api/conflicts': { kind: 'target', body: (ids) => ({ workspace_id: ids.W, name: 'New conflict' }) },
  'GET /api/conflicts/:id': { kind: 'target' },
  'PATCH /api/conflicts/:id': { kind: 'target', body: () => ({ name: 'Renamed' }) },
  'DELETE /api/conflicts/:id': { kind: 'target' },
  'POST /api/conflicts/:id/divides': {
    kind: 'target',
    body: () => ({ name: 'Faith', groups: [{ name: 'A' }, { name: 'B' }] }),
  },
  'GET /api/conflicts/:id/events': { kind: 'target' },
  'POST /api/conflict-events': {
    kind: 'target',
    body: (ids) => ({ conflict_id: ids.C1, kind: 'truce', occurred_on: '2024-01-01', title: 'Truce' }),
  },
  'PATCH /api/conflict-events/:id': { kind: 'target', body: () => ({ title: 'Changed' }) },
  'DELETE /api/conflict-events/:id': { kind: 'target' },
  // Event data (issue #15): leads import and keep the alias list; researchers and funders read; participants nothing.
  'POST /api/conflicts/:id/import/acled': {
    kind: 'target',
    body: () => ({ csv: readFileSync(join(eventFixtures, 'acled-somalia-2024.csv'), 'utf8') }),
  },
  'POST /api/conflicts/:id/import/ucdp': {
    kind: 'target',
    body: () => ({ csv: readFileSync(join(eventFixtures, 'ucdp-ged-somalia-2023.csv'), 'utf8') }),
  },
  'GET /api/conflicts/:id/violence-events': { kind: 'target', queries: ['?from=2024-01-01&area=Banadir'] },
  'GET /api/conflicts/:id/event-aliases': { kind: 'target' },
  'PUT /api/conflicts/:id/event-aliases': {
    kind: 'target',
    body: (ids) => ({ name: 'Al Shabaab', actor_id: ids.actor }),
  },
  'DELETE /api/conflicts/:id/event-aliases': { kind: 'target', body: () => ({ name: 'Al Shabaab' }) },
  'GET /api/conflicts/:id/event-aliases/unmatched': { kind: 'target' },
  'GET /api/conflicts/:id/context': { kind: 'target', queries: ['?from=2023-01-01&to=2024-12-31'] },
  'GET /api/conflicts/:id/actors': { kind: 'target', queries: ['?name=zorblat'] },
  'POST /api/actors': {
    kind: 'target',
    body: (ids) => ({ workspace_id: ids.W, conflict_id: ids.C1, role: 'elder', track: '2' }),
  },
  'GET /api/actors/:id': { kind: 'target' },
  'PATCH /api/actors/:id': { kind: 'target', body: () => ({ region: 'Elsewhere' }) },
  'GET /api/actors/:id/identity': { kind: 'target' },
  'PUT /api/actors/:id/identity': { kind: 'target', body: () => ({ names: ['Someone Else'] }) },
  'POST /api/actors/:id/erase': { kind: 'target' },
  'GET /api/conflicts/:id/ties': { kind: 'target' },
  'POST /api/ties': {
    kind: 'target',
    body: (ids) => ({
      workspace_id: ids.W,
      conflict_id: ids.C1,
      source_actor_id: ids.actor,
      target_actor_id: ids.official,
      kind: 'trusts',
    }),
  },
  'GET /api/ties/:id': { kind: 'target' },
  'PATCH /api/ties/:id': { kind: 'target', body: () => ({ strength: 5 }) },
  'DELETE /api/ties/:id': { kind: 'target' },
  'GET /api/conflicts/:id/network/metrics': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/brokers': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/introductions': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/fragility': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/track-one-paths': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/changes': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/graph': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/network/graph-columns': { kind: 'target', queries: withNames },
  'POST /api/initiatives': {
    kind: 'target',
    body: (ids) => ({ workspace_id: ids.W, conflict_id: ids.C1, name: 'New initiative' }),
  },
  'GET /api/initiatives/:id': { kind: 'target' },
  'PATCH /api/initiatives/:id': { kind: 'target', body: () => ({ status: 'closed' }) },
  'DELETE /api/initiatives/:id': { kind: 'target' },
  'POST /api/initiatives/:id/emergency-erase': { kind: 'target', body: () => ({ confirm: 'Target' }) },
  'GET /api/initiatives/:id/privacy': { kind: 'target' },
  'PATCH /api/initiatives/:id/privacy': { kind: 'target', body: () => ({ answers_days: 365 }) },
  'GET /api/initiatives/:id/members': { kind: 'target' },
  'POST /api/initiatives/:id/members': {
    kind: 'target',
    body: () => ({ email: 'convener@example.org', role: 'funder' }),
  },
  'DELETE /api/initiatives/:id/members/:accountId/:role': { kind: 'target' },
  'PUT /api/initiatives/:id/members/:accountId/:role': { kind: 'target' },
  'POST /api/initiatives/:id/members/:accountId/disable': { kind: 'target' },
  'POST /api/initiatives/:id/members/:accountId/enable': { kind: 'target' },
  'GET /api/initiatives/:id/invitations': { kind: 'target' },
  'POST /api/initiatives/:id/invitations': {
    kind: 'target',
    body: () => ({ email: 'invitee@example.org', role: 'participant' }),
  },
  'DELETE /api/initiatives/:id/invitations/:invitationId': { kind: 'target' },
  // A code no one holds: 404, and counted as a guess.
  'GET /api/invitations/:code': { kind: 'public' },
  'POST /api/invitations/:code/accept': {
    kind: 'public',
    body: () => ({ display_name: 'Guess', password: 'a long enough passphrase' }),
  },
  'GET /api/initiatives/:id/meetings': { kind: 'target' },
  'POST /api/meetings': {
    kind: 'target',
    body: (ids) => ({ initiative_id: ids.I, title: 'Round 9', held_on: '2024-05-01' }),
  },
  'GET /api/meetings/:id': { kind: 'target' },
  'PATCH /api/meetings/:id': { kind: 'target', body: () => ({ title: 'Changed' }) },
  'DELETE /api/meetings/:id': { kind: 'target' },
  'GET /api/meetings/:id/attendance': { kind: 'target' },
  'POST /api/meetings/:id/attendance': {
    kind: 'target',
    body: (ids) => ({ attendees: [{ actor_id: ids.official }] }),
  },
  'DELETE /api/meetings/:id/attendance/:actorId': { kind: 'target' },
  'GET /api/meetings/:id/minutes': { kind: 'target' },
  'PUT /api/meetings/:id/minutes': {
    kind: 'target',
    body: () => ({ body: 'The room agreed on a ceasefire plan.' }),
  },
  'GET /api/meetings/:id/notes': { kind: 'target' },
  'PUT /api/meetings/:id/notes': { kind: 'target', body: () => ({ body: 'Follow up in May.' }) },
  'GET /api/initiatives/:id/outcomes': { kind: 'target' },
  'POST /api/outcomes': { kind: 'target', body: (ids) => ({ initiative_id: ids.I, title: 'Another' }) },
  'GET /api/outcomes/:id': { kind: 'target' },
  'PATCH /api/outcomes/:id': { kind: 'target', body: () => ({ title: 'Changed' }) },
  'DELETE /api/outcomes/:id': { kind: 'target' },
  'GET /api/initiatives/:id/transfers': { kind: 'target' },
  'POST /api/transfers': {
    kind: 'target',
    body: (ids) => ({
      outcome_id: ids.outcome,
      handed_on: '2024-06-01',
      recipient_actor_ids: [ids.official],
    }),
  },
  'GET /api/transfers/:id': { kind: 'target' },
  'PATCH /api/transfers/:id': {
    kind: 'target',
    body: () => ({ status: 'adopted', status_on: '2024-07-01' }),
  },
  'DELETE /api/transfers/:id': { kind: 'target' },
  'GET /api/initiatives/:id/surveys': { kind: 'target' },
  'POST /api/surveys': {
    kind: 'target',
    body: (ids) => ({
      initiative_id: ids.I,
      title: 'Another survey',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North'],
    }),
  },
  'GET /api/surveys/:id': { kind: 'target' },
  'PATCH /api/surveys/:id': { kind: 'target', body: () => ({ title: 'Changed' }) },
  'DELETE /api/surveys/:id': { kind: 'target' },
  'POST /api/surveys/:id/waves': {
    kind: 'target',
    body: () => ({ kind: 'post', opens_on: '2024-01-01', closes_on: '2024-02-01' }),
  },
  'PATCH /api/surveys/:id/waves/:waveId': { kind: 'target', body: () => ({ closes_on: '2098-01-01' }) },
  'DELETE /api/surveys/:id/waves/:waveId': { kind: 'target' },
  'GET /api/surveys/:id/respondents': { kind: 'target' },
  'POST /api/surveys/:id/respondents': {
    kind: 'target',
    body: () => ({ respondents: [{ arm: 'comparison', pseudonym: 'CMP-9' }] }),
  },
  'POST /api/surveys/:id/waves/:waveId/links': { kind: 'target', body: () => ({}) },
  // Answering needs no account: a token that is not a live link is refused (401) and changes nothing.
  'POST /api/surveys/:id/waves/:waveId/form': { kind: 'public', body: () => ({ token: 'x'.repeat(43) }) },
  'POST /api/surveys/:id/waves/:waveId/answers': {
    kind: 'public',
    body: () => ({
      token: 'x'.repeat(43),
      answers: [{ instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 50 }],
    }),
  },
  'POST /api/surveys/:id/waves/:waveId/entries': {
    kind: 'target',
    body: (ids) => ({
      respondent_id: ids.survey,
      answers: [{ instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 50 }],
    }),
  },
  'POST /api/surveys/:id/waves/:waveId/import': { kind: 'target', body: () => ({ csv: 'respondent\n' }) },
  'GET /api/surveys/:id/effects': { kind: 'target' },
  'GET /api/surveys/:id/export/research': { kind: 'target' },
  'GET /api/initiatives/:id/evidence/effects': { kind: 'target' },
  'GET /api/initiatives/:id/evidence/inclusion': { kind: 'target' },
  'GET /api/conflicts/:id/evidence/inclusion': { kind: 'target' },
  // Workspace evidence pools only the initiatives the account may read (here: none of I's surveys).
  'GET /api/workspaces/:id/evidence/meta': { kind: 'workspace' },
  'GET /api/workspaces/:id/evidence/forest.svg': { kind: 'workspace' },
  'GET /api/workspaces/:id/evidence/studies': { kind: 'workspace' },
  'GET /api/workspaces/:id/evidence/external-effects': { kind: 'workspace' },
  // External studies belong to the workspace: a convener or researcher of any of its initiatives adds them.
  'POST /api/workspaces/:id/evidence/external-effects': {
    kind: 'own',
    body: () => ({ label: 'Published study', effect: 0.3, variance: 0.02 }),
  },
  'DELETE /api/workspaces/:id/evidence/external-effects/:effectId': { kind: 'workspace' },
  'POST /api/conflicts/:id/import/kumu': {
    kind: 'target',
    body: () => ({
      elements: 'Label,Type,Role,Track\nNew Person,Person,elder,2',
      connections: 'From,To,Type\n',
    }),
  },
  'GET /api/conflicts/:id/export/kumu': {
    kind: 'target',
    queries: ['?names=true', '?part=connections', '?part=connections&names=true'],
  },
  'GET /api/conflicts/:id/export/graphml': { kind: 'target', queries: withNames },
  'GET /api/conflicts/:id/export/gexf': { kind: 'target', queries: withNames },
  /** The roles in J may export what they see of W; the export's audit row is the change. */
  'GET /api/workspaces/:id/export/json': { kind: 'own' },
  /** An administrator of any workspace (other-admin) may import a document as a new workspace. */
  'POST /api/workspaces/import/json': {
    kind: 'own',
    body: () => ({
      format: 'tracktwo.workspace',
      version: 1,
      exported_at: '2024-01-01T00:00:00.000Z',
      workspace: { id: 'w', name: 'Imported', description: '', is_demo: false },
      conflicts: [],
      actors: [],
      ties: [],
      initiatives: [],
      meetings: [],
      outcomes: [],
      transfers: [],
    }),
  },
  'GET /api/initiatives/:id/export/research': { kind: 'target' },
  'GET /api/initiatives/:id/dialogues': { kind: 'target' },
  'POST /api/initiatives/:id/dialogues': { kind: 'target', body: () => ({ prompt: 'Another dialogue' }) },
  'POST /api/initiatives/:id/dialogues/import': {
    kind: 'target',
    body: () => ({
      comments: 'comment-id,moderated,comment-body\n0,1,Hello\n',
      votes: 'timestamp,comment-id,voter-id,vote\n',
    }),
  },
  'GET /api/dialogues/:id': { kind: 'target' },
  'PATCH /api/dialogues/:id': { kind: 'target', body: () => ({ status: 'closed' }) },
  'GET /api/dialogues/:id/moderation': { kind: 'target' },
  'PATCH /api/dialogues/:id/statements/:statementId': {
    kind: 'target',
    body: () => ({ moderation: 'rejected' }),
  },
  'POST /api/dialogues/:id/tokens': { kind: 'target', body: () => ({ count: 1 }) },
  'GET /api/dialogues/:id/results': { kind: 'target' },
  'GET /api/dialogues/:id/export': { kind: 'target' },
  'POST /api/dialogues/:id/join': { kind: 'target', body: () => ({}) },
  'PUT /api/dialogues/:id/group': { kind: 'target', body: () => ({ group_id: null }) },
  'PUT /api/dialogues/:id/language': { kind: 'target', body: () => ({ language: 'ar' }) },
  'GET /api/dialogues/:id/translations': { kind: 'target' },
  'PUT /api/dialogues/:id/statements/:sid/translations/:lang': {
    kind: 'target',
    body: () => ({ text: 'Shalom' }),
  },
  'DELETE /api/dialogues/:id/statements/:sid/translations/:lang': { kind: 'target' },
  'GET /api/dialogues/:id/statements': { kind: 'target' },
  'POST /api/dialogues/:id/statements': { kind: 'target', body: () => ({ text: 'Let me in' }) },
  'POST /api/dialogues/:id/votes': {
    kind: 'target',
    body: (ids) => ({ statement_id: ids.statement, vote: 1, request_id: 'matrix-vote-1' }),
  },
  'GET /api/dialogues/:id/next': { kind: 'target' },
  'GET /api/dialogues/:id/common-ground': { kind: 'target' },
  'GET /api/dialogues/:id/join-links': { kind: 'target' },
  'POST /api/dialogues/:id/join-links': { kind: 'target', body: () => ({ kind: 'personal', count: 1 }) },
  'DELETE /api/dialogues/:id/join-links/:linkId': { kind: 'target' },
  // Joining by link needs no account: a code that is no link is refused (404) and changes nothing.
  'GET /api/dialogues/:id/channels': { kind: 'target' },
  'PUT /api/dialogues/:id/channels': { kind: 'target', body: () => ({ ussd_enabled: true }) },
  'POST /api/dialogues/:id/channels/forget': { kind: 'target', body: () => ({ number: '+252615550999' }) },
  'POST /hooks/sms/twilio': { kind: 'public' },
  'POST /hooks/ussd/africastalking': { kind: 'public' },
  'GET /api/join/:code': { kind: 'public' },
  'POST /api/join/:code': { kind: 'public', body: () => ({}) },
  'GET /api/surveys/:id/join-links': { kind: 'target' },
  'POST /api/surveys/:id/join-links': { kind: 'target' },
  'DELETE /api/surveys/:id/join-links/:linkId': { kind: 'target' },
  'GET /api/surveys/:id/translations': { kind: 'target' },
  'PUT /api/surveys/:id/translations/:instrumentId/:language': {
    kind: 'target',
    body: () => ({ texts: { name: 'x', instructions: 'x', items: {}, anchors: {} } }),
  },
  'POST /api/surveys/:id/translations/:instrumentId/:language/approve': { kind: 'target' },
  'DELETE /api/surveys/:id/translations/:instrumentId/:language': { kind: 'target' },
  'GET /api/survey-join/:code': { kind: 'public' },
  // Issue #15: the Track-I timeline, peace indicators and resources.
  'GET /api/conflicts/:id/track-one-events': { kind: 'target' },
  'POST /api/track-one-events': {
    kind: 'target',
    body: (ids) => ({ conflict_id: ids.C1, kind: 'ceasefire', occurred_on: '2024-05-01', title: 'Another' }),
  },
  'GET /api/track-one-events/:id': { kind: 'target' },
  'PATCH /api/track-one-events/:id': { kind: 'target', body: () => ({ title: 'Changed' }) },
  'DELETE /api/track-one-events/:id': { kind: 'target' },
  'GET /api/transfers/:id/track-one-event': { kind: 'target' },
  'PUT /api/transfers/:id/track-one-event': {
    kind: 'target',
    body: (ids) => ({ track_one_event_id: ids.trackOneEvent }),
  },
  'GET /api/initiatives/:id/peace-indicators': { kind: 'target' },
  'PUT /api/initiatives/:id/peace-indicators': {
    kind: 'target',
    body: () => ({ area: 'North', month: '2024-05', entries: [{ kind: 'markets_open', count: 1 }] }),
  },
  // Funders are the workspace's register (one funder funds several initiatives): the leads of any of its
  // initiatives read and add to it; who pledged what to I stays with I's leads (GET .../resources).
  'GET /api/workspaces/:id/funders': { kind: 'workspace' },
  'POST /api/workspaces/:id/funders': { kind: 'own', body: () => ({ name: 'Another fund' }) },
  'GET /api/initiatives/:id/resources': { kind: 'target' },
  'GET /api/conflicts/:id/funding-gap': { kind: 'target' },
  'POST /api/initiatives/:id/budget-lines': {
    kind: 'target',
    body: () => ({ label: 'Venue', currency: 'USD', amount: 10 }),
  },
  'DELETE /api/budget-lines/:id': { kind: 'target' },
  'POST /api/initiatives/:id/pledges': {
    kind: 'target',
    body: (ids) => ({ funder_id: ids.funder, currency: 'USD', amount: 10, pledged_on: '2024-05-01' }),
  },
  'DELETE /api/pledges/:id': { kind: 'target' },
  'POST /api/pledges/:id/disbursements': {
    kind: 'target',
    body: () => ({ amount: 1, disbursed_on: '2024-05-02' }),
  },
  'POST /api/survey-join/:code': { kind: 'public', body: () => ({}) },
};

/** The meeting a `/api/meetings/:id` route is called on (its ground rule): the Chatham House one unless told. */
export type MeetingVariant = 'chatham_house' | 'closed' | 'open';
export const meetingVariants: readonly MeetingVariant[] = ['chatham_house', 'closed', 'open'];

/** The id each path parameter takes: always a record of the target (I, C1, or the workspace). */
export function pathOf(url: string, ids: Ids, meeting: MeetingVariant = 'chatham_house'): string {
  const idFor = (route: string): string => {
    if (route.startsWith('/api/workspaces/')) return ids.W;
    if (route.startsWith('/api/conflict-events/')) return ids.event;
    if (route.startsWith('/api/track-one-events/')) return ids.trackOneEvent;
    if (route.startsWith('/api/budget-lines/')) return ids.budgetLine;
    if (route.startsWith('/api/pledges/')) return ids.pledge;
    if (route.startsWith('/api/conflicts/')) return ids.C1;
    if (route.startsWith('/api/actors/')) return ids.actor;
    if (route.startsWith('/api/ties/')) return ids.tie;
    if (route.startsWith('/api/initiatives/')) return ids.I;
    if (route.startsWith('/api/meetings/'))
      return { chatham_house: ids.meeting, closed: ids.closedMeeting, open: ids.openMeeting }[meeting];
    if (route.startsWith('/api/outcomes/')) return ids.outcome;
    if (route.startsWith('/api/transfers/')) return ids.transfer;
    if (route.startsWith('/api/surveys/')) return ids.survey;
    if (route.startsWith('/api/dialogues/')) return ids.dialogue;
    return 'none';
  };
  return url
    .replace(':id', idFor(url))
    .replace(':accountId', ids.convenerAccount)
    .replace(':statementId', ids.statement)
    .replace(':sid', ids.statement)
    .replace(':language', 'fr')
    .replace(':lang', 'he')
    .replace(':linkId', ids.joinLink)
    .replace(':invitationId', ids.invitation)
    .replace(':code', 'no-such-join-code-0000')
    .replace(':role', 'convener')
    .replace(':actorId', ids.actor)
    .replace(':waveId', ids.wave)
    .replace(':instrumentId', 'feeling-thermometer')
    .replace(':effectId', ids.survey)
    .replace(':name', 'no-such-token')
    .replace('*', 'index.css');
}

/** Every table a backup holds (all but sessions, which a used token touches): a new table is covered at once. */
export const tables = snapshotTables.map(([table]) => table);

const PASSWORD = 'matrix passphrase 1234';

export async function buildWorld(ctx: ServiceContext) {
  const system = actingAs(ctx, systemAuth('access matrix fixture'));
  const W = await createTestWorkspace(system, 'Shared workspace');
  const W2 = await createTestWorkspace(system, 'Other workspace');
  const conflict = (name: string) =>
    createTestConflict(system, W.id, name, { name: 'Side', groups: [`${name} North`, `${name} South`] });
  const C1 = await conflict('Target conflict');
  const C2 = await conflict('Own conflict');
  // Each actor on a side of its conflict's divide, so the network questions that need groups answer.
  const actor = (conflict: typeof C1, names: string[], track: '1' | '2' = '2', side = 0) =>
    actors.createActor(system, {
      workspace_id: W.id,
      conflict_id: conflict.id,
      kind: 'person',
      role: track === '1' ? 'state_official' : 'elder',
      track,
      gender: 'woman',
      region: 'Hidden Valley',
      groups: [{ divide_id: conflict.divides[0].id, group_id: conflict.divides[0].groups[side].id }],
      identity: { names, contacts: [], notes: '' },
    });
  const a1 = await actor(C1, ['Zorblat Quennick']);
  const a2 = await actor(C1, ['Mirelle Vasquith'], '2', 1);
  const official = await actor(C1, ['Tobran Ulvesk'], '1');
  const b1 = await actor(C2, ['Own Person']);
  const initiative = (conflictId: string, name: string) =>
    createTestInitiative(system, W.id, conflictId, name);
  const I = await initiative(C1.id, 'Target initiative');
  const J = await initiative(C2.id, 'Own initiative');
  await initiatives.updateInitiative(system, I.id, { actors: [{ actor_id: a1.id, capacity: 'convener' }] });
  const tie = await ties.createTie(system, {
    workspace_id: W.id,
    conflict_id: C1.id,
    source_actor_id: a1.id,
    target_actor_id: official.id,
    kind: 'knows',
    directed: false,
    strength: 2,
    valid_from: null,
    valid_to: null,
    source: 'reported',
    confidence: 1,
  });
  const meeting = await meetings.createMeeting(system, {
    initiative_id: I.id,
    title: 'Secret round',
    held_on: '2024-03-01',
    place: 'Hidden Valley',
    ground_rule: 'chatham_house',
    status: 'held',
  });
  await meetings.recordAttendance(system, meeting.id, {
    attendees: [
      { actor_id: a1.id, role: 'participant' },
      { actor_id: a2.id, role: 'participant' },
    ],
  });
  const open = await meetings.createMeeting(system, {
    initiative_id: I.id,
    title: 'Open round',
    held_on: '2024-03-15',
    place: 'Town hall',
    ground_rule: 'open',
    status: 'held',
  });
  await meetings.recordAttendance(system, open.id, {
    attendees: [
      { actor_id: a2.id, role: 'participant' },
      { actor_id: official.id, role: 'participant' },
    ],
  });
  const closed = await meetings.createMeeting(system, {
    initiative_id: I.id,
    title: 'Closed round',
    held_on: '2024-03-20',
    place: 'Safe house',
    ground_rule: 'closed',
    status: 'held',
  });
  await meetings.recordAttendance(system, closed.id, {
    attendees: [
      { actor_id: a1.id, role: 'participant' },
      { actor_id: official.id, role: 'participant' },
    ],
  });
  const metTie = async (x: string, y: string) => {
    const row = await ctx.db
      .selectFrom('ties')
      .select('id')
      .where('kind', '=', 'met')
      .where((eb) =>
        eb.or([
          eb.and([eb('source_actor_id', '=', x), eb('target_actor_id', '=', y)]),
          eb.and([eb('source_actor_id', '=', y), eb('target_actor_id', '=', x)]),
        ]),
      )
      .executeTakeFirstOrThrow();
    return row.id;
  };
  const chathamTie = await metTie(a1.id, a2.id);
  const openTie = await metTie(a2.id, official.id);
  const closedTie = await metTie(a1.id, official.id);
  const outcome = await outcomes.createOutcome(system, {
    initiative_id: I.id,
    meeting_id: meeting.id,
    title: 'Water accord draft',
    description: '',
    kind: 'proposal',
  });
  const transfer = await outcomes.createTransfer(system, {
    outcome_id: outcome.id,
    status: 'handed',
    handed_on: '2024-04-01',
    status_on: '2024-04-01',
    note: '',
    recipient_actor_ids: [official.id],
  });
  const invitation = await invitationService.createInvitation(system, I.id, {
    email: 'pending.invitee@example.org',
    role: 'facilitator',
  });
  const dialogue = await dialogueService.createDialogue(system, I.id, {
    meeting_id: meeting.id,
    divide_id: null,
    prompt: 'Secret dialogue prompt',
    strict_moderation: false,
    hide_authors: false,
    seed: 0,
    statements: ['Water for all valleys'],
  });
  const statement = (await dialogueService.listModerationQueue(system, dialogue.id))[0];
  const [joinLink] = await dialogueService.createJoinLinks(system, dialogue.id, {
    kind: 'personal',
    labels: ['Invitee Quillon'],
  });
  const event = await conflicts.createConflictEvent(system, {
    conflict_id: C1.id,
    kind: 'ceasefire',
    occurred_on: '2024-02-01',
    title: 'Ceasefire of February',
  });
  const trackOneEvent = await trackOne.createTrackOneEvent(system, {
    conflict_id: C1.id,
    kind: 'agreement_signed',
    occurred_on: '2024-02-10',
    date_precision: 'day',
    title: 'Accord of the Tarn valley',
    source: '',
    notes: '',
    agreement_stage: 'framework_partial',
    gender_provisions: true,
    party_actor_ids: [official.id],
  });
  await trackOne.linkTransferToTrackOne(system, transfer.id, trackOneEvent.id);
  await trackOne.reportPeaceIndicators(system, I.id, {
    area: 'Tarn valley',
    month: '2024-02',
    entries: [{ kind: 'markets_open', other_label: '', count: 3, note: '' }],
  });
  const funder = await trackOne.createFunder(system, W.id, 'Quelmar Foundation');
  const budgetLine = await trackOne.addBudgetLine(system, I.id, {
    label: 'Ferries',
    currency: 'USD',
    amount: 900,
  });
  const pledge = await trackOne.addPledge(system, I.id, {
    funder_id: funder.id,
    currency: 'USD',
    amount: 400,
    pledged_on: '2024-01-05',
    note: '',
  });
  await trackOne.addDisbursement(system, pledge.id, { amount: 100, disbursed_on: '2024-01-20' });
  const survey = await surveys.createSurvey(system, {
    initiative_id: I.id,
    title: 'Secret survey',
    instruments: [{ library: 'feeling-thermometer' }],
    out_groups: ['North'],
    languages: ['en'],
  });
  const wave = await surveys.addWave(system, survey.id, {
    kind: 'baseline',
    opens_on: '2024-01-01',
    closes_on: '2099-12-31',
    after_meeting_id: meeting.id,
  });
  await surveys.addRespondents(system, survey.id, [{ arm: 'participant', actor_id: a1.id }]);

  const tokens = {} as Record<Role, string>;
  const cookies = {} as Record<Role, string>;
  const ownTokens = {} as Record<OwnRole, string>;
  const ownCookies = {} as Record<OwnRole, string>;
  let convenerAccount = '';
  let convenerToken = '';
  await ctx.db.transaction().execute(async (trx) => {
    const sys = systemAuth('fixture');
    const accountFor = (role: string) =>
      createAccount(trx, ctx.keys, sys, {
        email: `${role}@example.org`,
        displayName: role,
        password: PASSWORD,
      });
    const targetConvener = await accountFor('target-convener');
    convenerAccount = targetConvener.id;
    await grantMembership(trx, ctx.keys, sys, {
      accountId: targetConvener.id,
      initiativeId: I.id,
      role: 'convener',
    });
    const credentials = async (accountId: string) => ({
      token: (await createApiToken(trx, ctx.keys, { accountId }, { accountId, name: 'matrix' })).token,
      cookie: (await createCookieSession(trx, ctx.keys, accountId)).secret,
    });
    const convener = await credentials(targetConvener.id);
    convenerToken = convener.token;
    for (const role of roles) {
      const account = await accountFor(role);
      if (role === 'other-admin')
        await grantWorkspaceAdmin(trx, ctx.keys, sys, { workspaceId: W2.id, accountId: account.id });
      else if (role !== 'no-role')
        await grantMembership(trx, ctx.keys, sys, { accountId: account.id, initiativeId: J.id, role });
      ({ token: tokens[role], cookie: cookies[role] } = await credentials(account.id));
    }
    for (const role of ownRoles) {
      if (role === 'convener') {
        ({ token: ownTokens[role], cookie: ownCookies[role] } = convener);
        continue;
      }
      const account = await accountFor(`target-${role}`);
      if (role === 'workspace-admin')
        await grantWorkspaceAdmin(trx, ctx.keys, sys, { workspaceId: W.id, accountId: account.id });
      else await grantMembership(trx, ctx.keys, sys, { accountId: account.id, initiativeId: I.id, role });
      ({ token: ownTokens[role], cookie: ownCookies[role] } = await credentials(account.id));
    }
  });
  const ids: Ids = {
    W: W.id,
    C1: C1.id,
    I: I.id,
    actor: a1.id,
    actor2: a2.id,
    official: official.id,
    tie: tie.id,
    meeting: meeting.id,
    openMeeting: open.id,
    closedMeeting: closed.id,
    chathamTie,
    openTie,
    closedTie,
    outcome: outcome.id,
    transfer: transfer.id,
    event: event.id,
    convenerAccount,
    survey: survey.id,
    wave: wave.id,
    dialogue: dialogue.id,
    statement: statement.id,
    joinLink: joinLink.id,
    invitation: invitation.id,
    trackOneEvent: trackOneEvent.id,
    funder: funder.id,
    budgetLine: budgetLine.id,
    pledge: pledge.id,
  };
  const pseudonyms = [a1.pseudonym, a2.pseudonym, official.pseudonym];
  const secrets = [
    C1.id,
    ...C1.divides.flatMap((d) => [d.id, ...d.groups.map((g) => g.id)]),
    'Target conflict',
    I.id,
    'Target initiative',
    a1.id,
    a2.id,
    official.id,
    ...pseudonyms,
    'Zorblat',
    'Mirelle',
    'Tobran',
    tie.id,
    chathamTie,
    openTie,
    closedTie,
    meeting.id,
    'Secret round',
    open.id,
    'Open round',
    closed.id,
    'Closed round',
    'Safe house',
    outcome.id,
    'Water accord',
    transfer.id,
    event.id,
    'Ceasefire of February',
    trackOneEvent.id,
    'Accord of the Tarn valley',
    budgetLine.id,
    pledge.id,
    dialogue.id,
    statement.id,
    'Secret dialogue prompt',
    'Water for all valleys',
    joinLink.id,
    'Invitee Quillon',
    ...(dialogue.join_url ? [dialogue.join_url.split('/').pop()!] : []),
    survey.id,
    wave.id,
    'Secret survey',
    ...ownRoles.map((role) => `target-${role}@example.org`),
  ];
  /** What the roles of I may not see: J, its conflict C2 and C2's actor. */
  const ownForeignSecrets = [
    J.id,
    'Own initiative',
    C2.id,
    ...C2.divides.flatMap((d) => [d.id, ...d.groups.map((g) => g.id)]),
    'Own conflict',
    b1.id,
    b1.pseudonym,
    'Own Person',
  ];
  /** The references of each actor a reply may hold: its id and its pseudonym. */
  const actorRefs = {
    actor: [a1.id, a1.pseudonym],
    actor2: [a2.id, a2.pseudonym],
    official: [official.id, official.pseudonym],
  };
  const names = ['Zorblat', 'Mirelle', 'Tobran'];
  return {
    ids,
    tokens,
    cookies,
    ownTokens,
    ownCookies,
    secrets,
    ownForeignSecrets,
    actorRefs,
    names,
    W2: W2.id,
    convenerToken,
  };
}
