import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { createVaultKeys } from '../../src/security/vault.js';
import type { ServiceContext } from '../../src/services/context.js';
import * as outcomes from '../../src/services/initiatives/index.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../support/records.js';

const ROLES = ['convener', 'facilitator', 'participant', 'researcher', 'funder'] as const;
const email = (role: string) => `${role}@cli.example.org`;

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo record commands (as an account, through the services)', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const saved = { key: process.env.TRACKTWO_MASTER_KEY, token: process.env.TRACKTWO_TOKEN };
  let W = '';
  let C = '';
  let I = '';
  let groupId = '';
  let researcherToken = '';
  let accountIds: Record<string, string> = {};
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());
  const json = async (...args: string[]) => {
    const result = await cli(...args, '--format', 'json');
    expect(result.code, result.err).toBe(0);
    return JSON.parse(result.out);
  };

  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    delete process.env.TRACKTWO_TOKEN;
    const system: ServiceContext = {
      db: getDb(),
      dialect: engine.dialect,
      keys: createVaultKeys(masterKey),
      auth: systemAuth('cli fixture'),
    };
    W = (await createTestWorkspace(system, 'CLI workspace')).id;
    const conflict = await createTestConflict(system, W, 'Delta dispute', {
      name: 'Bank',
      groups: ['East', 'West'],
    });
    C = conflict.id;
    groupId = conflict.divides[0].groups[0].id;
    I = (await createTestInitiative(system, W, C, 'Delta talks')).id;
    await outcomes.createOutcome(system, {
      initiative_id: I,
      meeting_id: null,
      title: 'Joint statement',
      description: '',
      kind: 'statement',
    });
    accountIds = {};
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const sys = systemAuth('cli fixture');
        for (const role of [...ROLES, 'nobody']) {
          const account = await createAccount(trx, system.keys, sys, {
            email: email(role),
            displayName: role,
            password: 'cli fixture passphrase 9',
          });
          accountIds[role] = account.id;
          if (role !== 'nobody')
            await grantMembership(trx, system.keys, sys, {
              accountId: account.id,
              initiativeId: I,
              role: role as 'funder',
            });
        }
        researcherToken = (
          await createApiToken(trx, system.keys, sys, { accountId: accountIds.researcher, name: 'laptop' })
        ).token;
      });
  });
  afterAll(() => {
    for (const [variable, value] of [
      ['TRACKTWO_MASTER_KEY', saved.key],
      ['TRACKTWO_TOKEN', saved.token],
    ] as const) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
  });

  let person = '';
  let official = '';

  it('lists workspaces, conflicts and initiatives the account may see', async () => {
    const listed = await json('workspaces', 'list', '--as', email('funder'));
    expect(listed.items.map((w: { id: string }) => w.id)).toEqual([W]);
    const table = await cli('conflicts', 'list', W, '--as', email('participant'));
    expect(table.code, table.err).toBe(0);
    expect(table.out).toMatch(/^id\s+name\s+started_on\s+groups/);
    expect(table.out).toContain('Delta dispute');
    expect(table.out).toContain('Bank: East/West');
    const shown = await json('initiatives', 'show', I, '--as', email('funder'));
    expect(shown).toMatchObject({ id: I, name: 'Delta talks', status: 'active' });
    expect((await cli('initiatives', 'list', W, '--as', email('convener'))).out).toContain('Delta talks');
    const nobody = await cli('initiatives', 'list', W, '--as', email('nobody'));
    expect(nobody.code).toBe(2);
    expect(nobody.err).toContain('TT_ERR_NOT_FOUND');
  });

  it('adds actors with an identity in the vault, audited as the account', async () => {
    const added = await cli(
      'actors',
      'add',
      C,
      '--role',
      'womens_leader',
      '--track',
      '2',
      '--gender',
      'woman',
      '--region',
      'Delta',
      '--group',
      groupId,
      '--name',
      'Halvard Brisk',
      '--contact',
      'email:halvard@example.org',
      '--as',
      email('facilitator'),
    );
    expect(added.code, added.err).toBe(0);
    expect(added.out).toMatch(/^Added actor A-[2-9A-HJKMNP-Z]{6} \(/);
    person = /\(([^)]+)\)/.exec(added.out)![1];
    official = (
      await json('actors', 'add', C, '--role', 'state_official', '--track', '1', '--as', email('convener'))
    ).id;
    const audit = await getDb()
      .selectFrom('audit_log')
      .select(['account_id', 'action'])
      .where('record_id', '=', person)
      .execute();
    expect(audit).toEqual([{ account_id: accountIds.facilitator, action: 'actor.create' }]);
    const stored = await getDb().selectFrom('actor_identities').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain('Halvard');
  });

  it('keeps access checks: names only for those allowed, writes only for those allowed', async () => {
    const listed = await json('actors', 'list', C, '--as', email('researcher'));
    expect(listed.total).toBe(2);
    expect(JSON.stringify(listed)).not.toContain('Halvard');

    const found = await json('actors', 'list', C, '--name', 'brisk', '--as', email('convener'));
    expect(found.items.map((a: { id: string }) => a.id)).toEqual([person]);
    const search = await cli('actors', 'list', C, '--name', 'brisk', '--as', email('researcher'));
    expect(search.code).toBe(2);
    expect(search.err).toContain('TT_ERR_FORBIDDEN');

    const shown = await cli('actors', 'show', person, '--names', '--as', email('convener'));
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toMatch(/names\s+Halvard Brisk/);
    expect(shown.out).toMatch(/contacts\s+email: halvard@example\.org/);
    const plain = await cli('actors', 'show', person, '--as', email('researcher'));
    expect(plain.out).toMatch(/pseudonym\s+A-/);
    expect(plain.out).not.toContain('Halvard');
    const refused = await cli('actors', 'show', person, '--names', '--as', email('researcher'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('TT_ERR_FORBIDDEN');
    expect(refused.out).toBe('');
    const participant = await cli('actors', 'list', C, '--as', email('participant'));
    expect(participant.code).toBe(2);
    expect(participant.err).toContain('TT_ERR_FORBIDDEN');

    const before = await countRows(getDb(), 'actors');
    const write = await cli(
      'actors',
      'add',
      C,
      '--role',
      'elder',
      '--track',
      '3',
      '--as',
      email('researcher'),
    );
    expect(write.code).toBe(2);
    expect(write.err).toContain('TT_ERR_FORBIDDEN');
    expect(await countRows(getDb(), 'actors')).toBe(before);
  });

  it('adds and lists ties, checking input with the API’s schema', async () => {
    const tie = await json(
      'ties',
      'add',
      C,
      person,
      official,
      '--kind',
      'trusts',
      '--strength',
      '4',
      '--directed',
      '--from',
      '2023-01-01',
      '--as',
      email('convener'),
    );
    expect(tie).toMatchObject({ kind: 'trusts', strength: 4, directed: true, valid_from: '2023-01-01' });
    const listed = await json('ties', 'list', C, '--kind', 'trusts', '--as', email('researcher'));
    expect(listed.items.map((t: { id: string }) => t.id)).toEqual([tie.id]);
    const table = await cli('ties', 'list', C, '--as', email('researcher'));
    expect(table.out).toContain(tie.id);

    const before = await countRows(getDb(), 'ties');
    const bad = await cli(
      'ties',
      'add',
      C,
      person,
      official,
      '--kind',
      'trusts',
      '--strength',
      '9',
      '--as',
      email('convener'),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('TT_ERR_VALIDATION');
    expect(bad.err).toContain('--strength');
    expect(await countRows(getDb(), 'ties')).toBe(before);
  });

  it('adds meetings and records attendance, which makes met ties', async () => {
    const meeting = await json(
      'meetings',
      'add',
      I,
      '--title',
      'Round 1',
      '--date',
      '2024-03-01',
      '--place',
      'Port Delta',
      '--as',
      email('facilitator'),
    );
    expect(meeting).toMatchObject({ ground_rule: 'chatham_house', status: 'planned', place: 'Port Delta' });
    // Under the Chatham House rule only those who may read the list write it: the convener, not the facilitator.
    const byFacilitator = await cli('meetings', 'attend', meeting.id, person, '--as', email('facilitator'));
    expect(byFacilitator.code).toBe(2);
    expect(byFacilitator.err).toContain('TT_ERR_FORBIDDEN');
    const attended = await cli('meetings', 'attend', meeting.id, person, official, '--as', email('convener'));
    expect(attended.code, attended.err).toBe(0);
    expect(attended.out).toContain('met ties: 1 created, 0 strengthened');
    const met = await json('ties', 'list', C, '--kind', 'met', '--as', email('convener'));
    expect(met.total).toBe(1);
    // A Chatham House round's tie says who attended: its conveners see it, its facilitators do not.
    for (const role of ['facilitator', 'researcher']) {
      expect((await json('ties', 'list', C, '--kind', 'met', '--as', email(role))).total).toBe(0);
    }
    const listed = await cli('meetings', 'list', I, '--as', email('funder'));
    expect(listed.out).toMatch(/2024-03-01\s+Round 1\s+Port Delta\s+chatham_house/);
    const refused = await cli('meetings', 'attend', meeting.id, person, '--as', email('funder'));
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('TT_ERR_FORBIDDEN');

    // Held, minuted under the Chatham House rule (no attendee named), and no longer cancellable.
    expect((await json('meetings', 'held', meeting.id, '--as', email('convener'))).status).toBe('held');
    const cancel = await cli('meetings', 'cancel', meeting.id, '--as', email('convener'));
    expect([cancel.code, cancel.err.includes('TT_ERR_MEETING_CANCEL_ATTENDED')]).toEqual([2, true]);
    const minuted = await cli(
      'meetings',
      'minutes',
      meeting.id,
      '--set',
      'The room agreed to meet again.',
      '--as',
      email('convener'),
    );
    expect(minuted.code, minuted.err).toBe(0);
    expect((await cli('meetings', 'minutes', meeting.id, '--as', email('convener'))).out).toBe(
      'The room agreed to meet again.\n',
    );
    const named = await cli(
      'meetings',
      'minutes',
      meeting.id,
      '--set',
      'Halvard BRISK spoke first.',
      '--as',
      email('convener'),
    );
    expect(named.code).toBe(2);
    expect(named.err).toContain('TT_ERR_CHATHAM_HOUSE_ATTRIBUTED');
    expect(named.err).not.toMatch(/halvard|brisk/i);
    expect(await countRows(getDb(), 'meeting_texts')).toBe(1);
    const notes = await cli('meetings', 'notes', meeting.id, '--as', email('facilitator'));
    expect([notes.code, notes.err.includes('TT_ERR_FORBIDDEN')]).toEqual([2, true]);
  });

  it('lists outcomes', async () => {
    const listed = await cli('outcomes', 'list', I, '--as', email('participant'));
    expect(listed.code, listed.err).toBe(0);
    expect(listed.out).toMatch(/statement\s+Joint statement/);
  });

  it('edits and deletes an outcome as a convener; a participant is refused and changes nothing', async () => {
    const [outcome] = (await json('outcomes', 'list', I, '--as', email('convener'))).items as {
      id: string;
    }[];
    const refused = await cli(
      'outcomes',
      'edit',
      outcome.id,
      '--title',
      'Mine',
      '--as',
      email('participant'),
    );
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('TT_ERR_FORBIDDEN');
    const empty = await cli('outcomes', 'edit', outcome.id, '--as', email('convener'));
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('TT_ERR_VALIDATION');
    const badKind = await cli('outcomes', 'edit', outcome.id, '--kind', 'decree', '--as', email('convener'));
    expect(badKind.err).toContain('--kind');
    const edited = await cli(
      'outcomes',
      'edit',
      outcome.id,
      '--title',
      'Joint statement, revised',
      '--as',
      email('convener'),
    );
    expect(edited.code, edited.err).toBe(0);
    expect((await cli('outcomes', 'list', I, '--as', email('participant'))).out).toContain(
      'Joint statement, revised',
    );
    expect((await cli('outcomes', 'delete', outcome.id, '--as', email('participant'))).err).toContain(
      'TT_ERR_FORBIDDEN',
    );
    const deleted = await cli('outcomes', 'delete', outcome.id, '--as', email('convener'));
    expect(deleted.code, deleted.err).toBe(0);
    expect((await json('outcomes', 'list', I, '--as', email('convener'))).total).toBe(0);
  });

  it('acts as the account of TRACKTWO_TOKEN, and refuses a bad token, both ways at once, or neither', async () => {
    process.env.TRACKTWO_TOKEN = researcherToken;
    try {
      const listed = await json('actors', 'list', C);
      expect(listed.total).toBe(2);
      const names = await cli('actors', 'show', person, '--names');
      expect(names.err).toContain('TT_ERR_FORBIDDEN');
      const both = await cli('actors', 'list', C, '--as', email('convener'));
      expect(both.code).toBe(2);
      expect(both.err).toContain('not both');
      process.env.TRACKTWO_TOKEN = `${researcherToken.slice(0, -2)}xx`;
      const bad = await cli('actors', 'list', C);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('TT_ERR_UNAUTHENTICATED');
    } finally {
      delete process.env.TRACKTWO_TOKEN;
    }
    const neither = await cli('actors', 'list', C);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain('TT_ERR_UNAUTHENTICATED');
    const unknown = await cli('actors', 'list', C, '--as', 'ghost@cli.example.org');
    expect(unknown.err).toContain('TT_ERR_UNAUTHENTICATED');
  });

  it('refuses a disabled account and an unknown output format', async () => {
    await getDb()
      .updateTable('accounts')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', accountIds.funder)
      .execute();
    const disabled = await cli('workspaces', 'list', '--as', email('funder'));
    expect(disabled.code).toBe(2);
    expect(disabled.err).toContain('TT_ERR_UNAUTHENTICATED');
    const format = await cli('workspaces', 'list', '--as', email('convener'), '--format', 'xml');
    expect(format.code).toBe(2);
    expect(format.err).toContain('--format');
  });
});

describe('tracktwo record commands --help', () => {
  it('documents who acts on every record command', async () => {
    const commands = [
      ['workspaces', 'list'],
      ['conflicts', 'list'],
      ['actors', 'list'],
      ['actors', 'show'],
      ['actors', 'add'],
      ['ties', 'list'],
      ['ties', 'add'],
      ['initiatives', 'list'],
      ['initiatives', 'show'],
      ['meetings', 'list'],
      ['meetings', 'add'],
      ['meetings', 'attend'],
      ['meetings', 'held'],
      ['meetings', 'cancel'],
      ['meetings', 'minutes'],
      ['meetings', 'notes'],
      ['outcomes', 'list'],
      ['outcomes', 'edit'],
      ['outcomes', 'delete'],
    ];
    for (const command of commands) {
      const { code, out } = await run(...command, '--help');
      expect(code, command.join(' ')).toBe(0);
      expect(out).toContain('TRACKTWO_TOKEN');
      expect(out).toContain('--as <email>');
      expect(out).toContain('--format <format>');
    }
  });
});
