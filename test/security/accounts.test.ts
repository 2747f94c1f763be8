import { randomBytes } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import {
  changePassword,
  createAccount,
  grantMembership,
  grantWorkspaceAdmin,
  listAccounts,
  revokeMembership,
  setAccountEnabled,
  verifyCredentials,
} from '../../src/security/accounts.js';
import { verifyAuditChain } from '../../src/security/audit.js';
import { systemAuth, type Auth } from '../../src/security/auth.js';
import {
  authenticate,
  createApiToken,
  endCookieSession,
  listApiTokens,
  revokeApiToken,
  sessionCookieOptions,
  sessionIdOf,
  signIn,
} from '../../src/security/sessions.js';
import { SignInThrottle } from '../../src/security/throttle.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { forEachEngine } from '../support/databases.js';
import { makeAccount, makeInitiative, makeWorkspace, SHARED_PASSWORD } from './fixtures.js';

const operator = systemAuth('test');
const keys = createVaultKeys(randomBytes(32));
const HOUR = 3_600_000;

forEachEngine('accounts and sessions', (getDb) => {
  let nasra: Auth & { accountId: string };
  const throttle = new SignInThrottle();

  beforeAll(async () => {
    const account = await getDb()
      .transaction()
      .execute((trx) =>
        createAccount(trx, keys, operator, {
          email: ' Nasra@Example.ORG ',
          displayName: 'Nasra',
          password: 'mountain river 42',
        }),
      );
    nasra = { accountId: account.id };
  });

  it('stores the email lower-case and a hash, never the password', async () => {
    const row = await getDb()
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', nasra.accountId)
      .executeTakeFirstOrThrow();
    expect(row.email).toBe('nasra@example.org');
    expect(row.password_hash).toMatch(/^\$scrypt\$/);
    expect(JSON.stringify(row)).not.toContain('mountain');
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          createAccount(trx, keys, operator, {
            email: 'NASRA@example.org',
            displayName: 'X',
            password: 'mountain river 42',
          }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_ACCOUNT_EXISTS' });
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          createAccount(trx, keys, operator, {
            email: 'other@example.org',
            displayName: 'X',
            password: 'short',
          }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_PASSWORD_TOO_SHORT' });
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          createAccount(trx, keys, operator, {
            email: 'not an email',
            displayName: 'X',
            password: 'mountain river 42',
          }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION', details: { field: 'email' } });
  });

  it('lets only the operator and workspace administrators manage accounts', async () => {
    await expect(listAccounts(getDb(), nasra)).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    await expect(listAccounts(getDb(), null)).rejects.toMatchObject({ code: 'TT_ERR_UNAUTHENTICATED' });
    const { workspaceId } = await makeWorkspace(getDb());
    const adminId = await makeAccount(getDb());
    await getDb()
      .transaction()
      .execute((trx) => grantWorkspaceAdmin(trx, keys, operator, { workspaceId, accountId: adminId }));
    const emails = (await listAccounts(getDb(), { accountId: adminId })).map((a) => a.email);
    expect(emails).toContain('nasra@example.org');
    expect(JSON.stringify(await listAccounts(getDb(), operator))).not.toContain('scrypt');
    // Nasra, no administrator, cannot make herself one.
    await expect(
      getDb()
        .transaction()
        .execute((trx) => grantWorkspaceAdmin(trx, keys, nasra, { workspaceId, accountId: nasra.accountId })),
    ).rejects.toMatchObject({ code: 'TT_ERR_NOT_FOUND' });
  });

  it('signs in with the right password, starts a cookie session, and refuses the wrong one alike for unknown emails', async () => {
    const { account, session } = await getDb()
      .transaction()
      .execute((trx) =>
        signIn(trx, keys, throttle, {
          email: 'NASRA@example.org',
          password: 'mountain river 42',
          address: '192.0.2.1',
        }),
      );
    expect(account.id).toBe(nasra.accountId);
    expect(session.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await getDb()
      .selectFrom('sessions')
      .selectAll()
      .where('account_id', '=', nasra.accountId)
      .execute();
    expect(stored.map((s) => s.id)).toEqual([sessionIdOf(session.secret)]);
    expect(JSON.stringify(stored)).not.toContain(session.secret);
    expect(await authenticate(getDb(), session.secret, 'cookie')).toMatchObject({
      accountId: nasra.accountId,
      kind: 'cookie',
    });
    expect(await authenticate(getDb(), session.secret, 'token')).toBeUndefined();
    expect(await authenticate(getDb(), 'x'.repeat(43), 'cookie')).toBeUndefined();

    for (const email of ['nasra@example.org', 'nobody@example.org']) {
      await expect(
        getDb()
          .transaction()
          .execute((trx) => signIn(trx, keys, throttle, { email, password: 'wrong password 1' })),
      ).rejects.toMatchObject({ code: 'TT_ERR_BAD_CREDENTIALS', status: 401 });
    }

    expect(
      await getDb()
        .transaction()
        .execute((trx) => endCookieSession(trx, keys, session.secret)),
    ).toBe(true);
    expect(await authenticate(getDb(), session.secret, 'cookie')).toBeUndefined();
  });

  it('slows down guessing with a coded 429 before checking the password', async () => {
    const guarded = new SignInThrottle({ pairFreeFailures: 2 });
    const attempt = (password: string) =>
      getDb()
        .transaction()
        .execute((trx) => verifyCredentials(trx, guarded, { email: 'nasra@example.org', password }));
    await expect(attempt('guess number 1')).rejects.toMatchObject({ code: 'TT_ERR_BAD_CREDENTIALS' });
    await expect(attempt('guess number 2')).rejects.toMatchObject({ code: 'TT_ERR_BAD_CREDENTIALS' });
    await expect(attempt('guess number 3')).rejects.toMatchObject({ code: 'TT_ERR_BAD_CREDENTIALS' });
    // Even the right password waits now.
    await expect(attempt('mountain river 42')).rejects.toMatchObject({
      code: 'TT_ERR_TOO_MANY_ATTEMPTS',
      status: 429,
    });
  });

  it('expires cookie sessions', async () => {
    const start = new Date('2030-01-01T00:00:00.000Z');
    const { session } = await getDb()
      .transaction()
      .execute((trx) =>
        signIn(
          trx,
          keys,
          new SignInThrottle(),
          { email: 'nasra@example.org', password: 'mountain river 42' },
          start,
        ),
      );
    expect(
      await authenticate(getDb(), session.secret, 'cookie', new Date(start.getTime() + 11 * HOUR)),
    ).toBeDefined();
    expect(
      await authenticate(getDb(), session.secret, 'cookie', new Date(start.getTime() + 13 * HOUR)),
    ).toBeUndefined();
    // The expired row is gone, not just ignored.
    expect(
      await getDb().selectFrom('sessions').select('id').where('id', '=', session.sessionId).execute(),
    ).toEqual([]);
  });

  it('issues named bearer tokens, lists them without secrets, expires and revokes them', async () => {
    const now = new Date('2030-01-01T00:00:00.000Z');
    const issued = await getDb()
      .transaction()
      .execute((trx) =>
        createApiToken(trx, keys, nasra, {
          accountId: nasra.accountId,
          name: 'laptop cli',
          ttlDays: 30,
          now,
        }),
      );
    expect(issued.token).toMatch(/^tt_[A-Za-z0-9_-]{43}$/);
    expect(await authenticate(getDb(), issued.token, 'token', now)).toMatchObject({
      accountId: nasra.accountId,
      kind: 'token',
    });
    expect(await authenticate(getDb(), issued.token.slice(3), 'token', now)).toBeUndefined();
    expect(await authenticate(getDb(), issued.token, 'cookie', now)).toBeUndefined();

    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          createApiToken(trx, keys, nasra, { accountId: nasra.accountId, name: 'laptop cli', now }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_TOKEN_NAME_TAKEN' });
    const someoneElse = { accountId: await makeAccount(getDb()) };
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          createApiToken(trx, keys, someoneElse, { accountId: nasra.accountId, name: 'stolen' }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_NOT_FOUND' });

    const listed = await listApiTokens(getDb(), nasra, nasra.accountId);
    expect(listed.map((t) => t.name)).toEqual(['laptop cli']);
    expect(JSON.stringify(listed)).not.toContain(issued.token.slice(3));

    const later = new Date(now.getTime() + 31 * 24 * HOUR);
    const second = await getDb()
      .transaction()
      .execute((trx) =>
        createApiToken(trx, keys, nasra, { accountId: nasra.accountId, name: 'server', now }),
      );
    expect(await authenticate(getDb(), issued.token, 'token', later)).toBeUndefined();
    expect(await authenticate(getDb(), second.token, 'token', later)).toBeDefined();
    expect(
      await getDb()
        .transaction()
        .execute((trx) => revokeApiToken(trx, keys, nasra, { accountId: nasra.accountId, name: 'server' })),
    ).toBe(true);
    expect(await authenticate(getDb(), second.token, 'token', later)).toBeUndefined();
  });

  it('ends every session when the password changes or the account is disabled', async () => {
    const token = await getDb()
      .transaction()
      .execute((trx) =>
        createApiToken(trx, keys, operator, { accountId: nasra.accountId, name: 'before change' }),
      );
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          changePassword(trx, keys, nasra, {
            currentPassword: 'wrong password 1',
            newPassword: 'sea shore 9 lantern',
            throttle,
          }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_BAD_CREDENTIALS' });
    await getDb()
      .transaction()
      .execute((trx) =>
        changePassword(trx, keys, nasra, {
          currentPassword: 'mountain river 42',
          newPassword: 'sea shore 9 lantern',
          throttle,
        }),
      );
    expect(await authenticate(getDb(), token.token, 'token')).toBeUndefined();
    const fresh = new SignInThrottle();
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          verifyCredentials(trx, fresh, { email: 'nasra@example.org', password: 'sea shore 9 lantern' }),
        ),
    ).resolves.toMatchObject({ id: nasra.accountId });

    const again = await getDb()
      .transaction()
      .execute((trx) =>
        createApiToken(trx, keys, operator, { accountId: nasra.accountId, name: 'after change' }),
      );
    await getDb()
      .transaction()
      .execute((trx) => setAccountEnabled(trx, keys, operator, nasra.accountId, false));
    expect(await authenticate(getDb(), again.token, 'token')).toBeUndefined();
    await expect(
      getDb()
        .transaction()
        .execute((trx) =>
          verifyCredentials(trx, fresh, { email: 'nasra@example.org', password: 'sea shore 9 lantern' }),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_BAD_CREDENTIALS' });
    await getDb()
      .transaction()
      .execute((trx) => setAccountEnabled(trx, keys, operator, nasra.accountId, true));
  });

  it('lets conveners manage members of their initiative only, and audits every change', async () => {
    const db = getDb();
    const { workspaceId, conflictId } = await makeWorkspace(db);
    const initiativeId = await makeInitiative(db, workspaceId, conflictId);
    const other = await makeInitiative(db, workspaceId, conflictId);
    const convener = { accountId: await makeAccount(db) };
    const newcomer = await makeAccount(db);
    await db.transaction().execute((trx) =>
      grantMembership(trx, keys, operator, {
        accountId: convener.accountId,
        initiativeId,
        role: 'convener',
      }),
    );
    expect(
      await db
        .transaction()
        .execute((trx) =>
          grantMembership(trx, keys, convener, { accountId: newcomer, initiativeId, role: 'researcher' }),
        ),
    ).toBe(true);
    expect(
      await db
        .transaction()
        .execute((trx) =>
          grantMembership(trx, keys, convener, { accountId: newcomer, initiativeId, role: 'researcher' }),
        ),
    ).toBe(false);
    await expect(
      db
        .transaction()
        .execute((trx) =>
          grantMembership(
            trx,
            keys,
            { accountId: newcomer },
            { accountId: newcomer, initiativeId, role: 'convener' },
          ),
        ),
    ).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    await expect(
      db.transaction().execute((trx) =>
        grantMembership(trx, keys, convener, {
          accountId: newcomer,
          initiativeId: other,
          role: 'convener',
        }),
      ),
    ).rejects.toMatchObject({ code: 'TT_ERR_NOT_FOUND' });
    expect(
      await db
        .transaction()
        .execute((trx) =>
          revokeMembership(trx, keys, convener, { accountId: newcomer, initiativeId, role: 'researcher' }),
        ),
    ).toBe(true);

    const trail = await db
      .selectFrom('audit_log')
      .select(['account_id', 'action', 'record_id', 'workspace_id'])
      .where('record_type', '=', 'membership')
      .where('workspace_id', '=', workspaceId)
      .orderBy('seq')
      .execute();
    expect(trail.map((r) => [r.account_id, r.action])).toEqual([
      [null, 'membership.grant'],
      [convener.accountId, 'membership.grant'],
      [convener.accountId, 'membership.revoke'],
    ]);
    expect((await verifyAuditChain(db, keys)).ok).toBe(true);
  });

  it('gives the server the cookie attributes', () => {
    expect(sessionCookieOptions({ secure: true })).toEqual({
      httpOnly: true,
      sameSite: 'strict',
      secure: true,
      path: '/',
      maxAge: 12 * 3600,
    });
    expect(sessionCookieOptions({ secure: false }).secure).toBe(false);
  });

  it('accepts the fixtures’ accounts (shared hash) as ordinary accounts', async () => {
    const id = await makeAccount(getDb(), 'fixture@example.org');
    const account = await getDb()
      .transaction()
      .execute((trx) =>
        verifyCredentials(trx, new SignInThrottle(), {
          email: 'fixture@example.org',
          password: SHARED_PASSWORD,
        }),
      );
    expect(account.id).toBe(id);
  });
});
