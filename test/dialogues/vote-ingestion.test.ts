import { existsSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrackTwoError } from '../../src/domain/errors.js';
import { castVote } from '../../src/services/dialogues/index.js';
import { liveDialogue } from '../../src/services/dialogues/index.js';
import * as dialogues from '../../src/services/dialogues/index.js';
import { sqliteConnectionOf } from '../../src/store/engine/sqlite.js';
import { testKeys } from '../server/support/app.js';
import { forEachEngine, openTestDatabase, type TestDatabase } from '../support/databases.js';
import { dialogueWorld } from './fixtures.js';

const PARTICIPANTS = 40;
const STATEMENTS = 12;

/** A deterministic stream of votes: participant, statement and value by a small LCG. */
function voteStream(count: number, seed: number) {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state % n;
  };
  return Array.from({ length: count }, (_, i) => ({
    p: next(PARTICIPANTS),
    s: next(STATEMENTS),
    vote: ([1, -1, 0] as const)[next(3)],
    requestId: `ingest-${seed}-${String(i).padStart(5, '0')}`,
  }));
}

async function openDialogue(world: Awaited<ReturnType<typeof dialogueWorld>>) {
  const dialogue = await dialogues.createDialogue(world.system, world.initiativeId, {
    meeting_id: null,
    divide_id: null,
    prompt: 'Ingestion under load',
    strict_moderation: false,
    hide_authors: false,
    seed: 1,
    statements: Array.from({ length: STATEMENTS }, (_, i) => `Statement ${i}`),
  });
  const statementIds = (await dialogues.listModerationQueue(world.system, dialogue.id)).map((s) => s.id);
  const tokens = (
    await dialogues.issueParticipantTokens(world.system, dialogue.id, {
      count: PARTICIPANTS,
      actor_id: null,
      group_id: null,
    })
  ).map((t) => t.token);
  return { dialogueId: dialogue.id, statementIds, tokens };
}

forEachEngine('dialogues: votes arriving together (group commit)', (getDb, engine) => {
  it('keeps every accepted vote, refuses replays, and the database agrees with the live counts', async () => {
    const world = await dialogueWorld(getDb(), engine.dialect, testKeys());
    const { dialogueId, statementIds, tokens } = await openDialogue(world);
    const stream = voteStream(600, 7);
    // Every 10th vote also arrives a second time with the same request id, in the same burst.
    const sends = stream.flatMap((v, i) => (i % 10 === 0 ? [v, v] : [v]));
    // Answered only once committed: on SQLite, a second connection (which sees only committed rows)
    // must find the request id at the moment the answer comes.
    const observer =
      engine.dialect === 'sqlite'
        ? new SQLite(engine.getUrl().slice('sqlite:'.length), { readonly: true })
        : null;
    const committed = observer?.prepare(
      'select count(*) as n from dialogue_vote_requests where request_id = ?',
    );
    const answeredUncommitted: string[] = [];
    const outcomes = await Promise.allSettled(
      sends.map((v) =>
        castVote(world.ctx, dialogueId, tokens[v.p], {
          statement_id: statementIds[v.s],
          vote: v.vote,
          request_id: v.requestId,
        }).then((receipt) => {
          if (committed && (committed.get(v.requestId) as { n: number }).n !== 1) {
            answeredUncommitted.push(v.requestId);
          }
          return receipt;
        }),
      ),
    );
    observer?.close();
    expect(answeredUncommitted).toEqual([]);
    const accepted = outcomes.filter((o) => o.status === 'fulfilled');
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(accepted).toHaveLength(stream.length);
    expect(refused).toHaveLength(sends.length - stream.length);
    for (const r of refused) {
      expect((r.reason as TrackTwoError).code).toBe('TT_ERR_DIALOGUE_REPLAYED_VOTE');
    }

    const requests = await getDb()
      .selectFrom('dialogue_vote_requests')
      .select('request_id')
      .where('request_id', 'like', 'ingest-7-%')
      .execute();
    expect(requests.map((r) => r.request_id).sort()).toEqual(stream.map((v) => v.requestId).sort());

    const rows = await getDb()
      .selectFrom('dialogue_votes')
      .select(['participant_id', 'statement_id', 'vote'])
      .where('dialogue_id', '=', dialogueId)
      .execute();
    expect(rows).toHaveLength(new Set(stream.map((v) => v.p * STATEMENTS + v.s)).size);
    const live = await liveDialogue(getDb(), dialogueId);
    for (const row of rows) {
      expect(live.votedBy.get(row.participant_id)?.get(row.statement_id)).toBe(row.vote);
    }
    expect(live.voteCount).toBe(rows.length);

    // A replay of an accepted request later on, with another value, changes nothing.
    const before = rows.find((r) => r.statement_id === statementIds[stream[0].s]);
    await expect(
      castVote(world.ctx, dialogueId, tokens[stream[0].p], {
        statement_id: statementIds[stream[0].s],
        vote: stream[0].vote === 1 ? -1 : 1,
        request_id: stream[0].requestId,
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_DIALOGUE_REPLAYED_VOTE' });
    const after = await getDb()
      .selectFrom('dialogue_votes')
      .select(['participant_id', 'statement_id', 'vote'])
      .where('participant_id', '=', before!.participant_id)
      .where('statement_id', '=', before!.statement_id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });
});

describe('dialogues: WAL checkpoints of the vote path run on a background thread [sqlite]', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('sqlite');
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it('copies committed votes into the database file without the main connection checkpointing', async () => {
    const db = database.store.db;
    const world = await dialogueWorld(db, 'sqlite', testKeys());
    const { dialogueId, statementIds, tokens } = await openDialogue(world);
    const file = database.url.slice('sqlite:'.length);
    const connection = sqliteConnectionOf(db)!;
    // Pages reach the database file only by a checkpoint: fold in the setup's writes first.
    connection.pragma('wal_checkpoint(TRUNCATE)');
    const sizeBefore = statSync(file).size;
    await Promise.all(
      voteStream(400, 11).map((v) =>
        castVote(world.ctx, dialogueId, tokens[v.p], {
          statement_id: statementIds[v.s],
          vote: v.vote,
          request_id: v.requestId,
        }),
      ),
    );
    // The vote path raised the main connection's threshold far above what these votes write.
    expect(connection.pragma('wal_autocheckpoint', { simple: true })).toBeGreaterThan(1000);
    const deadline = Date.now() + 10_000;
    while (statSync(file).size === sizeBefore && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(statSync(file).size).toBeGreaterThan(sizeBefore);
  });

  it('stops the checkpointer on close, so the last connection removes the WAL', async () => {
    const file = database.url.slice('sqlite:'.length);
    await database.store.close();
    expect(existsSync(`${file}-wal`)).toBe(false);
    await database.dispose().catch(() => undefined);
    database = undefined as unknown as TestDatabase;
  });
});
