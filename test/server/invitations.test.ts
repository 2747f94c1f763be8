import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import type { VaultKeys } from '../../src/security/vault.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import { snapshotTables } from '../../src/store/snapshot.js';
import type { MembershipRole } from '../../src/store/tables/security.js';
import { forEachEngine } from '../support/databases.js';
import { createTestConflict, createTestInitiative, tablesSnapshot } from '../support/records.js';
import { ADMIN, client, sessionCookie, testApp, testKeys } from './support/app.js';

const PASSWORD = 'a long passphrase for the invitee';
const tables = snapshotTables.map(([table]) => table);
const codeOf = (url: string) => url.split('/').pop()!;

forEachEngine('invitation links and the people of an initiative', (getDb, engine) => {
  let app: FastifyInstance;
  let keys: VaultKeys;
  let system: ServiceContext;
  let admin: ReturnType<typeof client>;
  let workspaceId: string;
  let initiativeId: string;
  let otherInitiativeId: string;
  const accounts = new Map<string, string>();

  async function person(email: string, role?: MembershipRole, initiative = initiativeId, mustChange = false) {
    const account = await getDb()
      .transaction()
      .execute(async (trx) => {
        const made = await createAccount(trx, keys, systemAuth('test'), {
          email,
          displayName: email.split('@')[0],
          password: PASSWORD,
          mustChangePassword: mustChange,
        });
        if (role)
          await grantMembership(trx, keys, systemAuth('test'), {
            accountId: made.id,
            initiativeId: initiative,
            role,
          });
        return made;
      });
    accounts.set(email, account.id);
    return account;
  }

  async function signIn(email: string, password = PASSWORD) {
    const login = await client(app).post('/api/auth/login', { email, password });
    expect(login.statusCode, login.body).toBe(200);
    return client(app, { cookie: sessionCookie(login) });
  }

  async function invite(email: string, role: MembershipRole = 'facilitator', by = admin) {
    const reply = await by.post(`/api/initiatives/${initiativeId}/invitations`, { email, role });
    expect(reply.statusCode, reply.body).toBe(202);
    return reply.json() as { id: string; url: string; status: string; email: string; role: string };
  }

  const auditActions = async () =>
    (await getDb().selectFrom('audit_log').select(['action', 'record_id']).orderBy('seq').execute()).map(
      (row) => `${row.action} ${row.record_id}`,
    );

  beforeAll(async () => {
    keys = testKeys();
    app = await testApp(getDb(), engine.dialect, { tokenGuessLimit: 30 }, keys);
    const setup = await client(app).post('/api/setup', ADMIN);
    expect(setup.statusCode, setup.body).toBe(201);
    admin = client(app, { cookie: sessionCookie(setup) });
    workspaceId = setup.json().workspace.id;
    system = actingAs({ db: getDb(), dialect: engine.dialect, keys, auth: null }, systemAuth('test world'));
    const conflict = await createTestConflict(system, workspaceId, 'Valley conflict');
    initiativeId = (await createTestInitiative(system, workspaceId, conflict.id, 'Valley dialogue')).id;
    otherInitiativeId = (await createTestInitiative(system, workspaceId, conflict.id, 'Other process')).id;
    await person('convener@example.org', 'convener');
    await person('existing@example.org', 'participant', otherInitiativeId);
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 202 with the same shape for an address with an account and one without, granting nothing yet', async () => {
    const before = await getDb().selectFrom('memberships').selectAll().execute();
    const existing = await invite('Existing@Example.org ');
    const fresh = await invite('nobody-yet@example.org');
    const shape = (answer: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(answer).map(([key, value]) => [key, typeof value]));
    expect(shape(existing)).toEqual(shape(fresh));
    expect(existing).toMatchObject({ email: 'existing@example.org', role: 'facilitator', status: 'pending' });
    expect(fresh.status).toBe('pending');
    expect(existing.url).toMatch(/^\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
    expect(await getDb().selectFrom('memberships').selectAll().execute()).toEqual(before);
    // Only a keyed hash of the code is stored, never the code.
    const rows = await getDb().selectFrom('invitation_links').selectAll().execute();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(codeOf(existing.url));
    expect(stored).not.toContain(codeOf(fresh.url));
    const listed = (await admin.get(`/api/initiatives/${initiativeId}/invitations`)).json().items;
    expect(listed.map((i: { url: unknown }) => i.url)).toEqual([null, null]);
    // The audit names the link, never the address.
    expect((await auditActions()).join('\n')).not.toContain('example.org');
    expect(await auditActions()).toContain(`invitation_link.create ${fresh.id}`);
  });

  it('lets a new person set a password by the link, grants the role, signs them in, and works once', async () => {
    const { url, id } = await invite('new.person@example.org', 'facilitator');
    const code = codeOf(url);
    const info = await client(app).get(`/api/invitations/${code}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toEqual({
      initiative_name: 'Valley dialogue',
      role: 'facilitator',
      email: 'new.person@example.org',
      expires_at: expect.any(String),
    });
    const days = (Date.parse(info.json().expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThanOrEqual(14);

    // A password the policy refuses changes nothing.
    const before = await tablesSnapshot(getDb(), tables);
    const weak = await client(app).post(`/api/invitations/${code}/accept`, {
      display_name: 'New Person',
      password: 'short',
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('TT_ERR_PASSWORD_TOO_SHORT');
    expect(await tablesSnapshot(getDb(), tables)).toBe(before);

    const accepted = await client(app).post(`/api/invitations/${code}/accept`, {
      display_name: 'New Person',
      password: PASSWORD,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ initiative_id: initiativeId, role: 'facilitator', signed_in: true });
    const me = (await client(app, { cookie: sessionCookie(accepted) }).get('/api/auth/me')).json();
    expect(me.account.email).toBe('new.person@example.org');
    expect(me.must_change_password).toBe(false);
    expect(
      me.memberships.map((m: { initiative_id: string; role: string }) => [m.initiative_id, m.role]),
    ).toEqual([[initiativeId, 'facilitator']]);
    const actions = await auditActions();
    expect(actions).toContain(`membership.grant ${initiativeId}/${me.account.id}/facilitator`);
    expect(actions).toContain(`invitation_link.accept ${id}`);
    expect(actions).toContain(`account.create ${me.account.id}`);

    const again = await client(app).post(`/api/invitations/${code}/accept`, {
      display_name: 'Someone Else',
      password: PASSWORD,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('TT_ERR_INVITATION_USED');
    expect((await client(app).get(`/api/invitations/${code}`)).json().error.code).toBe(
      'TT_ERR_INVITATION_USED',
    );
    const listed = (await admin.get(`/api/initiatives/${initiativeId}/invitations`)).json().items;
    expect(listed.find((i: { id: string }) => i.id === id).status).toBe('accepted');
  });

  it('makes an existing account sign in to accept, and only as the invited address', async () => {
    const { url } = await invite('existing@example.org', 'researcher');
    const code = codeOf(url);
    const other = await signIn('convener@example.org');
    const before = await tablesSnapshot(getDb(), tables);
    const withPassword = await client(app).post(`/api/invitations/${code}/accept`, {
      display_name: 'Impostor',
      password: 'another long passphrase here',
    });
    expect(withPassword.statusCode).toBe(409);
    expect(withPassword.json().error.code).toBe('TT_ERR_INVITATION_SIGN_IN_REQUIRED');
    const wrongAccount = await other.post(`/api/invitations/${code}/accept`, {});
    expect(wrongAccount.statusCode).toBe(403);
    expect(wrongAccount.json().error.code).toBe('TT_ERR_INVITATION_OTHER_ACCOUNT');
    expect(await tablesSnapshot(getDb(), tables)).toBe(before);

    const invitee = await signIn('existing@example.org');
    const accepted = await invitee.post(`/api/invitations/${code}/accept`, {});
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ initiative_id: initiativeId, role: 'researcher', signed_in: false });
    const roles = await getDb()
      .selectFrom('memberships')
      .select(['initiative_id', 'role'])
      .where('account_id', '=', accounts.get('existing@example.org')!)
      .orderBy('role')
      .execute();
    expect(roles).toEqual([
      { initiative_id: otherInitiativeId, role: 'participant' },
      { initiative_id: initiativeId, role: 'researcher' },
    ]);
  });

  it('refuses an expired link and a withdrawn one, and changes nothing', async () => {
    const expired = await invite('late@example.org');
    await getDb()
      .updateTable('invitation_links')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', expired.id)
      .execute();
    const before = await tablesSnapshot(getDb(), tables);
    const info = await client(app).get(`/api/invitations/${codeOf(expired.url)}`);
    expect([info.statusCode, info.json().error.code]).toEqual([410, 'TT_ERR_INVITATION_EXPIRED']);
    const late = await client(app).post(`/api/invitations/${codeOf(expired.url)}/accept`, {
      display_name: 'Late',
      password: PASSWORD,
    });
    expect([late.statusCode, late.json().error.code]).toEqual([410, 'TT_ERR_INVITATION_EXPIRED']);
    expect(await tablesSnapshot(getDb(), tables)).toBe(before);
    const listed = (await admin.get(`/api/initiatives/${initiativeId}/invitations`)).json().items;
    expect(listed.find((i: { id: string }) => i.id === expired.id).status).toBe('expired');

    const withdrawn = await invite('withdrawn@example.org');
    const revoke = await admin.delete(`/api/initiatives/${initiativeId}/invitations/${withdrawn.id}`);
    expect(revoke.statusCode, revoke.body).toBe(204);
    expect(await auditActions()).toContain(`invitation_link.revoke ${withdrawn.id}`);
    const refused = await client(app).post(`/api/invitations/${codeOf(withdrawn.url)}/accept`, {
      display_name: 'Withdrawn',
      password: PASSWORD,
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([410, 'TT_ERR_INVITATION_REVOKED']);
    const elsewhere = await admin.delete(`/api/initiatives/${otherInitiativeId}/invitations/${withdrawn.id}`);
    expect(elsewhere.statusCode).toBe(404);
  });

  it('answers a wrong code 404 TT_ERR_INVITATION_UNKNOWN and throttles guessing per address', async () => {
    const wrong = await client(app).get('/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect([wrong.statusCode, wrong.json().error.code]).toEqual([404, 'TT_ERR_INVITATION_UNKNOWN']);
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const reply = await app.inject({
        method: i % 2 ? 'GET' : 'POST',
        url: `/api/invitations/guess${String(i).padStart(20, '0')}${i % 2 ? '' : '/accept'}`,
        remoteAddress: '203.0.113.9',
        ...(i % 2 ? {} : { payload: { display_name: 'G', password: PASSWORD } }),
      });
      statuses.push(reply.statusCode);
    }
    expect(statuses.filter((s) => s === 404)).toHaveLength(30);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    // Another address is not held up.
    const other = await app.inject({ method: 'GET', url: '/api/invitations/x', remoteAddress: '192.0.2.5' });
    expect(other.statusCode).toBe(404);
  });

  it('refuses bad input with coded errors and changes nothing', async () => {
    const before = await tablesSnapshot(getDb(), tables);
    const bodies = [
      { email: 'not an address', role: 'facilitator' },
      { email: 'a@example.org', role: 'king' },
      { email: 'a@example.org' },
      { email: 'a@example.org', role: 'funder', extra: 1 },
      { email: 'x'.repeat(300) + '@example.org', role: 'funder' },
    ];
    for (const body of bodies) {
      const reply = await admin.post(`/api/initiatives/${initiativeId}/invitations`, body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(400);
      expect(reply.json().error.code).toBe('TT_ERR_VALIDATION');
    }
    const badId = await admin.post('/api/initiatives/not-an-id/invitations', {
      email: 'a@example.org',
      role: 'funder',
    });
    expect(badId.statusCode).toBe(400);
    const { url } = await getDb()
      .transaction()
      .execute(async () => ({ url: '' }));
    expect(url).toBe('');
    const accepts = [
      { display_name: 'X' },
      { password: PASSWORD },
      { display_name: '', password: PASSWORD },
      [],
    ];
    for (const body of accepts) {
      const reply = await client(app).post('/api/invitations/AAAAAAAAAAAAAAAAAAAAAAAAAA/accept', body);
      expect(reply.statusCode, JSON.stringify(body)).toBe(400);
      expect(reply.json().error.code).toBe('TT_ERR_VALIDATION');
    }
    expect(await tablesSnapshot(getDb(), tables)).toBe(before);
  });

  it('lets only holders of members.manage invite, list and revoke', async () => {
    const convener = await signIn('convener@example.org');
    const made = await invite('by.convener@example.org', 'participant', convener);
    await person('facilitator@example.org', 'facilitator');
    const facilitator = await signIn('facilitator@example.org');
    const before = await tablesSnapshot(getDb(), tables);
    const refused = [
      await facilitator.post(`/api/initiatives/${initiativeId}/invitations`, {
        email: 'x@example.org',
        role: 'convener',
      }),
      await facilitator.get(`/api/initiatives/${initiativeId}/invitations`),
      await facilitator.delete(`/api/initiatives/${initiativeId}/invitations/${made.id}`),
      await facilitator.get(`/api/initiatives/${initiativeId}/members`),
    ];
    expect(refused.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect(await tablesSnapshot(getDb(), tables)).toBe(before);
  });

  describe('members', () => {
    it('lists members with roles, changes a role and removes one, audited', async () => {
      const id = (await person('member@example.org', 'participant')).id;
      const members = (await admin.get(`/api/initiatives/${initiativeId}/members`)).json().items;
      expect(members.find((m: { account_id: string }) => m.account_id === id)).toMatchObject({
        role: 'participant',
        disabled_at: null,
      });
      const changed = await admin.put(`/api/initiatives/${initiativeId}/members/${id}/researcher`, {});
      expect(changed.statusCode, changed.body).toBe(204);
      const roles = async () =>
        (
          await getDb()
            .selectFrom('memberships')
            .select('role')
            .where('account_id', '=', id)
            .where('initiative_id', '=', initiativeId)
            .execute()
        ).map((r) => r.role);
      expect(await roles()).toEqual(['researcher']);
      const actions = await auditActions();
      expect(actions).toContain(`membership.grant ${initiativeId}/${id}/researcher`);
      expect(actions).toContain(`membership.revoke ${initiativeId}/${id}/participant`);
      const stranger = await admin.put(
        `/api/initiatives/${initiativeId}/members/${accounts.get('late') ?? id.replace(/.$/, '0')}/funder`,
        {},
      );
      expect(stranger.statusCode).toBe(404);
      const bad = await admin.put(`/api/initiatives/${initiativeId}/members/${id}/king`, {});
      expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'TT_ERR_VALIDATION']);
      expect(
        (await admin.delete(`/api/initiatives/${initiativeId}/members/${id}/researcher`)).statusCode,
      ).toBe(204);
      expect(await roles()).toEqual([]);
    });

    it('never takes the last convener away, nor a convener’s own right to manage people', async () => {
      const convenerId = accounts.get('convener@example.org')!;
      const before = await tablesSnapshot(getDb(), tables);
      const last = [
        await admin.put(`/api/initiatives/${initiativeId}/members/${convenerId}/facilitator`, {}),
        await admin.delete(`/api/initiatives/${initiativeId}/members/${convenerId}/convener`),
      ];
      expect(last.map((r) => [r.statusCode, r.json().error.code])).toEqual([
        [409, 'TT_ERR_LAST_CONVENER'],
        [409, 'TT_ERR_LAST_CONVENER'],
      ]);
      expect(await tablesSnapshot(getDb(), tables)).toBe(before);
      const second = (await person('second.convener@example.org', 'convener')).id;
      const convener = await signIn('convener@example.org');
      const self = await convener.delete(`/api/initiatives/${initiativeId}/members/${convenerId}/convener`);
      expect([self.statusCode, self.json().error.code]).toEqual([409, 'TT_ERR_SELF_LOCKOUT']);
      // Another convener (or an administrator) may.
      const other = await convener.put(`/api/initiatives/${initiativeId}/members/${second}/facilitator`, {});
      expect(other.statusCode, other.body).toBe(204);
    });

    it('lets workspace administrators disable and enable a member’s account, never an administrator’s or their own', async () => {
      const id = (await person('to.disable@example.org', 'participant')).id;
      const member = await signIn('to.disable@example.org');
      const convener = await signIn('convener@example.org');
      const byConvener = await convener.post(`/api/initiatives/${initiativeId}/members/${id}/disable`, {});
      expect(byConvener.statusCode).toBe(403);
      const disabled = await admin.post(`/api/initiatives/${initiativeId}/members/${id}/disable`, {});
      expect(disabled.statusCode, disabled.body).toBe(200);
      expect(disabled.json().disabled_at).not.toBeNull();
      expect((await member.get('/api/auth/me')).json().signed_in).toBe(false);
      const refusedLogin = await client(app).post('/api/auth/login', {
        email: 'to.disable@example.org',
        password: PASSWORD,
      });
      expect(refusedLogin.statusCode).toBe(401);
      expect(await auditActions()).toContain(`account.disable ${id}`);
      const enabled = await admin.post(`/api/initiatives/${initiativeId}/members/${id}/enable`, {});
      expect([enabled.statusCode, enabled.json().disabled_at]).toEqual([200, null]);
      await signIn('to.disable@example.org');

      const adminId = (await admin.get('/api/auth/me')).json().account.id;
      await getDb()
        .transaction()
        .execute((trx) =>
          grantMembership(trx, keys, systemAuth('test'), {
            accountId: adminId,
            initiativeId,
            role: 'funder',
          }),
        );
      const own = await admin.post(`/api/initiatives/${initiativeId}/members/${adminId}/disable`, {});
      expect(own.statusCode).toBe(403);
      const notMember = await admin.post(`/api/initiatives/${otherInitiativeId}/members/${id}/disable`, {});
      expect(notMember.statusCode).toBe(404);
    });
  });

  it('deletes an initiative’s invitation links in its emergency erasure', async () => {
    const made = await admin.post(`/api/initiatives/${otherInitiativeId}/invitations`, {
      email: 'to.erase@example.org',
      role: 'participant',
    });
    expect(made.statusCode, made.body).toBe(202);
    const links = () =>
      getDb()
        .selectFrom('invitation_links')
        .select('email')
        .where('initiative_id', '=', otherInitiativeId)
        .execute();
    expect(await links()).toHaveLength(1);
    const erased = await admin.post(`/api/initiatives/${otherInitiativeId}/emergency-erase`, {
      confirm: 'Other process',
    });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(await links()).toEqual([]);
    const code = codeOf(made.json().url);
    expect((await client(app).get(`/api/invitations/${code}`)).json().error.code).toBe(
      'TT_ERR_INVITATION_UNKNOWN',
    );
  });

  describe('the one-time password', () => {
    it('must be changed before anything else: must_change_password and TT_ERR_PASSWORD_CHANGE_REQUIRED', async () => {
      await person('one.time@example.org', 'convener', initiativeId, true);
      const signedIn = await signIn('one.time@example.org');
      const me = (await signedIn.get('/api/auth/me')).json();
      expect(me.must_change_password).toBe(true);
      for (const reply of [
        await signedIn.get('/api/workspaces'),
        await signedIn.get(`/api/initiatives/${initiativeId}/members`),
        await signedIn.post(`/api/initiatives/${initiativeId}/invitations`, {
          email: 'a@example.org',
          role: 'funder',
        }),
      ]) {
        expect([reply.statusCode, reply.json().error.code]).toEqual([403, 'TT_ERR_PASSWORD_CHANGE_REQUIRED']);
      }
      const changed = await signedIn.put('/api/auth/password', {
        current_password: PASSWORD,
        new_password: 'my very own new passphrase',
      });
      expect(changed.statusCode, changed.body).toBe(204);
      const renewed = client(app, { cookie: sessionCookie(changed) });
      expect((await renewed.get('/api/auth/me')).json().must_change_password).toBe(false);
      expect((await renewed.get('/api/workspaces')).statusCode).toBe(200);
    });

    it('binds a password an administrator had generated for a colleague too', async () => {
      const made = await admin.post('/api/accounts', {
        email: 'colleague@example.org',
        display_name: 'Colleague',
      });
      expect(made.statusCode, made.body).toBe(201);
      const colleague = await signIn('colleague@example.org', made.json().password);
      expect((await colleague.get('/api/auth/me')).json().must_change_password).toBe(true);
      const refused = await colleague.get('/api/workspaces');
      expect(refused.json().error.code).toBe('TT_ERR_PASSWORD_CHANGE_REQUIRED');
    });
  });
});
