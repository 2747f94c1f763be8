import { describe, expect, it } from 'vitest';
import { groupResults } from '../../src/deliberation/analysis.js';
import { DeliberationState } from '../../src/deliberation/deliberation-state.js';
import { seededPrng } from '../../src/deliberation/prng.js';
import { TrackTwoError } from '../../src/domain/errors.js';

function liveDialogue() {
  const state = new DeliberationState(0);
  for (let s = 0; s < 12; s++) state.addStatement(`s${s}`);
  const random = seededPrng(5);
  for (let p = 0; p < 60; p++) {
    const side = p % 2 ? 1 : -1;
    for (let s = 0; s < 12; s++) {
      const lean = s < 6 ? side : -side;
      state.castVote(`p${p}`, `s${s}`, random.next() < 0.8 ? (lean as 1 | -1) : 0);
    }
  }
  return state;
}

describe('a live dialogue', () => {
  it('takes a new vote without a full recompute, and its statistics equal a from-scratch count', () => {
    const state = liveDialogue();
    state.recompute();
    expect(state.fullRecomputes).toBe(1);
    const before = state.groupInformedConsensusOf('s3');
    const voter = 'p0';
    const group = state.groupOfParticipant(voter);
    expect(group).toBeGreaterThanOrEqual(0);
    state.castVote(voter, 's3', 1); // replaces p0's earlier vote on s3
    state.castVote('p1', 's3', -1);
    expect(state.fullRecomputes).toBe(1);
    expect(state.votesSinceRecompute).toBe(2);
    const live = state.results();
    // From scratch, with the same groups, over the current votes.
    const dialogue = state.toIndexedDialogue();
    const groupOf = Int32Array.from(dialogue.participantIds, (id) => state.groupOfParticipant(id));
    const seen = Array.from({ length: dialogue.statementIds.length }, () => 0);
    for (let i = 0; i < dialogue.matrix.statementOf.length; i++) seen[dialogue.matrix.statementOf[i]]++;
    const scratch = groupResults(dialogue, groupOf, Math.max(...groupOf) + 1, dialogue.moderatedOut, seen);
    expect(Array.from(live.groupInformedConsensus)).toEqual(Array.from(scratch.groupInformedConsensus));
    expect(Array.from(live.enoughVotes)).toEqual(Array.from(scratch.enoughVotes));
    expect(live.repness).toEqual(scratch.repness);
    expect(state.groupInformedConsensusOf('s3')).not.toBe(before);
  });

  it('reports consensus over declared sides as well as over opinion groups', () => {
    const state = liveDialogue();
    for (let p = 0; p < 60; p++) state.declareSide(`p${p}`, p % 3 === 0 ? 0 : 1);
    state.recompute();
    const live = state.results();
    expect(live.sideInformedConsensus).not.toBeNull();
    expect(live.sideRepness).toHaveLength(2);
    state.castVote('p0', 's0', -1);
    expect(state.fullRecomputes).toBe(1);
  });

  it('rejects a vote on an unknown statement or with a wrong value, and changes nothing', () => {
    const state = liveDialogue();
    state.recompute();
    const before = state.results();
    expect(() => state.castVote('p0', 'nope', 1)).toThrow(TrackTwoError);
    expect(() => state.castVote('p0', 's1', 2 as never)).toThrow(/TT_ERR|vote/);
    expect(state.results()).toEqual(before);
  });
});
