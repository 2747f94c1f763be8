import { describe, expect, it } from 'vitest';
import { analyzeDialogue } from '../../src/deliberation/analysis.js';
import {
  consensusStatements,
  enoughVotesPerGroup,
  fewestGroupVotes,
  MINIMUM_VOTES_PER_GROUP,
} from '../../src/deliberation/consensus.js';
import type { DialogueVote } from '../../src/deliberation/dialogue-data.js';
import { emptyGroupTallies, addToTallies } from '../../src/deliberation/group-tallies.js';
import type { VoteValue } from '../../src/deliberation/vote-matrix.js';

/** Two groups, three statements: votes given as [group, statement, value]. */
function talliesOf(votes: [number, number, VoteValue][]) {
  const tallies = emptyGroupTallies(2, 3);
  const agree = [0, 0, 0];
  const disagree = [0, 0, 0];
  const seen = [0, 0, 0];
  for (const [g, s, v] of votes) {
    addToTallies(tallies, g, s, v, 1);
    seen[s]++;
    if (v > 0) agree[s]++;
    if (v < 0) disagree[s]++;
  }
  return { tallies, agree, disagree, seen };
}

const repeat = (count: number, vote: [number, number, VoteValue]) =>
  Array.from({ length: count }, () => vote);

describe('the minimum-votes rule', () => {
  it('is 3 votes per group', () => {
    expect(MINIMUM_VOTES_PER_GROUP).toBe(3);
  });

  it('scores a statement only where each group cast at least the minimum (passes count as votes)', () => {
    const { tallies, seen } = talliesOf([
      ...repeat(3, [0, 0, 1]),
      ...repeat(2, [1, 0, 1]),
      [1, 0, 0], // statement 0: group 0 three votes, group 1 two agrees and a pass
      ...repeat(5, [0, 1, 1]),
      ...repeat(2, [1, 1, 1]), // statement 1: group 1 only two votes
      // statement 2: no votes at all
    ]);
    expect(Array.from(enoughVotesPerGroup(tallies, seen))).toEqual([1, 0, 0]);
    expect(Array.from(fewestGroupVotes(tallies, seen))).toEqual([3, 2, 0]);
    expect(Array.from(enoughVotesPerGroup(tallies, seen, 2))).toEqual([1, 1, 0]);
  });

  it('reads all voters as one group when there are no groups yet', () => {
    const none = emptyGroupTallies(0, 2);
    expect(Array.from(enoughVotesPerGroup(none, [3, 2]))).toEqual([1, 0]);
  });

  it('never calls 0 agree and 2 disagree "every group disagrees"', () => {
    // Statement 0 is the case found: two votes, both disagree, one per group. Statement 1: many votes in
    // one group, two in the other, which must have voted enough too. Statement 2 meets the rule.
    const few = talliesOf([
      [0, 0, -1],
      [1, 0, -1],
      ...repeat(12, [0, 1, -1]),
      ...repeat(2, [1, 1, -1]),
      ...repeat(12, [0, 2, -1]),
      ...repeat(3, [1, 2, -1]),
    ]);
    const enough = enoughVotesPerGroup(few.tallies, few.seen);
    const withRule = consensusStatements(few.agree, few.disagree, few.seen, new Uint8Array(3), {
      enoughVotes: enough,
      groups: few.tallies,
    });
    expect(withRule.disagree.map((c) => c.statement)).toEqual([2]);
    // Without the rule (Pol.is' test over everybody), 2 disagrees of 2 already pass, as in the case found.
    const without = consensusStatements(few.agree, few.disagree, few.seen, new Uint8Array(3));
    expect(without.disagree.map((c) => c.statement).sort()).toEqual([0, 1, 2]);
  });

  it('does not call a statement "every group agrees" when one group, with enough votes, disagrees', () => {
    const split = talliesOf([...repeat(20, [0, 0, 1]), ...repeat(4, [1, 0, -1])]);
    const enough = enoughVotesPerGroup(split.tallies, split.seen);
    expect(enough[0]).toBe(1);
    const result = consensusStatements(split.agree, split.disagree, split.seen, new Uint8Array(3), {
      enoughVotes: enough,
      groups: split.tallies,
    });
    expect(result.agree).toEqual([]);
    // Over everybody it passes Pol.is' test: 20 of 24 agree.
    expect(
      consensusStatements(split.agree, split.disagree, split.seen, new Uint8Array(3)).agree,
    ).toHaveLength(1);
  });

  it('reports a statement without votes as not scored (null, not 0) in the dialogue report', () => {
    const votes: DialogueVote[] = [];
    const statements = ['shared', 'divisive', 'unvoted', 'barely'].map((id) => ({ id }));
    for (let p = 0; p < 40; p++) {
      const camp = p < 24 ? 1 : -1;
      votes.push({ participant: `p${p}`, statement: 'shared', vote: 1 });
      votes.push({ participant: `p${p}`, statement: 'divisive', vote: camp as VoteValue });
      for (let extra = 0; extra < 6; extra++) {
        statements.push({ id: `x${extra}` });
        votes.push({
          participant: `p${p}`,
          statement: `x${extra}`,
          vote: ((extra + p) % 3 === 0 ? 0 : camp * (extra % 2 ? 1 : -1)) as VoteValue,
        });
      }
      if (p < 2) votes.push({ participant: `p${p}`, statement: 'barely', vote: -1 });
    }
    const unique = [...new Map(statements.map((s) => [s.id, s])).values()];
    const report = analyzeDialogue({ statements: unique, votes });
    expect(report.k).toBeGreaterThanOrEqual(2);
    const byId = new Map(report.statementStats.map((s) => [s.id, s]));
    expect(byId.get('unvoted')!.groupInformedConsensus).toBeNull();
    expect(byId.get('unvoted')!.fewestGroupVotes).toBe(0);
    // Pol.is' own number for it is not 0 either: its smoothing gives 0.5 per group.
    expect(byId.get('unvoted')!.polisGroupInformedConsensus).toBeCloseTo(0.5 ** report.k, 12);
    expect(byId.get('barely')!.groupInformedConsensus).toBeNull();
    expect(byId.get('shared')!.groupInformedConsensus).toBeGreaterThan(0.8);
    expect(report.consensus.agree).toContain('shared');
    expect(report.consensus.disagree).not.toContain('barely');
    expect(report.consensus.agree).not.toContain('divisive');
  });
});
