import type { GroupTallies } from './group-tallies.js';
import { proportionTest, significantAt90 } from './z-tests.js';

/**
 * The minimum-votes rule: a statement is scored for consensus (group-informed consensus, "every group
 * agrees / disagrees") only where EACH opinion group has cast at least this many votes on it (agree,
 * disagree or pass: Pol.is' S). Pol.is itself has no such floor (its consensus-stats and
 * select-consensus-comments only test proportions over everybody; its smoothing (A + 1) / (S + 2) gives a
 * statement nobody voted on 0.5 per group), which let 2 votes read as "every group disagrees" and a
 * statement without votes score 0.13. A statement below the floor is "not enough votes": no score.
 */
export const MINIMUM_VOTES_PER_GROUP = 3;

/**
 * Per statement: 1 when every group has at least `minimum` votes on it. With no groups (too few
 * participants to form any), all voters are read as one group.
 */
export function enoughVotesPerGroup(
  tallies: GroupTallies,
  seenOverall: ArrayLike<number>,
  minimum = MINIMUM_VOTES_PER_GROUP,
): Uint8Array {
  const m = tallies.statementCount;
  const out = new Uint8Array(m);
  for (let s = 0; s < m; s++) {
    if (tallies.groupCount === 0) {
      out[s] = seenOverall[s] >= minimum ? 1 : 0;
      continue;
    }
    let ok = 1;
    for (let g = 0; g < tallies.groupCount && ok; g++) {
      if (tallies.seen[g * m + s] < minimum) ok = 0;
    }
    out[s] = ok;
  }
  return out;
}

/** The fewest votes any group cast on each statement (all voters when there are no groups). */
export function fewestGroupVotes(tallies: GroupTallies, seenOverall: ArrayLike<number>): Int32Array {
  const m = tallies.statementCount;
  const out = new Int32Array(m);
  for (let s = 0; s < m; s++) {
    if (tallies.groupCount === 0) {
      out[s] = seenOverall[s];
      continue;
    }
    let least = Infinity;
    for (let g = 0; g < tallies.groupCount; g++) least = Math.min(least, tallies.seen[g * m + s]);
    out[s] = least;
  }
  return out;
}

/**
 * Group-informed consensus: the product over groups of each group's (smoothed) agree rate,
 * (A_g + 1) / (S_g + 2). High only when every group agrees, whatever its size. This is Pol.is' number,
 * computed for every statement; the scores shown apply the minimum-votes rule (`scoredConsensus`).
 */
export function groupInformedConsensus(tallies: GroupTallies, statement: number): number {
  let product = 1;
  for (let g = 0; g < tallies.groupCount; g++) {
    const at = g * tallies.statementCount + statement;
    product *= (tallies.agree[at] + 1) / (tallies.seen[at] + 2);
  }
  return product;
}

export function allGroupInformedConsensus(tallies: GroupTallies): Float64Array {
  const out = new Float64Array(tallies.statementCount);
  for (let s = 0; s < tallies.statementCount; s++) out[s] = groupInformedConsensus(tallies, s);
  return out;
}

/** A consensus score under the minimum-votes rule: null where some group has too few votes. */
export function scoredConsensus(score: number, enoughVotes: number): number | null {
  return enoughVotes ? score : null;
}

export interface ConsensusStatement {
  statement: number;
  agreeCount: number;
  seen: number;
  probability: number;
  test: number;
}

export interface ConsensusOptions {
  /** Per statement: 1 when every group has enough votes (the minimum-votes rule). */
  enoughVotes?: Uint8Array;
  /** Per-group tallies: each group's own majority must go the same way. */
  groups?: GroupTallies;
  limit?: number;
}

/**
 * Consensus statements ("every group agrees / disagrees"): Pol.is' test over all participants (agreed,
 * or disagreed, by more than half with a proportion z-test significant at 90%, ranked by probability x z,
 * top 5 each way), kept only where the minimum-votes rule holds and, when groups are given, where every
 * group's own smoothed rate (A_g + 1) / (S_g + 2) is above one half the same way, so that the words are true.
 */
export function consensusStatements(
  agree: ArrayLike<number>,
  disagree: ArrayLike<number>,
  seen: ArrayLike<number>,
  excluded: Uint8Array,
  options: ConsensusOptions = {},
): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const { enoughVotes, groups } = options;
  const limit = options.limit ?? 5;
  const everyGroup = (s: number, success: Int32Array | undefined) => {
    if (!groups || !success || groups.groupCount === 0) return true;
    const m = groups.statementCount;
    for (let g = 0; g < groups.groupCount; g++) {
      const at = g * m + s;
      if ((success[at] + 1) / (groups.seen[at] + 2) <= 0.5) return false;
    }
    return true;
  };
  const pick = (success: ArrayLike<number>, groupSuccess: Int32Array | undefined) => {
    const out: (ConsensusStatement & { metric: number })[] = [];
    for (let s = 0; s < seen.length; s++) {
      if (excluded[s] || seen[s] === 0) continue;
      if (enoughVotes && !enoughVotes[s]) continue;
      const probability = (success[s] + 1) / (seen[s] + 2);
      const test = proportionTest(success[s], seen[s]);
      if (probability > 0.5 && significantAt90(test) && everyGroup(s, groupSuccess)) {
        out.push({
          statement: s,
          agreeCount: success[s],
          seen: seen[s],
          probability,
          test,
          metric: probability * test,
        });
      }
    }
    out.sort((a, b) => b.metric - a.metric || a.statement - b.statement);
    return out.slice(0, limit).map(({ metric: _metric, ...rest }) => rest);
  };
  return { agree: pick(agree, groups?.agree), disagree: pick(disagree, groups?.disagree) };
}
