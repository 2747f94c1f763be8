import { afterAll, describe, expect, it } from 'vitest';
import { analyzeMatrix } from '../../src/deliberation/analysis.js';
import { allGroupInformedConsensus } from '../../src/deliberation/consensus.js';
import { DeliberationState } from '../../src/deliberation/deliberation-state.js';
import { tallyGroups } from '../../src/deliberation/group-tallies.js';
import { seededPrng } from '../../src/deliberation/prng.js';
import { recomputeOnWorker, stopRecomputeWorker } from '../../src/deliberation/recompute-worker.js';
import { plantedCamps } from '../../src/deliberation/synthetic.js';
import type { VoteValue } from '../../src/deliberation/vote-matrix.js';
import type { Dialogue } from '../../src/domain/dialogue.js';
import { LiveDialogue } from '../../src/services/dialogues/live.js';

afterAll(() => stopRecomputeWorker());

/** A live state holding a planted-camps dialogue (3 camps, 600 participants, 60 statements). */
function stateWithCamps(seed = 1): DeliberationState {
  const { dialogue } = plantedCamps({ camps: 3, seed });
  const state = new DeliberationState(seed);
  dialogue.statementIds.forEach((id) => state.addStatement(id));
  const { rowStart, statementOf, value } = dialogue.matrix;
  dialogue.participantIds.forEach((p, r) => {
    for (let i = rowStart[r]; i < rowStart[r + 1]; i++) {
      state.castVote(p, dialogue.statementIds[statementOf[i]], value[i] as VoteValue);
    }
  });
  return state;
}

/** Votes arriving while a recompute runs: changed votes, new votes, a new statement, new participants. */
function voteMeanwhile(state: DeliberationState): void {
  const random = seededPrng(7);
  state.addStatement('late statement');
  const statements = [...state.statementIds];
  for (let i = 0; i < 400; i++) {
    const p = i < 350 ? state.participantIds[Math.floor(random.next() * 600)] : `newcomer ${i}`;
    const s = statements[Math.floor(random.next() * statements.length)];
    state.castVote(p, s, ([1, -1, 0] as const)[Math.floor(random.next() * 3)]);
  }
}

/** GIC recomputed from scratch over the current votes with the state's groups. */
function gicFromScratch(state: DeliberationState, groupCount: number): Float64Array {
  const dialogue = state.toIndexedDialogue();
  const groupOf = Int32Array.from(state.participantIds, (p) => state.groupOfParticipant(p));
  return allGroupInformedConsensus(tallyGroups(dialogue.matrix, groupOf, groupCount));
}

describe('full recompute of a snapshot, adopted after votes came in', () => {
  it('brings the groups tallies up to date with every vote cast since the snapshot', () => {
    const state = stateWithCamps();
    const snapshot = state.snapshot();
    const analysis = analyzeMatrix(snapshot.dialogue, { seed: snapshot.seed });
    voteMeanwhile(state);
    const before = state.votesSinceRecompute;
    state.adopt(analysis, snapshot);
    expect(state.votesSinceRecompute).toBe(before - snapshot.votesCounted);
    expect(state.votesSinceRecompute).toBe(400);
    expect(state.groupOfParticipant('newcomer 399')).toBe(-1);
    const live = state.results().groupInformedConsensus;
    const scratch = gicFromScratch(state, analysis.groups.groupCount);
    expect(live.length).toBe(scratch.length);
    for (let s = 0; s < live.length; s++) expect(live[s]).toBeCloseTo(scratch[s], 12);
  });

  it('gives the same groups on the worker thread as in the process', async () => {
    const state = stateWithCamps(2);
    const inline = analyzeMatrix(state.toIndexedDialogue(), { seed: 2 });
    const onWorker = await recomputeOnWorker(state.snapshot());
    expect(onWorker.groups.groupCount).toBe(inline.groups.groupCount);
    expect(Array.from(onWorker.groups.groupOf)).toEqual(Array.from(inline.groups.groupOf));
    expect(Array.from(onWorker.projection)).toEqual(Array.from(inline.projection));
  });
});

describe('a live dialogue recomputing in the background', () => {
  const dialogue = { id: 'd1', seed: 3, strict_moderation: 0 } as unknown as Dialogue;

  it('keeps taking votes while the recompute runs, and callers share one recompute', async () => {
    const live = new LiveDialogue(dialogue);
    const camps = plantedCamps({ camps: 4, seed: 3, participants: 3000, statements: 120 });
    camps.dialogue.statementIds.forEach((id, n) =>
      live.addStatement({ id, number: n + 1, text: id, moderation: 'accepted', isMeta: false }),
    );
    const { rowStart, statementOf, value } = camps.dialogue.matrix;
    camps.dialogue.participantIds.forEach((p, r) => {
      live.addParticipant({ id: p, number: r + 1, groupId: null });
      for (let i = rowStart[r]; i < rowStart[r + 1]; i++) {
        live.applyVote(p, camps.dialogue.statementIds[statementOf[i]], value[i] as VoteValue);
      }
    });
    live.workerFrom = 1;
    const fullBefore = live.state.fullRecomputes;
    // The event loop goes on while the worker computes: count the turns it takes.
    let turns = 0;
    let running = true;
    const tick = () => {
      turns++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    const first = live.analyse();
    const second = live.analyse();
    live.addParticipant({ id: 'late voter', number: 99_999, groupId: null });
    live.applyVote('late voter', camps.dialogue.statementIds[0], 1);
    const [a, b] = await Promise.all([first, second]);
    running = false;
    expect(a).toBe(b);
    expect(live.state.fullRecomputes).toBe(fullBefore + 1);
    expect(turns).toBeGreaterThan(1);
    expect(a.groups.groupCount).toBe(4);
    // The late vote is counted in the running tallies, not lost: one more recompute is due.
    expect(live.state.votesSinceRecompute).toBe(1);
    expect(live.voteCount).toBe(camps.dialogue.matrix.rowStart[3000] + 1);
  });
});
