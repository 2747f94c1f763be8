import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { acceptInvitation, describeInvitation } from '../../src/services/accounts/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { forEachEngine } from '../support/databases.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../support/records.js';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo accounts invite and invitations list|revoke', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const saved = { key: process.env.TRACKTWO_MASTER_KEY, token: process.env.TRACKTWO_TOKEN };
  let I = '';
  let facilitatorToken = '';
  let system: ServiceContext;
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());

  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    delete process.env.TRACKTWO_TOKEN;
    system = {
      db: getDb(),
      dialect: engine.dialect,
      keys: createVaultKeys(masterKey),
      auth: systemAuth('cli'),
    };
    const W = (await createTestWorkspace(system, 'CLI workspace')).id;
    const C = (await createTestConflict(system, W, 'Delta dispute')).id;
    I = (await createTestInitiative(system, W, C, 'Delta talks')).id;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        for (const role of ['convener', 'facilitator'] as const) {
          const account = await createAccount(trx, system.keys, system.auth, {
            email: `${role}@cli.example.org`,
            displayName: role,
            password: 'cli fixture passphrase 9',
          });
          await grantMembership(trx, system.keys, system.auth, {
            accountId: account.id,
            initiativeId: I,
            role,
          });
          if (role === 'facilitator')
            facilitatorToken = (
              await createApiToken(trx, system.keys, system.auth, { accountId: account.id, name: 'laptop' })
            ).token;
        }
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

  it('invites as a convener and prints a working link once; lists and revokes', async () => {
    const invited = await cli(
      'accounts',
      'invite',
      'New.Person@cli.example.org',
      '--initiative',
      I,
      '--role',
      'facilitator',
      '--as',
      'convener@cli.example.org',
      '--server',
      'https://tracktwo.example.org/',
    );
    expect(invited.code, invited.err).toBe(0);
    const link = /https:\/\/tracktwo\.example\.org\/#\/invitation\/([A-Za-z0-9_-]{43})/.exec(invited.out);
    expect(link, invited.out).not.toBeNull();
    const info = await describeInvitation(system, link![1]);
    expect(info).toMatchObject({
      initiative_name: 'Delta talks',
      role: 'facilitator',
      email: 'new.person@cli.example.org',
    });
    const audited = await getDb()
      .selectFrom('audit_log')
      .select(['action', 'account_id'])
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    expect(audited?.action).toBe('invitation_link.create');
    expect(audited?.account_id).not.toBeNull();

    const listed = await cli('accounts', 'invitations', 'list', '--initiative', I, '--json');
    expect(listed.code, listed.err).toBe(0);
    const items = JSON.parse(listed.out) as { id: string; status: string; url: unknown }[];
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ status: 'pending', url: null });
    const revoked = await cli('accounts', 'invitations', 'revoke', items[0].id, '--initiative', I);
    expect(revoked.code, revoked.err).toBe(0);
    expect((await cli('accounts', 'invitations', 'list', '--initiative', I)).out).toContain('\trevoked\t');
    await expect(
      acceptInvitation({ ...system, auth: null }, link![1], {
        display_name: 'N',
        password: 'a long passphrase 77',
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_INVITATION_REVOKED' });
  });

  it('refuses a facilitator (TRACKTWO_TOKEN), a bad role and a bad address, writing nothing', async () => {
    const count = async () => (await getDb().selectFrom('invitation_links').selectAll().execute()).length;
    const before = await count();
    process.env.TRACKTWO_TOKEN = facilitatorToken;
    try {
      const refused = await cli(
        'accounts',
        'invite',
        'x@cli.example.org',
        '--initiative',
        I,
        '--role',
        'funder',
      );
      expect(refused.code).toBe(2);
      expect(refused.err).toContain('TT_ERR_FORBIDDEN');
    } finally {
      delete process.env.TRACKTWO_TOKEN;
    }
    const badRole = await cli('accounts', 'invite', 'x@cli.example.org', '--initiative', I, '--role', 'king');
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('TT_ERR_VALIDATION');
    expect(badRole.err).toContain('--role');
    const badEmail = await cli('accounts', 'invite', 'not-an-address', '--initiative', I, '--role', 'funder');
    expect(badEmail.code).toBe(2);
    expect(badEmail.err).toContain('TT_ERR_VALIDATION');
    const unknown = await cli('accounts', 'invitations', 'revoke', 'no-such-id', '--initiative', I);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('TT_ERR_NOT_FOUND');
    expect(await count()).toBe(before);
  });
});
