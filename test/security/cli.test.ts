import { describe, expect, it } from 'vitest';
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
  it('creates an account, grants roles, issues and revokes a token, and the audit chain verifies', async () => {
    const url = engine.getUrl();
    const { workspaceId, conflictId } = await makeWorkspace(getDb());
    const initiativeId = await makeInitiative(getDb(), workspaceId, conflictId);

    const created = await run(
      'accounts',
      'create',
      'Amal@Example.org',
      '--name',
      'Amal',
      '--admin',
      workspaceId,
      '--database',
      url,
    );
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/Created account amal@example\.org/);
    const password = /Password \(shown once[^)]*\): (\S+)/.exec(created.out)?.[1];
    expect(password).toBeDefined();

    expect(
      (
        await run(
          'accounts',
          'grant',
          'amal@example.org',
          '--initiative',
          initiativeId,
          '--role',
          'researcher',
          '--database',
          url,
        )
      ).out,
    ).toMatch(/Granted: amal@example.org is researcher/);
    const badRole = await run(
      'accounts',
      'grant',
      'amal@example.org',
      '--initiative',
      initiativeId,
      '--role',
      'king',
      '--database',
      url,
    );
    expect(badRole.code).toBe(2);
    expect(badRole.err).toMatch(/TT_ERR_VALIDATION/);

    const listed = await run('accounts', 'list', '--database', url);
    expect(listed.out).toContain(`admin of workspace ${workspaceId}`);
    expect(listed.out).toContain(`researcher in initiative ${initiativeId}`);
    expect(listed.out).not.toContain(password!);

    const token = await run(
      'accounts',
      'token',
      'amal@example.org',
      '--name',
      'laptop',
      '--days',
      '7',
      '--database',
      url,
    );
    expect(token.out).toMatch(/\ntt_[A-Za-z0-9_-]{43}\n$/);
    expect((await run('accounts', 'token', 'amal@example.org', '--list', '--database', url)).out).toMatch(
      /^laptop\t/,
    );
    expect(
      (await run('accounts', 'token', 'amal@example.org', '--revoke', 'laptop', '--database', url)).out,
    ).toMatch(/Revoked/);
    expect(
      (await run('accounts', 'token', 'amal@example.org', '--revoke', 'laptop', '--database', url)).code,
    ).toBe(2);
    expect(
      (await run('accounts', 'revoke', 'amal@example.org', '--admin', workspaceId, '--database', url)).out,
    ).toMatch(/Revoked/);
    expect((await run('accounts', 'disable', 'amal@example.org', '--database', url)).code).toBe(0);

    const verified = await run('audit', 'verify', '--database', url);
    expect(verified).toMatchObject({ code: 0 });
    expect(verified.out).toMatch(/^OK: the audit chain is intact \(\d+ rows; head \d+ [0-9a-f]{64}\)/);
    const log = await run('audit', 'log', '--workspace', workspaceId, '--database', url);
    expect(log.out).toMatch(/membership\.grant/);
    expect(log.out).toMatch(/admin\.revoke/);
    expect(log.out).not.toMatch(/amal/i);
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
      const edited = await run('audit', 'verify', '--database', url);
      expect(edited.code).toBe(1);
      expect(edited.out).toContain(`BROKEN at row ${seq} (edited)`);

      await store.db.deleteFrom('audit_log').where('seq', '=', seq).execute();
      const deleted = await run('audit', 'verify', '--database', url, '--json');
      expect(deleted.code).toBe(1);
      expect(JSON.parse(deleted.out)).toMatchObject({ ok: false, seq, problem: 'deleted' });
    } finally {
      await store.close();
    }
  });
});

describe('tracktwo accounts/audit --help', () => {
  it('describes every command', async () => {
    for (const args of [['accounts'], ['accounts', 'create'], ['accounts', 'token'], ['audit', 'verify']]) {
      const { code, out } = await run(...args, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(/Usage: tracktwo/);
    }
  });
});
