import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { testApp, testKeys } from '../server/support/app.js';
import { caller, dialogueWorld, type DialogueWorld } from './fixtures.js';

const guess = () => randomBytes(32).toString('base64url');

forEachEngine(
  'participant and survey tokens: guessing meets 429s, real participants do not',
  (getDb, engine) => {
    let app: FastifyInstance;
    let world: DialogueWorld;
    let dialogueId = '';
    let participantToken = '';
    beforeAll(async () => {
      const keys = testKeys();
      // The default limit (100 wrong tokens per address in 10 minutes).
      app = await testApp(getDb(), engine.dialect, {}, keys);
      world = await dialogueWorld(getDb(), engine.dialect, keys);
      const convener = caller(app, { bearer: world.tokens.convener });
      const created = await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
        prompt: 'What should the valley do with its water?',
        divide_id: world.divideId,
        meeting_id: world.openMeetingId,
        statements: ['Share the wells.', 'Build a new dam.'],
      });
      expect(created.statusCode, created.body).toBe(201);
      dialogueId = created.json().id;
      const issued = await convener('POST', `/api/dialogues/${dialogueId}/tokens`, { count: 1 });
      participantToken = issued.json().items[0].token;
    });
    afterAll(async () => {
      await app.close();
    });

    it('answers 1,500 guessed participant tokens from one address with 429 TT_ERR_RATE_LIMITED', async () => {
      const statuses = new Map<number, number>();
      let retryAfter: string | undefined;
      for (let i = 0; i < 1_500; i++) {
        const reply = await app.inject({
          method: 'GET',
          url: `/api/dialogues/${dialogueId}/next`,
          remoteAddress: '203.0.113.50',
          headers: { 'x-participant-token': guess() },
        });
        statuses.set(reply.statusCode, (statuses.get(reply.statusCode) ?? 0) + 1);
        if (reply.statusCode === 429) {
          expect(reply.json().error.code).toBe('TT_ERR_RATE_LIMITED');
          retryAfter = String(reply.headers['retry-after']);
        }
      }
      console.log(`token guesses on ${engine.dialect}: ${JSON.stringify(Object.fromEntries(statuses))}`);
      // The default limit: 100 wrong tokens answered, then every further guess refused.
      expect(statuses.get(429)).toBe(1_400);
      expect(Number(retryAfter)).toBeGreaterThan(0);
      // Even the right token waits at that address; elsewhere the participant goes on.
      const blocked = await app.inject({
        method: 'GET',
        url: `/api/dialogues/${dialogueId}/next`,
        remoteAddress: '203.0.113.50',
        headers: { 'x-participant-token': participantToken },
      });
      expect(blocked.statusCode).toBe(429);
      const elsewhere = await app.inject({
        method: 'GET',
        url: `/api/dialogues/${dialogueId}/next`,
        remoteAddress: '192.0.2.77',
        headers: { 'x-participant-token': participantToken },
      });
      expect(elsewhere.statusCode).toBe(200);
    });

    it('answers guessed survey links with 429 after the limit', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) {
        const reply = await app.inject({
          method: 'POST',
          url: `/api/surveys/${randomUUID()}/waves/${randomUUID()}/form`,
          remoteAddress: '203.0.113.51',
          headers: { 'content-type': 'application/json' },
          payload: JSON.stringify({ token: guess() }),
        });
        statuses.push(reply.statusCode);
      }
      expect(statuses.slice(0, 100).every((status) => status !== 429)).toBe(true);
      expect(statuses.slice(101).every((status) => status === 429)).toBe(true);
    });

    it('never slows a participant whose token is right, however many requests', async () => {
      const as = (method: 'GET' | 'POST', url: string, body?: unknown) =>
        app.inject({
          method,
          url,
          remoteAddress: '192.0.2.88',
          headers: {
            'x-participant-token': participantToken,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
        });
      for (let i = 0; i < 300; i++) {
        const reply = await as('GET', `/api/dialogues/${dialogueId}/statements`);
        expect(reply.statusCode, reply.body).toBe(200);
      }
    });
  },
);
