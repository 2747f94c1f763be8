import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captureIo } from '../../src/cli/io.js';
import { createDatabase } from '../../src/store/database.js';
import { forEachEngine } from '../support/databases.js';
import { makeInitiative, makeWorkspace } from './fixtures.js';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo accounts and audit (CLI)', (getDb, engine) => {
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());
  // The audit chain is keyed: every command that writes or verifies it needs the master key.
  const masterKey = randomBytes(32).toString('base64');
  let before: Record<string, string | undefined>;
  beforeAll(() => {
    before = { key: process.env.TRACKTWO_MASTER_KEY, file: process.env.TRACKTWO_MASTER_KEY_FILE };
    process.env.TRACKTWO_MASTER_KEY = masterKey;
  });
  afterAll(() => {
    for (const [name, value] of [
      ['TRACKTWO_MASTER_KEY', before.key],
      ['TRACKTWO_MASTER_KEY_FILE', before.file],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('creates an account, grants roles, issues and revokes a token, and the audit chain verifies', async () => {
    const { workspaceId, conflictId } = await makeWorkspace(getDb());
    const initiativeId = await makeInitiative(getDb(), workspaceId, conflictId);
    const grant = (role: string) =>
      cli('accounts', 'grant', 'amal@example.org', '--initiative', initiativeId, '--role', role);

    const created = await cli(
      'accounts',
      'create',
      'Amal@Example.org',
      '--name',
      'Amal',
      '--admin',
      workspaceId,
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/Created account amal@example\.org/);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(created.out)?.[1];
    expect(password).toBeDefined();

    expect((await grant('researcher')).out).toMatch(/Granted: amal@example.org is researcher/);
    const badRole = await grant('king');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/TT_ERR_VALIDATION/);

    const listed = await cli('accounts', 'list');
    expect(listed.out).toContain(`admin of workspace ${workspaceId}`);
    expect(listed.out).toContain(`researcher in initiative ${initiativeId}`);
    expect(listed.out).not.toContain(password!);

    const token = await cli('accounts', 'token', 'amal@example.org', '--name', 'laptop', '--days', '7');
    expect(token.out).toMatch(/\ntt_[A-Za-z0-9_-]{43}\n$/);
    expect((await cli('accounts', 'token', 'amal@example.org', '--list')).out).toMatch(/^laptop\t/);
    expect((await cli('accounts', 'token', 'amal@example.org', '--revoke', 'laptop')).out).toMatch(/Revoked/);
    expect((await cli('accounts', 'token', 'amal@example.org', '--revoke', 'laptop')).code).toBe(2);
    expect((await cli('accounts', 'revoke', 'amal@example.org', '--admin', workspaceId)).out).toMatch(
      /Revoked/,
    );
    const reader = await cli('accounts', 'token', 'amal@example.org', '--name', 'dash', '--scopes', 'read');
    expect(reader.out).toMatch(/Token "dash" \(read\)/);
    expect((await cli('accounts', 'token', 'amal@example.org', '--list')).out).toMatch(/^dash\t\w+\tread\t/);
    expect(
      (await cli('accounts', 'token', 'amal@example.org', '--name', 'x', '--scopes', 'admin')).code,
    ).toBe(2);
    expect((await cli('accounts', 'instance-admin', 'grant', 'amal@example.org')).out).toMatch(
      /Granted: amal@example.org is now an instance administrator/,
    );
    expect((await cli('accounts', 'instance-admin', 'grant', 'amal@example.org')).out).toMatch(/Unchanged/);
    expect((await cli('accounts', 'instance-admin', 'revoke', 'amal@example.org')).out).toMatch(
      /Revoked: amal@example.org is no longer an instance administrator/,
    );
    expect((await cli('accounts', 'instance-admin', 'grant', 'nobody@example.org')).code).toBe(2);
    expect((await cli('accounts', 'disable', 'amal@example.org')).code).toBe(0);

    const verified = await cli('audit', 'verify');
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toMatch(/^OK: the audit chain is intact \(\d+ rows; head \d+ [0-9a-f]{64}\)/);
    const log = await cli('audit', 'log', '--workspace', workspaceId);
    expect(log.out).toMatch(/membership\.grant/);
    expect(log.out).toMatch(/admin\.revoke/);
    const all = await cli('audit', 'log');
    expect(all.out).toMatch(/instance_admin\.grant/);
    expect(all.out).toMatch(/instance_admin\.revoke/);
    expect(log.out).not.toMatch(/amal/i);
  });

  it('prints a head digest that verify --head checks, and refuses without the master key', async () => {
    const head = await cli('audit', 'head');
    expect(head.code).toBe(0);
    const digest = head.out.trim();
    expect(digest).toMatch(/^\d+:[0-9a-f]{16}$/);
    const held = await cli('audit', 'verify', '--head', digest);
    expect(held).toMatchObject({ code: 0 });
    expect(held.out).toContain(`still holds the head ${digest}`);
    const other = await cli('audit', 'verify', '--head', digest.replace(/:.*/, ':0123456789abcdef'));
    expect(other.code).toBe(1);
    expect(other.out).toMatch(/\(head_unknown\)/);

    delete process.env.TRACKTWO_MASTER_KEY;
    process.env.TRACKTWO_MASTER_KEY_FILE = `/nonexistent-${randomBytes(4).toString('hex')}/master.key`;
    try {
      const refused = await cli('audit', 'verify');
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/TT_ERR_CONFIGURATION[\s\S]*no master key/);
      expect(refused.out).toBe('');
    } finally {
      process.env.TRACKTWO_MASTER_KEY = masterKey;
      delete process.env.TRACKTWO_MASTER_KEY_FILE;
    }
    // Under another key the chain does not verify, and the answer says the key may be the cause.
    process.env.TRACKTWO_MASTER_KEY = randomBytes(32).toString('base64');
    try {
      const wrong = await cli('audit', 'verify');
      expect(wrong.code).toBe(1);
      expect(wrong.out).toMatch(/master key/);
    } finally {
      process.env.TRACKTWO_MASTER_KEY = masterKey;
    }
  });

  it('erases an initiative only with its name typed out, and audits it', async () => {
    const { workspaceId, conflictId } = await makeWorkspace(getDb());
    const initiativeId = await makeInitiative(getDb(), workspaceId, conflictId);
    const wrong = await cli('erase', 'initiative', initiativeId, '--confirm', 'Initiatives');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/TT_ERR_ERASE_NOT_CONFIRMED/);
    const erased = await cli('erase', 'initiative', initiativeId, '--confirm', 'Initiative');
    expect(erased).toMatchObject({ code: 0 });
    expect(erased.out).toMatch(/^Erased initiative .*: 0 identities destroyed, 0 attendance rows deleted/);
    expect((await cli('audit', 'log', '--record', initiativeId)).out).toMatch(/initiative\.emergency_erase/);
    expect((await cli('audit', 'verify')).code).toBe(0);
  });

  it('fails audit verify with exit code 1 naming the edited row, then the deleted one', async () => {
    const url = engine.getUrl();
    // A second connection, as an attacker with database access would have.
    const store = createDatabase(url);
    try {
      const victim = await store.db
        .selectFrom('audit_log')
        .select('seq')
        .orderBy('seq')
        .offset(1)
        .limit(1)
        .executeTakeFirstOrThrow();
      const seq = Number(victim.seq);
      await store.db
        .updateTable('audit_log')
        .set({ action: 'account.enable' })
        .where('seq', '=', seq)
        .execute();
      const edited = await cli('audit', 'verify');
      expect(edited.code).toBe(1);
      expect(edited.out).toContain(`BROKEN at row ${seq} (edited)`);

      await store.db.deleteFrom('audit_log').where('seq', '=', seq).execute();
      const deleted = await cli('audit', 'verify', '--json');
      expect(deleted.code).toBe(1);
      expect(JSON.parse(deleted.out)).toMatchObject({ ok: false, seq, problem: 'deleted' });
    } finally {
      await store.close();
    }
  });
});

describe('tracktwo accounts/audit --help', () => {
  it('describes every command', async () => {
    for (const args of [
      ['accounts'],
      ['accounts', 'create'],
      ['accounts', 'token'],
      ['audit', 'verify'],
      ['audit', 'head'],
      ['erase', 'initiative'],
    ]) {
      const { code, out } = await run(...args, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(/Usage: tracktwo/);
    }
  });
});
