import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { caller, dialogueSnapshot, dialogueWorldOfBlock } from './fixtures.js';

const STATEMENTS = [
  'Children of every community should be able to go to school in safety.',
  'The highland pastures belong to the highland clans.',
  'Highland elders should chair the water council.',
  'Grazing rights follow the old maps.',
  'The coast ports should be open to all traders.',
  'A joint commission should redraw the grazing routes.',
  'Fishing quotas should be shared equally.',
  'The capital should move to the plains.',
];

/** Side 0 (Highlanders) agrees with 1-3 and rejects 4-6; the others the reverse; all agree with 0. */
function voteOf(side: number, statement: number, k: number): 1 | -1 | 0 {
  if (statement === 0) return 1;
  if (statement === 7) return k % 2 === 0 ? 0 : 1;
  const highland = statement <= 3;
  return (side === 0) === highland ? 1 : -1;
}

forEachEngine('dialogues: the full flow over HTTP', (getDb, engine) => {
  const world = dialogueWorldOfBlock(getDb, engine);
  let dialogueId: string;
  let statementIds: string[];
  const participants: { token: string; side: number }[] = [];
  let requestSeq = 0;
  const nextRequest = () => `req-${String(++requestSeq).padStart(6, '0')}`;

  it('lets a convener create a dialogue with seed statements and hand out tokens per side', async () => {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    const created = await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
      prompt: 'How should the valley share its land and water?',
      divide_id: world.divideId,
      meeting_id: world.openMeetingId,
      statements: STATEMENTS,
    });
    expect(created.statusCode, created.body).toBe(201);
    dialogueId = created.json().id;
    expect(created.json().hide_authors).toBe(false);
    const queue = await convener('GET', `/api/dialogues/${dialogueId}/moderation`);
    statementIds = queue.json().items.map((s: { id: string }) => s.id);
    expect(
      queue.json().items.map((s: { origin: string; moderation: string }) => `${s.origin}/${s.moderation}`),
    ).toEqual(STATEMENTS.map(() => 'seeded/accepted'));
    for (let side = 0; side < 3; side++) {
      const issued = await convener('POST', `/api/dialogues/${dialogueId}/tokens`, {
        count: 4,
        group_id: world.groupIds[side],
      });
      expect(issued.statusCode, issued.body).toBe(201);
      for (const item of issued.json().items) participants.push({ token: item.token, side });
    }
    expect(participants).toHaveLength(12);
  });

  it('routes each participant through every statement; the convener then sees groups and consensus by side', async () => {
    for (const [k, p] of participants.entries()) {
      const as = caller(world.app, { participant: p.token });
      for (let step = 0; step < STATEMENTS.length; step++) {
        const next = await as('GET', `/api/dialogues/${dialogueId}/next`);
        expect(next.statusCode, next.body).toBe(200);
        const { statement, remaining } = next.json();
        expect(remaining).toBe(STATEMENTS.length - step);
        const s = statementIds.indexOf(statement.id);
        const voted = await as('POST', `/api/dialogues/${dialogueId}/votes`, {
          statement_id: statement.id,
          vote: voteOf(p.side, s, k),
          request_id: nextRequest(),
        });
        expect(voted.statusCode, voted.body).toBe(201);
      }
      const done = await as('GET', `/api/dialogues/${dialogueId}/next`);
      expect(done.json()).toEqual({ statement: null, remaining: 0 });
    }
    const results = await caller(world.app, { bearer: world.tokens.convener })(
      'GET',
      `/api/dialogues/${dialogueId}/results`,
    );
    expect(results.statusCode, results.body).toBe(200);
    const body = results.json();
    expect(body.participants).toBe(12);
    expect(body.votes).toBe(12 * STATEMENTS.length);
    expect(body.groups.length).toBeGreaterThanOrEqual(2);
    // The opinion groups split the highlanders (numbers 0-3) from the rest.
    const groupOf = new Map<number, number>(
      body.opinion_map.map((p: { participant: number; group: number }) => [p.participant, p.group]),
    );
    const highland = new Set([0, 1, 2, 3].map((n) => groupOf.get(n)));
    expect(highland.size).toBe(1);
    expect([4, 5, 6, 7, 8, 9, 10, 11].some((n) => highland.has(groupOf.get(n)))).toBe(false);
    // Common ground: the statement everyone agreed on has the highest GIC, by opinion group and by side.
    const byGic = [...body.statements].sort(
      (a, b) => b.group_informed_consensus - a.group_informed_consensus,
    );
    expect(byGic[0].id).toBe(statementIds[0]);
    const bySide = [...body.statements].sort((a, b) => b.side_informed_consensus - a.side_informed_consensus);
    expect(bySide[0].id).toBe(statementIds[0]);
    expect(body.statements[0].side_informed_consensus).toBeCloseTo((5 / 6) ** 3, 12);
    expect(body.consensus.agree).toContain(statementIds[0]);
    expect(body.sides.groups.map((g: { participants: number }) => g.participants)).toEqual([4, 4, 4]);
    expect(Object.keys(body.sides.repness)).toEqual(world.groupIds);
    const ground = await caller(world.app, { participant: participants[0].token })(
      'GET',
      `/api/dialogues/${dialogueId}/common-ground`,
    );
    expect(ground.statusCode, ground.body).toBe(200);
    expect(ground.json().items[0]).toMatchObject({ statement_id: statementIds[0], agree_share: 1 });
  });

  it('keeps one vote per participant per statement: a later vote replaces the earlier one', async () => {
    const p = participants[4];
    const as = caller(world.app, { participant: p.token });
    const before = await getDb()
      .selectFrom('dialogue_votes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const first = await as('POST', `/api/dialogues/${dialogueId}/votes`, {
      statement_id: statementIds[1],
      vote: 1,
      request_id: nextRequest(),
    });
    expect(first.statusCode).toBe(201);
    const after = await getDb()
      .selectFrom('dialogue_votes')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    const mine = await as('GET', `/api/dialogues/${dialogueId}/statements`);
    expect(mine.json().items.find((s: { id: string }) => s.id === statementIds[1]).my_vote).toBe(1);
    const results = await caller(world.app, { bearer: world.tokens.convener })(
      'GET',
      `/api/dialogues/${dialogueId}/results`,
    );
    const s1 = results.json().statements[1];
    expect([s1.agree, s1.disagree]).toEqual([5, 7]);
  });

  it('refuses bad votes with coded 4xx errors and changes nothing', async () => {
    const as = caller(world.app, { participant: participants[0].token });
    const other = await caller(world.app, { bearer: world.tokens.convener })(
      'POST',
      `/api/initiatives/${world.initiativeId}/dialogues`,
      { prompt: 'Another question', statements: ['Another statement'] },
    );
    const otherToken = (
      await caller(world.app, { bearer: world.tokens.convener })(
        'POST',
        `/api/dialogues/${other.json().id}/tokens`,
        {},
      )
    ).json().items[0].token;
    const replayId = nextRequest();
    const original = await as('POST', `/api/dialogues/${dialogueId}/votes`, {
      statement_id: statementIds[2],
      vote: -1,
      request_id: replayId,
    });
    expect(original.statusCode).toBe(201);
    const cases: [string, ReturnType<typeof caller>, unknown, number, string][] = [
      [
        'unknown statement',
        as,
        { statement_id: randomUUID(), vote: 1, request_id: nextRequest() },
        404,
        'TT_ERR_DIALOGUE_UNKNOWN_STATEMENT',
      ],
      [
        'statement of another dialogue',
        as,
        { statement_id: other.json().id, vote: 1, request_id: nextRequest() },
        404,
        'TT_ERR_DIALOGUE_UNKNOWN_STATEMENT',
      ],
      [
        'wrong value',
        as,
        { statement_id: statementIds[2], vote: 2, request_id: nextRequest() },
        400,
        'TT_ERR_DIALOGUE_BAD_VOTE',
      ],
      [
        'text value',
        as,
        { statement_id: statementIds[2], vote: 'agree', request_id: nextRequest() },
        400,
        'TT_ERR_VALIDATION',
      ],
      [
        'token of another dialogue',
        caller(world.app, { participant: otherToken }),
        { statement_id: statementIds[2], vote: 1, request_id: nextRequest() },
        401,
        'TT_ERR_DIALOGUE_BAD_TOKEN',
      ],
      [
        'made-up token',
        caller(world.app, { participant: 'ttp_made-up-token-000000000000' }),
        { statement_id: statementIds[2], vote: 1, request_id: nextRequest() },
        401,
        'TT_ERR_DIALOGUE_BAD_TOKEN',
      ],
      [
        'replayed request',
        as,
        { statement_id: statementIds[2], vote: 1, request_id: replayId },
        409,
        'TT_ERR_DIALOGUE_REPLAYED_VOTE',
      ],
      [
        'replay of the same vote',
        as,
        { statement_id: statementIds[2], vote: -1, request_id: replayId },
        409,
        'TT_ERR_DIALOGUE_REPLAYED_VOTE',
      ],
    ];
    for (const [label, send, body, status, code] of cases) {
      const before = await dialogueSnapshot(getDb());
      const response = await send('POST', `/api/dialogues/${dialogueId}/votes`, body);
      expect(response.statusCode, label).toBe(status);
      expect(response.json().error.code, label).toBe(code);
      expect(await dialogueSnapshot(getDb()), label).toBe(before);
    }
    // Two copies of one request sent at once: one counts, the other is refused.
    const twin = { statement_id: statementIds[3], vote: 0, request_id: nextRequest() };
    const before = await dialogueSnapshot(getDb());
    const replies = await Promise.all([
      as('POST', `/api/dialogues/${dialogueId}/votes`, twin),
      as('POST', `/api/dialogues/${dialogueId}/votes`, twin),
    ]);
    expect(replies.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await dialogueSnapshot(getDb())).not.toBe(before);
    // The live counts agree with the database after all that.
    const results = await caller(world.app, { bearer: world.tokens.convener })(
      'GET',
      `/api/dialogues/${dialogueId}/results`,
    );
    const rows = await getDb()
      .selectFrom('dialogue_votes')
      .selectAll()
      .where('dialogue_id', '=', dialogueId)
      .execute();
    expect(results.json().votes).toBe(rows.length);
    const s2 = rows.filter((r) => r.statement_id === statementIds[2]);
    expect(results.json().statements[2].agree).toBe(s2.filter((r) => r.vote === 1).length);
  });

  it('refuses votes once the dialogue is closed', async () => {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    expect((await convener('PATCH', `/api/dialogues/${dialogueId}`, { status: 'closed' })).statusCode).toBe(
      200,
    );
    const before = await dialogueSnapshot(getDb());
    const response = await caller(world.app, { participant: participants[1].token })(
      'POST',
      `/api/dialogues/${dialogueId}/votes`,
      {
        statement_id: statementIds[0],
        vote: -1,
        request_id: nextRequest(),
      },
    );
    expect(response.json().error.code).toBe('TT_ERR_DIALOGUE_CLOSED');
    expect(await dialogueSnapshot(getDb())).toBe(before);
    expect((await convener('PATCH', `/api/dialogues/${dialogueId}`, { status: 'open' })).statusCode).toBe(
      200,
    );
  });
});

describe('vote values', () => {
  it('match the Pol.is export sign: agree is +1', () => {
    expect(voteOf(0, 0, 0)).toBe(1);
  });
});
