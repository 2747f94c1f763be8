import type { GroupTallies } from './group-tallies.js';
import { proportionTest, significantAt90 } from './z-tests.js';

/**
 * Group-informed consensus: the product over groups of each group's (smoothed) agree rate,
 * (A_g + 1) / (S_g + 2). High only when every group agrees, whatever its size.
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

export interface ConsensusStatement {
  statement: number;
  agreeCount: number;
  seen: number;
  probability: number;
  test: number;
}

/**
 * Pol.is' consensus statements over all participants: agreed (or disagreed) by more than half with a
 * proportion z-test significant at 90%, ranked by probability x z, top 5 each way.
 */
export function consensusStatements(
  agree: ArrayLike<number>,
  disagree: ArrayLike<number>,
  seen: ArrayLike<number>,
  excluded: Uint8Array,
  limit = 5,
): { agree: ConsensusStatement[]; disagree: ConsensusStatement[] } {
  const pick = (success: ArrayLike<number>) => {
    const out: (ConsensusStatement & { metric: number })[] = [];
    for (let s = 0; s < seen.length; s++) {
      if (excluded[s] || seen[s] === 0) continue;
      const probability = (success[s] + 1) / (seen[s] + 2);
      const test = proportionTest(success[s], seen[s]);
      if (probability > 0.5 && significantAt90(test)) {
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
  return { agree: pick(agree), disagree: pick(disagree) };
}
