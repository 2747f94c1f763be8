import { voteCount, type VoteMatrix } from './vote-matrix.js';

/**
 * Agree / disagree / seen counts per group and statement (index group * statements + statement);
 * "seen" counts every vote, passes included, as Pol.is' S does. Kept as running counts so that one
 * new vote updates them in O(1).
 */
export interface GroupTallies {
  groupCount: number;
  statementCount: number;
  agree: Int32Array;
  disagree: Int32Array;
  seen: Int32Array;
}

export function emptyGroupTallies(groupCount: number, statementCount: number): GroupTallies {
  const size = groupCount * statementCount;
  return {
    groupCount,
    statementCount,
    agree: new Int32Array(size),
    disagree: new Int32Array(size),
    seen: new Int32Array(size),
  };
}

export function tallyGroups(
  matrix: VoteMatrix,
  groupOf: ArrayLike<number>,
  groupCount: number,
): GroupTallies {
  const m = matrix.statementCount;
  const tallies = emptyGroupTallies(groupCount, m);
  for (let r = 0; r < matrix.participantCount; r++) {
    const g = groupOf[r];
    if (g < 0 || g >= groupCount) continue;
    const from = matrix.rowStart[r];
    const to = matrix.rowStart[r + 1];
    for (let i = from; i < to; i++) addToTallies(tallies, g, matrix.statementOf[i], matrix.value[i], 1);
  }
  return tallies;
}

/** Adds (sign 1) or removes (sign -1) one vote of a member of group g on statement s. */
export function addToTallies(tallies: GroupTallies, g: number, s: number, value: number, sign: 1 | -1): void {
  const at = g * tallies.statementCount + s;
  tallies.seen[at] += sign;
  if (value > 0) tallies.agree[at] += sign;
  else if (value < 0) tallies.disagree[at] += sign;
}

export { voteCount };
