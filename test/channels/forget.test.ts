import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { receiveSms } from '../../src/services/channels/conversation.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { forEachEngine, listTables } from '../support/databases.js';
import { client, testApp, testKeys } from '../server/support/app.js';

const PHONE = '+252615550777';

forEachEngine('channels: POST /api/dialogues/:id/channels/forget', (getDb, engine) => {
  let app: FastifyInstance;
  let dialogueId = '';
  const tokens: Record<'convener' | 'participant', string> = { convener: '', participant: '' };
  const keys = testKeys();
  beforeAll(async () => {
    const loaded = await loadDemoWorkspace(getDb(), keys);
    dialogueId = (
      await getDb()
        .selectFrom('dialogue_channels')
        .select('dialogue_id')
        .where('sms_keyword', '=', 'DEMO')
        .executeTakeFirstOrThrow()
    ).dialogue_id;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const system = systemAuth('forget test');
        for (const role of ['convener', 'participant'] as const) {
          const account = await createAccount(trx, keys, system, {
            email: `${role}-forget@example.org`,
            displayName: role,
            password: 'forget passphrase 5678',
          });
          await grantMembership(trx, keys, system, {
            accountId: account.id,
            initiativeId: loaded.initiativeIds.dialogue,
            role,
          });
          tokens[role] = (
            await createApiToken(
              trx,
              keys,
              { accountId: account.id },
              { accountId: account.id, name: 'forget' },
            )
          ).token;
        }
      });
    const ctx = { db: getDb(), dialect: engine.dialect, keys, auth: systemAuth('sms') };
    await receiveSms(ctx, { from: PHONE, body: 'JOIN DEMO', messageId: 'SMforget1' }, { ratePerMinute: 40 });
    await receiveSms(ctx, { from: PHONE, body: '1', messageId: 'SMforget2' }, { ratePerMinute: 40 });
    app = await testApp(getDb(), engine.dialect, {}, keys);
  });
  afterAll(async () => {
    await app?.close();
  });

  const channelParticipants = () =>
    getDb().selectFrom('channel_participants').selectAll().where('dialogue_id', '=', dialogueId).execute();

  it('refuses a participant and bad input, changing nothing; a convener erases the number, audited without it', async () => {
    const before = (await channelParticipants()).length;
    expect(before).toBeGreaterThan(0);
    const url = `/api/dialogues/${dialogueId}/channels/forget`;
    const refused = await client(app, { token: tokens.participant }).post(url, { number: PHONE });
    expect(refused.statusCode).toBe(403);
    const bad = await client(app, { token: tokens.convener }).post(url, { number: 'call me' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('TT_ERR_VALIDATION');
    expect((await channelParticipants()).length).toBe(before);
    const votes = await getDb().selectFrom('dialogue_votes').select('statement_id').execute();
    const done = await client(app, { token: tokens.convener }).post(url, { number: PHONE });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ forgotten: 1 });
    expect((await channelParticipants()).length).toBe(before - 1);
    // Its votes stay, anonymous; the same number again finds nothing.
    expect((await getDb().selectFrom('dialogue_votes').select('statement_id').execute()).length).toBe(
      votes.length,
    );
    expect((await client(app, { token: tokens.convener }).post(url, { number: PHONE })).json()).toEqual({
      forgotten: 0,
    });
    const audited = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'dialogue_channels.forget')
      .execute();
    expect(audited).toHaveLength(1);
    for (const table of await listTables(getDb())) {
      const text = JSON.stringify(
        await getDb()
          .selectFrom(table as 'dialogues')
          .selectAll()
          .execute(),
      );
      expect(text.includes(PHONE.slice(4)), table).toBe(false);
    }
  });
});
