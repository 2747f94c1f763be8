import type { IndexedDialogue } from './dialogue-data.js';
import {
  oneStandardErrorK,
  clusterableParticipants,
  findOpinionGroups,
  type OpinionGroups,
} from './opinion-groups.js';
import { computePca, projectParticipants, type Pca } from './pca.js';
import { buildVoteMatrix } from './vote-matrix.js';

/**
 * Opinion groups as the conversation lived them: the vote log is replayed in time order and the math
 * rerun at checkpoints, each run warm-started from the last (PCA components, base and group centres),
 * with Pol.is' k smoother (a new k must win 4 updates in a row before it is shown). Pol.is' groups
 * are one of several near-equal k-means optima chosen by that history; replaying it lands on the
 * same one more often than a one-shot computation. Deterministic: the checkpoints depend only on the
 * log, and every random start is seeded.
 */
export interface ReplayOptions {
  seed?: number;
  /** Growth factor of the vote count between checkpoints. */
  growth?: number;
  /** Votes at the first checkpoint. */
  firstCheckpoint?: number;
  /** Updates a new k must win in a row before it replaces the shown k (Pol.is: 4). */
  kBuffer?: number;
}

export function replayCheckpoints(voteCount: number, first: number, growth: number): number[] {
  const out: number[] = [];
  let at = Math.min(first, voteCount);
  while (at < voteCount) {
    out.push(at);
    at = Math.max(at + 1, Math.ceil(at * growth));
  }
  out.push(voteCount);
  return out;
}

export function replayOpinionGroups(dialogue: IndexedDialogue, options: ReplayOptions = {}): OpinionGroups {
  const { log, moderatedOut } = dialogue;
  const n = dialogue.participantIds.length;
  const m = dialogue.statementIds.length;
  const order = Array.from(log.timestamp, (_, i) => i).sort(
    (a, b) => log.timestamp[a] - log.timestamp[b] || a - b,
  );
  const participant = Int32Array.from(order, (i) => log.participant[i]);
  const statement = Int32Array.from(order, (i) => log.statement[i]);
  const value = Int8Array.from(order, (i) => log.value[i]);
  const kBuffer = options.kBuffer ?? 4;
  let pca: Pca | undefined;
  let previous: OpinionGroups | undefined;
  const everClustered = new Uint8Array(n);
  const smoother = { lastK: 0, lastKCount: 0, smoothedK: 0 };
  let result: OpinionGroups | undefined;
  for (const at of replayCheckpoints(order.length, options.firstCheckpoint ?? 200, options.growth ?? 1.1)) {
    const matrix = buildVoteMatrix(n, m, participant, statement, value, at);
    pca = computePca(matrix, { moderatedOut, start: pca?.components });
    const projection = projectParticipants(matrix, pca, moderatedOut);
    // Once in the conversation, a participant stays in (Pol.is' in-conv).
    const now = clusterableParticipants(matrix, pca.columnCount);
    for (let r = 0; r < n; r++) if (now[r]) everClustered[r] = 1;
    result = findOpinionGroups(projection, Uint8Array.from(everClustered), {
      seed: options.seed ?? 0,
      previous,
      chooseK: (silhouettes) => {
        const thisK = oneStandardErrorK(silhouettes);
        smoother.lastKCount = thisK === smoother.lastK ? smoother.lastKCount + 1 : 1;
        smoother.lastK = thisK;
        if (
          smoother.lastKCount >= kBuffer ||
          smoother.smoothedK === 0 ||
          !(smoother.smoothedK in silhouettes)
        ) {
          smoother.smoothedK = thisK;
        }
        return smoother.smoothedK;
      },
    });
    previous = result;
  }
  return result!;
}
