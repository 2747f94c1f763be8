import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { createAccount, grantMembership, grantWorkspaceAdmin } from '../../src/security/accounts.js';
import { createTestConflict, createTestInitiative } from '../support/records.js';
import { systemAuth } from '../../src/security/auth.js';
import { SignInThrottle } from '../../src/security/throttle.js';
import { totpCode } from '../../src/security/totp.js';
import { forEachEngine } from '../support/databases.js';
import { SoftwareAuthenticator } from '../support/software-authenticator.js';
import { ADMIN, client, sessionCookie, testKeys } from './support/app.js';

/** The origin app.inject() requests come from (its default Host header). */
const ORIGIN = 'http://localhost:80';
/** The client address of every request made with fastify's inject (the throttle counts per account and address). */
const INJECTED_ADDRESS = '127.0.0.1';

forEachEngine(
  'server: two-factor sign-in (TOTP, recovery codes, passkeys, the workspace rule)',
  (getDb, engine) => {
    let app: FastifyInstance;
    let cookie: string;
    let workspaceId: string;
    let secret: string;
    let recovery: string[];
    const keys = testKeys();
    const throttle = new SignInThrottle({ pairFreeFailures: 3, baseDelayMs: 60_000 });

    const login = (email = ADMIN.email, password = ADMIN.password) =>
      client(app).post('/api/auth/login', { email, password });
    const auditActions = async () =>
      (await getDb().selectFrom('audit_log').select('action').orderBy('seq').execute()).map(
        (row) => row.action,
      );

    beforeAll(async () => {
      app = await buildApp({
        store: { db: getDb(), dialect: engine.dialect },
        keys,
        throttle,
        settings: { checkResponses: true },
      });
      const setup = await client(app).post('/api/setup', { ...ADMIN, workspace_name: 'Guarded' });
      cookie = sessionCookie(setup);
      workspaceId = setup.json().workspace.id;
    });
    afterAll(async () => {
      await app.close();
    });

    it('refuses enrolment over an API token: only a cookie session changes factors', async () => {
      const token = (await client(app, { cookie }).post('/api/auth/tokens', { name: 'script' })).json().token;
      const viaToken = await client(app, { token }).post('/api/auth/second-factor/totp');
      expect(viaToken.statusCode).toBe(403);
      expect(viaToken.json().error.code).toBe('TT_ERR_COOKIE_SESSION_REQUIRED');
      // Even with a cookie riding along, a bearer token is a token.
      const both = await client(app, { cookie, token }).post('/api/auth/second-factor/totp');
      expect(both.json().error.code).toBe('TT_ERR_COOKIE_SESSION_REQUIRED');
      const status = await client(app, { token }).get('/api/auth/second-factor');
      expect(status.json()).toMatchObject({
        enabled: false,
        totp: 'off',
        recovery_codes_left: 0,
        passkeys: [],
      });
    });

    it('enrols an authenticator app: secret, otpauth URI and QR code, confirmed by a first code', async () => {
      const started = await client(app, { cookie }).post('/api/auth/second-factor/totp');
      expect(started.statusCode).toBe(201);
      const body = started.json();
      secret = body.secret;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(new URL(body.otpauth_uri).searchParams.get('secret')).toBe(secret);
      expect(body.qr_svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      // At rest the secret is sealed under a key derived from the master key.
      const row = await getDb().selectFrom('totp_factors').selectAll().executeTakeFirstOrThrow();
      expect(row.sealed_secret).not.toContain(secret);
      expect(row.confirmed_at).toBeNull();
      // Unconfirmed, it is no second factor yet: sign-in is one step.
      expect((await login()).json()).toHaveProperty('account');

      const wrong = await client(app, { cookie }).post('/api/auth/second-factor/totp/confirm', {
        code: '000000',
      });
      expect(wrong.statusCode).toBe(401);
      expect(wrong.json().error.code).toBe('TT_ERR_SECOND_FACTOR_WRONG');
      const confirmed = await client(app, { cookie }).post('/api/auth/second-factor/totp/confirm', {
        code: await totpCode(secret),
      });
      expect(confirmed.statusCode).toBe(200);
      recovery = confirmed.json().recovery_codes;
      expect(new Set(recovery).size).toBe(10);
      const stored = await getDb().selectFrom('recovery_codes').select('code_hash').execute();
      expect(stored).toHaveLength(10);
      for (const code of recovery) expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
      const status = (await client(app, { cookie }).get('/api/auth/second-factor')).json();
      expect(status).toMatchObject({ enabled: true, totp: 'on', recovery_codes_left: 10 });
    });

    it('signs in in two steps; the code that confirmed cannot be replayed; a fresh step works once', async () => {
      const first = await login();
      expect(first.statusCode).toBe(200);
      expect(first.cookies.find((c) => c.name === 'tt_session')).toBeUndefined();
      const pending = first.json();
      expect(pending).toMatchObject({ second_factor_required: true, methods: ['totp', 'recovery_code'] });
      const second = (code: string, token = pending.pending_token) =>
        client(app).post('/api/auth/login/second-factor', { pending_token: token, code });
      // The code of the step that confirmed the app: refused (read from the row: no clock edge matters).
      const { last_step } = await getDb()
        .selectFrom('totp_factors')
        .select('last_step')
        .executeTakeFirstOrThrow();
      const replay = await second(await totpCode(secret, { at: last_step! * 30 }));
      expect(replay.statusCode).toBe(401);
      expect(replay.json().error.code).toBe('TT_ERR_SECOND_FACTOR_WRONG');
      // The next step's code (accepted a step early or late) signs in and sets the cookie.
      const next = await totpCode(secret, { at: (last_step! + 1) * 30 });
      const done = await second(next);
      expect(done.statusCode).toBe(200);
      const session = sessionCookie(done);
      expect((await client(app, { cookie: session }).get('/api/auth/me')).json().signed_in).toBe(true);
      // The pending token is spent, and the same code on a new pending sign-in is refused.
      expect((await second(next)).json().error.code).toBe('TT_ERR_SECOND_FACTOR_PENDING_EXPIRED');
      const again = (await login()).json().pending_token;
      expect((await second(next, again)).json().error.code).toBe('TT_ERR_SECOND_FACTOR_WRONG');
    });

    it('takes a recovery code once, and refuses an expired pending sign-in', async () => {
      const token = (await login()).json().pending_token;
      const used = await client(app).post('/api/auth/login/second-factor', {
        pending_token: token,
        recovery_code: recovery[0].toUpperCase(),
      });
      expect(used.statusCode).toBe(200);
      const again = await client(app).post('/api/auth/login/second-factor', {
        pending_token: (await login()).json().pending_token,
        recovery_code: recovery[0],
      });
      expect(again.json().error.code).toBe('TT_ERR_SECOND_FACTOR_WRONG');
      expect((await client(app, { cookie }).get('/api/auth/second-factor')).json().recovery_codes_left).toBe(
        9,
      );

      const stale = (await login()).json().pending_token;
      await getDb()
        .updateTable('second_factor_challenges')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .where('purpose', '=', 'sign_in')
        .execute();
      const late = await client(app).post('/api/auth/login/second-factor', {
        pending_token: stale,
        recovery_code: recovery[1],
      });
      expect(late.statusCode).toBe(401);
      expect(late.json().error.code).toBe('TT_ERR_SECOND_FACTOR_PENDING_EXPIRED');
      // The refused attempt did not use the code.
      expect((await client(app, { cookie }).get('/api/auth/second-factor')).json().recovery_codes_left).toBe(
        9,
      );
    });

    it('refuses a malformed second step with a coded 400 and changes nothing', async () => {
      for (const body of [
        {},
        { pending_token: 'short', code: '123456' },
        { pending_token: 'x'.repeat(43) },
        { pending_token: 'x'.repeat(43), code: '123456', recovery_code: 'aaaaa-aaaaa' },
        { pending_token: 'x'.repeat(43), passkey: { id: 'A' } },
      ]) {
        const response = await client(app).post('/api/auth/login/second-factor', body);
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(response.json().error.code).toBe('TT_ERR_VALIDATION');
      }
    });

    it('adds a passkey by a real WebAuthn ceremony, and signs in with it as the second step', async () => {
      const authenticator = new SoftwareAuthenticator(ORIGIN);
      const options = (await client(app, { cookie }).post('/api/auth/second-factor/passkeys/options')).json()
        .options;
      expect(options.rp).toEqual({ name: 'tracktwo', id: 'localhost' });
      // An answer made for another origin (a phishing page) is refused.
      const phished = await client(app, { cookie }).post('/api/auth/second-factor/passkeys', {
        name: 'Laptop',
        credential: authenticator.register(options, { origin: 'http://evil.example' }),
      });
      expect(phished.statusCode).toBe(401);
      expect(phished.json().error.code).toBe('TT_ERR_SECOND_FACTOR_WRONG');
      // The challenge was spent by the refused answer: a new ceremony.
      const fresh = (await client(app, { cookie }).post('/api/auth/second-factor/passkeys/options')).json()
        .options;
      const added = await client(app, { cookie }).post('/api/auth/second-factor/passkeys', {
        name: 'Laptop',
        credential: authenticator.register(fresh),
      });
      expect(added.statusCode).toBe(201);
      expect(added.json().passkey.name).toBe('Laptop');
      // The account had a factor already: no new recovery codes.
      expect(added.json().recovery_codes).toEqual([]);

      const pending = (await login()).json();
      expect(pending.methods).toEqual(['totp', 'recovery_code', 'passkey']);
      const request = (
        await client(app).post('/api/auth/login/passkey-options', { pending_token: pending.pending_token })
      ).json().options;
      expect(request.allowCredentials).toHaveLength(1);
      // A signature over another challenge fails; the right one signs in.
      const forged = await client(app).post('/api/auth/login/second-factor', {
        pending_token: pending.pending_token,
        passkey: authenticator.assert({ ...request, challenge: 'AAAAAAAAAAAAAAAAAAAAAA' }),
      });
      expect(forged.json().error.code).toBe('TT_ERR_SECOND_FACTOR_WRONG');
      const done = await client(app).post('/api/auth/login/second-factor', {
        pending_token: pending.pending_token,
        passkey: authenticator.assert(request),
      });
      expect(done.statusCode).toBe(200);
      sessionCookie(done);
      const row = await getDb().selectFrom('passkeys').selectAll().executeTakeFirstOrThrow();
      expect(row.counter).toBeGreaterThan(0);
      expect(row.last_used_at).not.toBeNull();

      // Removing needs the password.
      const status = (await client(app, { cookie }).get('/api/auth/second-factor')).json();
      const id = status.passkeys[0].id;
      const wrong = await client(app, { cookie }).post(`/api/auth/second-factor/passkeys/${id}/remove`, {
        password: 'not it at all',
      });
      expect(wrong.json().error.code).toBe('TT_ERR_BAD_CREDENTIALS');
      const removed = await client(app, { cookie }).post(`/api/auth/second-factor/passkeys/${id}/remove`, {
        password: ADMIN.password,
      });
      expect(removed.statusCode).toBe(204);
    });

    it('requires a second factor in a workspace: refuses an administrator without one, who may still enrol', async () => {
      // A second administrator of the workspace, without a second factor.
      const other = { email: 'second@example.org', password: 'another long passphrase 7' };
      await getDb()
        .transaction()
        .execute(async (trx) => {
          const account = await createAccount(trx, keys, systemAuth('test'), {
            email: other.email,
            displayName: 'Second',
            password: other.password,
          });
          await grantWorkspaceAdmin(trx, keys, systemAuth('test'), { workspaceId, accountId: account.id });
        });
      const otherCookie = sessionCookie(await login(other.email, other.password));
      expect(
        (await client(app, { cookie: otherCookie }).get(`/api/workspaces/${workspaceId}`)).statusCode,
      ).toBe(200);
      // The second administrator cannot turn the rule on while they have no factor themselves.
      const lockout = await client(app, { cookie: otherCookie }).put(
        `/api/workspaces/${workspaceId}/second-factor-rule`,
        {
          required: true,
        },
      );
      expect(lockout.json().error.code).toBe('TT_ERR_SECOND_FACTOR_REQUIRED');

      const on = await client(app, { cookie }).put(`/api/workspaces/${workspaceId}/second-factor-rule`, {
        required: true,
      });
      expect(on.json()).toEqual({ workspace_id: workspaceId, required: true });
      const refused = await client(app, { cookie: otherCookie }).get(`/api/workspaces/${workspaceId}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('TT_ERR_SECOND_FACTOR_REQUIRED');
      expect((await client(app, { cookie }).get(`/api/workspaces/${workspaceId}`)).statusCode).toBe(200);
      const status = (await client(app, { cookie: otherCookie }).get('/api/auth/second-factor')).json();
      expect(status.required_by).toEqual([workspaceId]);
      // Enrolling stays open; once enrolled the workspace opens.
      const started = (
        await client(app, { cookie: otherCookie }).post('/api/auth/second-factor/totp')
      ).json();
      await client(app, { cookie: otherCookie }).post('/api/auth/second-factor/totp/confirm', {
        code: await totpCode(started.secret),
      });
      expect(
        (await client(app, { cookie: otherCookie }).get(`/api/workspaces/${workspaceId}`)).statusCode,
      ).toBe(200);

      const off = await client(app, { cookie }).put(`/api/workspaces/${workspaceId}/second-factor-rule`, {
        required: false,
      });
      expect(off.json().required).toBe(false);
    });

    it('requires it of the roles that see names (a facilitator), not of those that do not (a participant)', async () => {
      const system = { db: getDb(), dialect: engine.dialect, keys, auth: systemAuth('test') };
      const conflict = await createTestConflict(system, workspaceId, 'Rule conflict');
      const initiative = await createTestInitiative(system, workspaceId, conflict.id, 'Rule talks');
      const people: Record<string, string> = {};
      for (const role of ['facilitator', 'participant'] as const) {
        const email = `${role}@example.org`;
        const password = 'tender walnut window 81';
        await getDb()
          .transaction()
          .execute(async (trx) => {
            const account = await createAccount(trx, keys, system.auth, {
              email,
              displayName: role,
              password,
            });
            await grantMembership(trx, keys, system.auth, {
              accountId: account.id,
              initiativeId: initiative.id,
              role,
            });
          });
        people[role] = sessionCookie(await login(email, password));
      }
      const on = await client(app, { cookie }).put(`/api/workspaces/${workspaceId}/second-factor-rule`, {
        required: true,
      });
      expect(on.statusCode).toBe(200);
      const asFacilitator = await client(app, { cookie: people.facilitator }).get(
        `/api/initiatives/${initiative.id}`,
      );
      expect(asFacilitator.statusCode).toBe(403);
      expect(asFacilitator.json().error.code).toBe('TT_ERR_SECOND_FACTOR_REQUIRED');
      const asParticipant = await client(app, { cookie: people.participant }).get(
        `/api/initiatives/${initiative.id}`,
      );
      expect(asParticipant.statusCode).toBe(200);
      // A workspace the facilitator has no part in answers as before (not found), revealing nothing.
      const foreign = await client(app, { cookie: people.facilitator }).get(
        '/api/workspaces/00000000-0000-4000-8000-000000000000',
      );
      expect(foreign.json().error.code).toBe('TT_ERR_NOT_FOUND');
      await client(app, { cookie }).put(`/api/workspaces/${workspaceId}/second-factor-rule`, {
        required: false,
      });
      expect(
        (await client(app, { cookie: people.facilitator }).get(`/api/initiatives/${initiative.id}`))
          .statusCode,
      ).toBe(200);
    });

    it('disables the app only with the password and a code; throttles wrong codes', async () => {
      throttle.recordSuccess(ADMIN.email, INJECTED_ADDRESS); // the wrong password of the passkey test counted once
      const disable = (body: unknown) =>
        client(app, { cookie }).post('/api/auth/second-factor/totp/disable', body);
      expect((await disable({ password: 'wrong wrong', code: recovery[2] })).json().error.code).toBe(
        'TT_ERR_BAD_CREDENTIALS',
      );
      expect((await disable({ password: ADMIN.password, code: '000000' })).json().error.code).toBe(
        'TT_ERR_SECOND_FACTOR_WRONG',
      );
      // Guesses of the password or a code here count in the sign-in throttle as well.
      expect(throttle.failuresOf(ADMIN.email, INJECTED_ADDRESS)).toBe(2);
      throttle.recordSuccess(ADMIN.email, INJECTED_ADDRESS);
      // Wrong second steps count against the account: after three, it must wait.
      const pending = (await login()).json().pending_token;
      const codes: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const response = await client(app).post('/api/auth/login/second-factor', {
          pending_token: pending,
          code: '000000',
        });
        codes.push(response.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
      expect(codes.slice(3)).toContain(429);
      throttle.recordSuccess(ADMIN.email, INJECTED_ADDRESS);

      expect((await disable({ password: ADMIN.password, code: recovery[2] })).statusCode).toBe(204);
      expect((await client(app, { cookie }).get('/api/auth/second-factor')).json()).toMatchObject({
        enabled: false,
        totp: 'off',
        recovery_codes_left: 0,
      });
      expect((await login()).json()).toHaveProperty('account');
    });

    it('audits every change, and the audit log holds no secret or code', async () => {
      const actions = await auditActions();
      for (const action of [
        'second_factor.totp.start',
        'second_factor.totp.enable',
        'second_factor.recovery_codes.issue',
        'second_factor.sign_in.totp',
        'second_factor.sign_in.recovery_code',
        'second_factor.sign_in.passkey',
        'second_factor.passkey.add',
        'second_factor.passkey.remove',
        'workspace.second_factor.require',
        'workspace.second_factor.release',
        'second_factor.totp.disable',
      ])
        expect(actions, action).toContain(action);
      const log = JSON.stringify(await getDb().selectFrom('audit_log').selectAll().execute());
      expect(log).not.toContain(secret);
      for (const code of recovery) expect(log).not.toContain(code);
    });
  },
);
