import type { VoteMatrix } from './vote-matrix.js';

/**
 * Refines opinion groups in vote space: each clustered participant moves to the group whose mean vote
 * (per statement, over the group's votes on it; a pass is 0) is nearest on the statements they voted on,
 * then the means are recomputed, until under one in a thousand moves (at most `maxIterations` passes). This is k-means on the
 * votes themselves with missing votes left out, started from the groups found on the PCA dimensions:
 * it undoes the blur that the projection of a sparse voter's few votes adds. O(votes x groups) per pass.
 * Groups keep their numbers; a group left empty is dropped and the rest renumbered by size.
 */
export function refineGroupsOnVotes(
  matrix: VoteMatrix,
  groupOf: Int32Array,
  groupCount: number,
  maxIterations = 4,
): { groupOf: Int32Array; groupCount: number; moves: number } {
  const m = matrix.statementCount;
  const out = Int32Array.from(groupOf);
  const sum = new Float64Array(groupCount * m);
  const count = new Float64Array(groupCount * m);
  const mean = new Float64Array(groupCount * m);
  const cost = new Float64Array(groupCount);
  let moves = 0;
  let clustered = 0;
  for (let r = 0; r < out.length; r++) if (out[r] >= 0) clustered++;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    sum.fill(0);
    count.fill(0);
    for (let r = 0; r < matrix.participantCount; r++) {
      const g = out[r];
      if (g < 0) continue;
      for (let i = matrix.rowStart[r]; i < matrix.rowStart[r + 1]; i++) {
        sum[g * m + matrix.statementOf[i]] += matrix.value[i];
        count[g * m + matrix.statementOf[i]]++;
      }
    }
    for (let at = 0; at < mean.length; at++) mean[at] = count[at] > 0 ? sum[at] / count[at] : 0;
    let changed = 0;
    for (let r = 0; r < matrix.participantCount; r++) {
      const own = out[r];
      if (own < 0) continue;
      cost.fill(0);
      for (let i = matrix.rowStart[r]; i < matrix.rowStart[r + 1]; i++) {
        const s = matrix.statementOf[i];
        const v = matrix.value[i];
        for (let g = 0; g < groupCount; g++) {
          const d = v - mean[g * m + s];
          cost[g] += d * d;
        }
      }
      let best = own;
      for (let g = 0; g < groupCount; g++) if (cost[g] < cost[best] - 1e-12) best = g;
      if (best !== own) {
        out[r] = best;
        changed++;
      }
    }
    moves += changed;
    // Stop when (nearly) nothing moves: under one participant in a thousand.
    if (changed === 0 || changed * 1000 < clustered) break;
  }
  // Renumber by size (largest first; ties by first member), dropping empty groups.
  const size = new Int32Array(groupCount);
  const first = new Int32Array(groupCount).fill(out.length);
  out.forEach((g, r) => {
    if (g < 0) return;
    size[g]++;
    first[g] = Math.min(first[g], r);
  });
  const order = Array.from({ length: groupCount }, (_, g) => g)
    .filter((g) => size[g] > 0)
    .sort((a, b) => size[b] - size[a] || first[a] - first[b]);
  const renumber = new Int32Array(groupCount).fill(-1);
  order.forEach((g, id) => (renumber[g] = id));
  for (let r = 0; r < out.length; r++) if (out[r] >= 0) out[r] = renumber[out[r]];
  return { groupOf: out, groupCount: order.length, moves };
}
