import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { listDialogues } from '../../src/services/dialogues/index.js';
import { systemAuth } from '../../src/security/auth.js';
import { actingAs } from '../../src/services/context.js';
import { testKeys } from '../server/support/app.js';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { caller, dialogueWorldOfBlock } from './fixtures.js';

const codeOf = (url: string) => url.split('/').pop()!;

forEachEngine('joining a dialogue by link, without an account', (getDb, engine) => {
  const world = dialogueWorldOfBlock(getDb, engine);
  const convener = () => caller(world.app, { bearer: world.tokens.convener });
  const anonymous = () => caller(world.app);
  async function newDialogue(join?: 'open' | 'personal') {
    const created = await convener()('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
      prompt: 'What should the valley do with its water?',
      divide_id: world.divideId,
      statements: ['Share the wells.', 'Build a new dam.'],
      ...(join ? { join } : {}),
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json() as { id: string; join_url?: string };
  }

  it('gives a new dialogue an open link as join_url, which joins anonymously with a declared side', async () => {
    const dialogue = await newDialogue();
    expect(dialogue.join_url).toMatch(/^\/p\/#\/join\/[A-Za-z0-9_-]{22}$/);
    const read = await convener()('GET', `/api/dialogues/${dialogue.id}`);
    expect(read.json().join_url).toBe(dialogue.join_url);
    const code = codeOf(dialogue.join_url!);
    const info = await anonymous()('GET', `/api/join/${code}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({ dialogue_id: dialogue.id, kind: 'open', status: 'open' });
    expect(info.json().divide.groups.map((g: { id: string }) => g.id)).toEqual(world.groupIds);

    const side = world.groupIds[1];
    const joined = await anonymous()('POST', `/api/join/${code}`, { group_id: side });
    expect(joined.statusCode, joined.body).toBe(201);
    expect(joined.json()).toMatchObject({ dialogue_id: dialogue.id, group_id: side });
    const stored = await getDb()
      .selectFrom('dialogue_participants')
      .select(['group_id', 'account_id', 'token_hash'])
      .where('dialogue_id', '=', dialogue.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0].group_id).toBe(side);
    expect(stored[0].account_id).toBeNull();

    // The token votes; the open link makes another participant at each use.
    const participant = caller(world.app, { participant: joined.json().token });
    const next = await participant('GET', `/api/dialogues/${dialogue.id}/next`);
    const vote = await participant('POST', `/api/dialogues/${dialogue.id}/votes`, {
      statement_id: next.json().statement.id,
      vote: 1,
    });
    expect(vote.statusCode, vote.body).toBe(201);
    const again = await anonymous()('POST', `/api/join/${code}`, {});
    expect(again.statusCode).toBe(201);
    expect(again.json().participant).not.toBe(joined.json().participant);
    expect(again.json().group_id).toBeNull();

    // A side of another divide is refused and changes nothing.
    const before = await tablesSnapshot(getDb(), ['dialogue_participants']);
    const bad = await anonymous()('POST', `/api/join/${code}`, { group_id: world.initiativeId });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('TT_ERR_VALIDATION');
    expect(await tablesSnapshot(getDb(), ['dialogue_participants'])).toBe(before);
  });

  it('takes personal links only when asked, each working once; revoked links are refused in words', async () => {
    const dialogue = await newDialogue('personal');
    expect(dialogue.join_url).toBeUndefined();
    const made = await convener()('POST', `/api/dialogues/${dialogue.id}/join-links`, {
      kind: 'personal',
      labels: ['Elder A', 'Elder B'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const [a, b] = made.json().items as { id: string; url: string; label: string }[];
    expect(a.label).toBe('Elder A');
    const first = await anonymous()('POST', `/api/join/${codeOf(a.url)}`, {});
    expect(first.statusCode, first.body).toBe(201);
    const second = await anonymous()('POST', `/api/join/${codeOf(a.url)}`, {});
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('TT_ERR_JOIN_LINK_USED');
    expect(second.json().error.message).toMatch(/already been used/);

    // The list shows the personal links without their addresses, and which were used.
    const listed = await convener()('GET', `/api/dialogues/${dialogue.id}/join-links`);
    expect(listed.json().items.map((l: { used: boolean; url: null }) => [l.used, l.url])).toEqual([
      [true, null],
      [false, null],
    ]);
    const revoked = await caller(world.app, { bearer: world.tokens.convener })(
      'POST',
      `/api/dialogues/${dialogue.id}/join-links`,
      { kind: 'open' },
    );
    const open = revoked.json().items[0] as { id: string; url: string };
    for (const link of [b, open]) {
      const reply = await world.app.inject({
        method: 'DELETE',
        url: `/api/dialogues/${dialogue.id}/join-links/${link.id}`,
        headers: { authorization: `Bearer ${world.tokens.convener}` },
      });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(reply.json().revoked_at).not.toBeNull();
      const refused = await anonymous()('POST', `/api/join/${codeOf(link.url)}`, {});
      expect(refused.statusCode).toBe(410);
      expect(refused.json().error.code).toBe('TT_ERR_JOIN_LINK_REVOKED');
      expect(refused.json().error.message).toMatch(/withdrawn/);
    }
    // The revoked open link is no longer the dialogue's join_url.
    expect((await convener()('GET', `/api/dialogues/${dialogue.id}`)).json().join_url).toBeUndefined();

    // A facilitator or participant may not make or revoke links.
    for (const role of ['participant', 'researcher'] as const) {
      const refused = await caller(world.app, { bearer: world.tokens[role] })(
        'POST',
        `/api/dialogues/${dialogue.id}/join-links`,
        { kind: 'open' },
      );
      expect([403, 404]).toContain(refused.statusCode);
    }

    // Creation and revocation are audited, never with the code.
    const rows = await getDb()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'in', ['dialogue_join_link.create', 'dialogue_join_link.revoke'])
      .execute();
    const ids = new Set(rows.map((r) => `${r.action} ${r.record_id}`));
    expect(ids).toContain(`dialogue_join_link.create ${a.id}`);
    expect(ids).toContain(`dialogue_join_link.revoke ${b.id}`);
    expect(ids).toContain(`dialogue_join_link.revoke ${open.id}`);
    const text = JSON.stringify(rows);
    for (const link of [a, b, open]) expect(text).not.toContain(codeOf(link.url));
  });

  it('counts wrong join codes as token guesses: 429 after the limit, at that address only', async () => {
    const dialogue = await newDialogue();
    const statuses = new Map<number, number>();
    for (let i = 0; i < 130; i++) {
      const reply = await world.app.inject({
        method: 'POST',
        url: `/api/join/${randomBytes(16).toString('base64url')}`,
        remoteAddress: '203.0.113.60',
        headers: { 'content-type': 'application/json' },
        payload: '{}',
      });
      if (reply.statusCode === 404) expect(reply.json().error.code).toBe('TT_ERR_JOIN_LINK_UNKNOWN');
      if (reply.statusCode === 429) expect(reply.json().error.code).toBe('TT_ERR_RATE_LIMITED');
      statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
    }
    expect(Object.fromEntries(statuses)).toEqual({ 404: 100, 429: 30 });
    const right = `/api/join/${codeOf(dialogue.join_url!)}`;
    const blocked = await world.app.inject({ method: 'GET', url: right, remoteAddress: '203.0.113.60' });
    expect(blocked.statusCode).toBe(429);
    const elsewhere = await world.app.inject({ method: 'GET', url: right, remoteAddress: '192.0.2.61' });
    expect(elsewhere.statusCode).toBe(200);
  });
});

forEachEngine('the demo dialogue', (getDb, engine) => {
  it('carries an open join link', async () => {
    const keys = testKeys();
    const ids = await loadDemoWorkspace(getDb(), keys);
    const system = actingAs({ db: getDb(), dialect: engine.dialect, keys, auth: null }, systemAuth('test'));
    const [dialogue] = await listDialogues(system, ids.initiativeIds.dialogue);
    expect(dialogue.join_url).toMatch(/^\/p\/#\/join\/[A-Za-z0-9_-]{22}$/);
  });
});

describe('join codes', () => {
  it('are refused as unknown when malformed', async () => {
    const { joinInfo } = await import('../../src/services/dialogues/index.js');
    await expect(joinInfo({} as never, 'short')).rejects.toMatchObject({ code: 'TT_ERR_JOIN_LINK_UNKNOWN' });
  });
});
