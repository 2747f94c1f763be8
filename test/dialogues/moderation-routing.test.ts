import { expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { caller, dialogueWorldOfBlock } from './fixtures.js';

/**
 * What a participant reads after putting a statement forward must be true: under strict moderation a
 * queued statement reaches nobody else (not listed, not routed by /next, not votable) until accepted;
 * under open moderation it is routed to others at once. The dialogue's record says which mode it is in.
 */
forEachEngine('dialogues: moderation mode decides who is routed a submitted statement', (getDb, engine) => {
  const world = dialogueWorldOfBlock(getDb, engine);

  async function dialogueWith(strict: boolean) {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    const created = await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
      prompt: strict ? 'Strictly moderated' : 'Openly moderated',
      strict_moderation: strict,
      statements: ['First seeded statement', 'Second seeded statement'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().strict_moderation).toBe(strict);
    const id: string = created.json().id;
    const [a, b] = (await convener('POST', `/api/dialogues/${id}/tokens`, { count: 2 })).json().items;
    const asA = caller(world.app, { participant: a.token });
    const asB = caller(world.app, { participant: b.token });
    expect((await asB('GET', `/api/dialogues/${id}`)).json().strict_moderation).toBe(strict);
    const submitted = await asA('POST', `/api/dialogues/${id}/statements`, {
      text: 'Queued by participant A',
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    return { id, convener, asB, submittedId: submitted.json().id as string };
  }

  /** Every statement /next routes to B, voting on each, until none is left. */
  async function routedTo(as: ReturnType<typeof caller>, id: string, prefix: string): Promise<string[]> {
    const seen: string[] = [];
    for (let step = 0; step < 10; step++) {
      const next = await as('GET', `/api/dialogues/${id}/next`);
      expect(next.statusCode, next.body).toBe(200);
      const { statement } = next.json();
      if (!statement) return seen;
      seen.push(statement.text);
      const voted = await as('POST', `/api/dialogues/${id}/votes`, {
        statement_id: statement.id,
        vote: 1,
        request_id: `route-${prefix}-${step}`,
      });
      expect(voted.statusCode, voted.body).toBe(201);
    }
    throw new Error('routing did not end');
  }

  it('under strict moderation, a second participant is not routed a queued statement until it is accepted', async () => {
    const { id, convener, asB, submittedId } = await dialogueWith(true);
    expect((await routedTo(asB, id, 'strict')).sort()).toEqual([
      'First seeded statement',
      'Second seeded statement',
    ]);
    const listed = (await asB('GET', `/api/dialogues/${id}/statements`)).json().items;
    expect(listed.map((s: { id: string }) => s.id)).not.toContain(submittedId);
    const refused = await asB('POST', `/api/dialogues/${id}/votes`, {
      statement_id: submittedId,
      vote: 1,
      request_id: `strict-queued`,
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('TT_ERR_DIALOGUE_UNKNOWN_STATEMENT');
    const accepted = await convener('PATCH', `/api/dialogues/${id}/statements/${submittedId}`, {
      moderation: 'accepted',
    });
    expect(accepted.statusCode, accepted.body).toBe(204);
    expect(await routedTo(asB, id, 'strict-after')).toEqual(['Queued by participant A']);
  });

  it('under open moderation, the statement is routed to others at once (as the participant is told)', async () => {
    const { id, asB } = await dialogueWith(false);
    expect((await routedTo(asB, id, 'open')).sort()).toEqual([
      'First seeded statement',
      'Queued by participant A',
      'Second seeded statement',
    ]);
  });
});
