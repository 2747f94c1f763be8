import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { parsePolisComments } from '../../src/interchange/polis-export.js';
import { exportPolis, importPolis } from '../../src/services/dialogues/index.js';
import { forEachEngine } from '../support/databases.js';
import { caller, dialogueSnapshot, dialogueWorldOfBlock, roles, type Role } from './fixtures.js';
import { fixture } from '../support/fixtures.js';

const SEATTLE = fixture('polis', '15-per-hour-seattle');
const read = (name: string) => readFileSync(join(SEATTLE, name), 'utf8');

forEachEngine('dialogues: Pol.is round trip, who said what, access per role', (getDb, engine) => {
  const world = dialogueWorldOfBlock(getDb, engine);

  it('imports a real Pol.is export, and export then import gives the same four files', async () => {
    const votesCsv = read('votes.csv');
    const imported = await importPolis(world.system, world.initiativeId, {
      comments: read('comments.csv'),
      votes: votesCsv,
      participants_votes: read('participants-votes.csv'),
      summary: read('summary.csv'),
    });
    const pairs = new Set(
      votesCsv
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',').slice(-3, -1).join(' ')),
    );
    expect(imported.votes).toBe(pairs.size);
    expect(imported.statements).toBe(parsePolisComments(read('comments.csv')).comments.length);
    expect(imported.dialogue.prompt).toBe('$15/hour');
    const first = await exportPolis(world.system, imported.dialogue.id);
    const again = await importPolis(world.system, world.initiativeId, {
      comments: first.comments,
      votes: first.votes,
      participants_votes: first.participantsVotes,
      summary: first.summary,
    });
    const second = await exportPolis(world.system, again.dialogue.id);
    expect(second).toEqual(first);
    // The export holds what the original said, vote for vote.
    expect(first.votes.trim().split('\n').length - 1).toBe(pairs.size);
    expect(first.summary).toContain('groups,');
  });

  it('never shows who said what in a chatham_house dialogue, and does in an open one', async () => {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    const authorsOf = async (meetingId: string) => {
      const created = await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
        prompt: 'What would make the talks safe?',
        meeting_id: meetingId,
        statements: ['Nobody is named outside the room.'],
      });
      const id = created.json().id;
      const tokens = (await convener('POST', `/api/dialogues/${id}/tokens`, { count: 2 })).json().items;
      const author = caller(world.app, { participant: tokens[1].token });
      const submitted = await author('POST', `/api/dialogues/${id}/statements`, {
        text: 'I fear reprisals at home.',
      });
      expect(submitted.statusCode, submitted.body).toBe(201);
      expect(submitted.json().origin).toBe('submitted');
      for (const t of tokens) {
        const voter = caller(world.app, { participant: t.token });
        for (const s of (await voter('GET', `/api/dialogues/${id}/statements`)).json().items) {
          const voted = await voter('POST', `/api/dialogues/${id}/votes`, {
            statement_id: s.id,
            vote: 1,
            request_id: `vote-${t.participant}-${s.number}`,
          });
          expect(voted.statusCode, voted.body).toBe(201);
        }
      }
      const queue = (await convener('GET', `/api/dialogues/${id}/moderation`)).json().items;
      const results = (await convener('GET', `/api/dialogues/${id}/results`)).json();
      const files = (await convener('GET', `/api/dialogues/${id}/export`)).json();
      const authorColumn = files['comments.csv']
        .trim()
        .split('\n')
        .slice(1)
        .map((line: string) => line.split(',')[3]);
      return {
        created: created.json(),
        queue: queue.map((s: { author: number | null }) => s.author),
        results: results.statements.map((s: { author: number | null }) => s.author),
        hidden: results.authors_hidden,
        exported: authorColumn,
        nComments: files['participants-votes.csv']
          .trim()
          .split('\n')
          .slice(1)
          .map((l: string) => l.split(',')[2]),
      };
    };
    const open = await authorsOf(world.openMeetingId);
    expect(open.queue).toEqual([null, 1]);
    expect(open.results).toEqual([null, 1]);
    expect(open.exported).toEqual(['', '1']);
    expect(open.nComments).toEqual(['0', '1']);
    const chatham = await authorsOf(world.chathamMeetingId);
    expect(chatham.created.hide_authors).toBe(true);
    expect(chatham.hidden).toBe(true);
    expect(chatham.queue).toEqual([null, null]);
    expect(chatham.results).toEqual([null, null]);
    expect(chatham.exported).toEqual(['', '']);
    expect(chatham.nComments).toEqual(['0', '0']);
  });

  it('shows each participant only their own votes', async () => {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    const id = (
      await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
        prompt: 'Private votes',
        statements: ['One', 'Two'],
      })
    ).json().id;
    const [a, b] = (await convener('POST', `/api/dialogues/${id}/tokens`, { count: 2 })).json().items;
    const asA = caller(world.app, { participant: a.token });
    const asB = caller(world.app, { participant: b.token });
    const statements = (await asA('GET', `/api/dialogues/${id}/statements`)).json().items;
    await asA('POST', `/api/dialogues/${id}/votes`, {
      statement_id: statements[0].id,
      vote: -1,
      request_id: 'private-a-1',
    });
    const seenByB = (await asB('GET', `/api/dialogues/${id}/statements`)).json().items;
    expect(seenByB.map((s: { my_vote: number | null }) => s.my_vote)).toEqual([null, null]);
    const seenByA = (await asA('GET', `/api/dialogues/${id}/statements`)).json().items;
    expect(seenByA.map((s: { my_vote: number | null }) => s.my_vote)).toEqual([-1, null]);
    // A participant's common ground waits until they are done, and never lists votes.
    const early = await asB('GET', `/api/dialogues/${id}/common-ground`);
    expect(early.json().error.code).toBe('TT_ERR_DIALOGUE_NOT_FINISHED');
  });

  it('shows only accepted statements under strict moderation', async () => {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    const id = (
      await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
        prompt: 'Strict',
        strict_moderation: true,
        statements: ['Seeded and accepted'],
      })
    ).json().id;
    const [p] = (await convener('POST', `/api/dialogues/${id}/tokens`, {})).json().items;
    const as = caller(world.app, { participant: p.token });
    const submitted = (
      await as('POST', `/api/dialogues/${id}/statements`, { text: 'Waiting for a moderator' })
    ).json();
    const visible = async () =>
      (await as('GET', `/api/dialogues/${id}/statements`)).json().items.map((s: { text: string }) => s.text);
    expect(await visible()).toEqual(['Seeded and accepted']);
    const refused = await as('POST', `/api/dialogues/${id}/votes`, {
      statement_id: submitted.id,
      vote: 1,
      request_id: 'strict-vote-1',
    });
    expect(refused.json().error.code).toBe('TT_ERR_DIALOGUE_UNKNOWN_STATEMENT');
    const queue = (await convener('GET', `/api/dialogues/${id}/moderation?moderation=unmoderated`)).json()
      .items;
    expect(queue.map((s: { id: string }) => s.id)).toEqual([submitted.id]);
    expect(
      (await convener('PATCH', `/api/dialogues/${id}/statements/${submitted.id}`, { moderation: 'accepted' }))
        .statusCode,
    ).toBe(204);
    expect(await visible()).toEqual(['Seeded and accepted', 'Waiting for a moderator']);
    await convener('PATCH', `/api/dialogues/${id}/statements/${submitted.id}`, { moderation: 'rejected' });
    expect(await visible()).toEqual(['Seeded and accepted']);
  });

  it('grants each role what the access table says, and nothing to an outsider', async () => {
    const convener = caller(world.app, { bearer: world.tokens.convener });
    const id = (
      await convener('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
        prompt: 'Roles',
        statements: ['A statement'],
      })
    ).json().id;
    const statementId = (await convener('GET', `/api/dialogues/${id}/moderation`)).json().items[0].id;
    const expected: Record<Role, Record<string, number>> = {
      convener: { read: 200, vote: 201, results: 200, moderation: 200, tokens: 201, create: 201 },
      facilitator: { read: 200, vote: 201, results: 200, moderation: 200, tokens: 201, create: 201 },
      participant: { read: 200, vote: 201, results: 403, moderation: 403, tokens: 403, create: 403 },
      researcher: { read: 200, vote: 403, results: 200, moderation: 403, tokens: 403, create: 403 },
      funder: { read: 403, vote: 403, results: 403, moderation: 403, tokens: 403, create: 403 },
      outsider: { read: 404, vote: 404, results: 404, moderation: 404, tokens: 404, create: 404 },
    };
    for (const role of roles) {
      const as = caller(world.app, { bearer: world.tokens[role] });
      const got = {
        read: (await as('GET', `/api/dialogues/${id}`)).statusCode,
        vote: (
          await as('POST', `/api/dialogues/${id}/votes`, {
            statement_id: statementId,
            vote: 1,
            request_id: `role-${role}`,
          })
        ).statusCode,
        results: (await as('GET', `/api/dialogues/${id}/results`)).statusCode,
        moderation: (await as('GET', `/api/dialogues/${id}/moderation`)).statusCode,
        tokens: (await as('POST', `/api/dialogues/${id}/tokens`, {})).statusCode,
        create: (await as('POST', `/api/initiatives/${world.initiativeId}/dialogues`, { prompt: 'Mine' }))
          .statusCode,
      };
      expect(got, role).toEqual(expected[role]);
    }
    const anonymous = caller(world.app);
    const before = await dialogueSnapshot(getDb());
    expect(
      (await anonymous('POST', `/api/dialogues/${id}/votes`, { statement_id: statementId, vote: 1 }))
        .statusCode,
    ).toBe(401);
    expect(await dialogueSnapshot(getDb())).toBe(before);
  });

  it('runs dialogue import, results and export from the command line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tt-dialogue-cli-'));
    const previous = process.env.TRACKTWO_MASTER_KEY;
    process.env.TRACKTWO_MASTER_KEY = randomBytes(32).toString('base64');
    try {
      const run = async (...args: string[]) => {
        const io = captureIo();
        const code = await main(['node', 'tracktwo', ...args, '--database', engine.getUrl()], io);
        return { code, ...io };
      };
      const imported = await run(
        'dialogue',
        'import',
        '--initiative',
        world.initiativeId,
        '--polis',
        SEATTLE,
      );
      expect(imported.code, imported.stderr).toBe(0);
      const id = /Imported dialogue (\S+):/.exec(imported.stdout)![1];
      const results = await run('dialogue', 'results', '--dialogue', id, '--format', 'json');
      expect(results.code, results.stderr).toBe(0);
      expect(JSON.parse(results.stdout).groups.length).toBeGreaterThanOrEqual(2);
      const exported = await run('dialogue', 'export', '--dialogue', id, '--out', dir);
      expect(exported.code, exported.stderr).toBe(0);
      expect(readFileSync(join(dir, 'comments.csv'), 'utf8').split('\n')[0]).toContain('comment-id');
      const bad = await run(
        'dialogue',
        'import',
        '--initiative',
        world.initiativeId,
        '--polis',
        join(dir, 'nothing'),
      );
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('TT_ERR_FILE_NOT_FOUND');
    } finally {
      if (previous === undefined) delete process.env.TRACKTWO_MASTER_KEY;
      else process.env.TRACKTWO_MASTER_KEY = previous;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
