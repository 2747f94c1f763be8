import type { IndexedDialogue } from './dialogue-data.js';
import { seededPrng } from './prng.js';
import { buildVoteMatrix, type VoteMatrix } from './vote-matrix.js';

/**
 * Synthetic dialogues with planted opinion camps, to check that the opinion groups find the camps that
 * are there. Camps of unequal sizes; each camp leans agree or disagree on every divisive statement; a
 * fifth of the statements are shared ground (every camp leans the same way); votes are sparse (each
 * participant sees only part of the statements) and noisy (a vote follows the camp's leaning with
 * probability `loyalty`, passes with `passRate`, and goes against it otherwise). Seeded: the same
 * options give the same dialogue.
 */
export interface PlantedCampsOptions {
  camps: number;
  seed: number;
  participants?: number;
  statements?: number;
  /** Share of the statements every camp leans the same way on (default 0.2). */
  sharedShare?: number;
  /** Fewest and most statements a participant votes on. */
  votesPerParticipant?: [number, number];
  loyalty?: number;
  passRate?: number;
  /** Largest camp over smallest, at most (sizes drawn between 1 and this ratio). */
  sizeRatio?: number;
}

export interface PlantedCamps {
  dialogue: IndexedDialogue;
  /** The planted camp of each participant. */
  camp: Int32Array;
  /** Per camp and statement (camp * statements + s): its leaning, +1 or -1. */
  leaning: Int8Array;
  /** Per statement: 1 when shared ground. */
  shared: Uint8Array;
  campSizes: number[];
}

export function plantedCamps(options: PlantedCampsOptions): PlantedCamps {
  const k = options.camps;
  const n = options.participants ?? 600;
  const m = options.statements ?? 60;
  const [fewest, most] = options.votesPerParticipant ?? [20, 50];
  const loyalty = options.loyalty ?? 0.7;
  const passRate = options.passRate ?? 0.15;
  const ratio = options.sizeRatio ?? 3;
  const random = seededPrng(options.seed * 7919 + k);
  // Unequal sizes: weights between 1 and `ratio`, the first camp always the largest, the last the smallest.
  const weights = Array.from({ length: k }, (_, c) =>
    k === 1 ? 1 : ratio - ((ratio - 1) * c) / (k - 1) + (random.next() - 0.5) * 0.2,
  );
  const total = weights.reduce((a, b) => a + b, 0);
  const campSizes = weights.map((w) => Math.max(1, Math.round((w / total) * n)));
  campSizes[0] += n - campSizes.reduce((a, b) => a + b, 0);
  const camp = new Int32Array(n);
  let at = 0;
  campSizes.forEach((size, c) => {
    for (let i = 0; i < size; i++) camp[at++] = c;
  });
  const shared = new Uint8Array(m);
  const sharedCount = Math.round((options.sharedShare ?? 0.2) * m);
  const order = shuffled(m, random);
  for (let i = 0; i < sharedCount; i++) shared[order[i]] = 1;
  const leaning = new Int8Array(k * m);
  for (let s = 0; s < m; s++) {
    const common = random.next() < 0.75 ? 1 : -1;
    for (let c = 0; c < k; c++) leaning[c * m + s] = shared[s] ? common : random.next() < 0.5 ? 1 : -1;
  }
  const participantOf: number[] = [];
  const statementOf: number[] = [];
  const value: number[] = [];
  for (let p = 0; p < n; p++) {
    const count = fewest + Math.floor(random.next() * (most - fewest + 1));
    const seen = shuffled(m, random).slice(0, Math.min(m, count));
    for (const s of seen) {
      const u = random.next();
      const lean = leaning[camp[p] * m + s];
      participantOf.push(p);
      statementOf.push(s);
      value.push(u < loyalty ? lean : u < loyalty + passRate ? 0 : -lean);
    }
  }
  const matrix: VoteMatrix = buildVoteMatrix(
    n,
    m,
    Int32Array.from(participantOf),
    Int32Array.from(statementOf),
    Int8Array.from(value),
  );
  const dialogue: IndexedDialogue = {
    participantIds: Array.from({ length: n }, (_, i) => `p${i}`),
    statementIds: Array.from({ length: m }, (_, i) => `s${i}`),
    matrix,
    moderatedOut: new Uint8Array(m),
    isMeta: new Uint8Array(m),
    log: {
      participant: Int32Array.from(participantOf),
      statement: Int32Array.from(statementOf),
      value: Int8Array.from(value),
      timestamp: new Float64Array(0),
    },
  };
  return { dialogue, camp, leaning, shared, campSizes };
}

/**
 * The oracle: each participant to the camp whose mean vote profile (over the camp's members, on the
 * statements the participant voted on) is nearest. It knows the camps, so it bounds what any clustering
 * of these votes can reach.
 */
export function oracleCamps(planted: PlantedCamps): Int32Array {
  const { matrix } = planted.dialogue;
  const m = matrix.statementCount;
  const k = planted.campSizes.length;
  const sum = new Float64Array(k * m);
  const count = new Float64Array(k * m);
  for (let p = 0; p < matrix.participantCount; p++) {
    for (let i = matrix.rowStart[p]; i < matrix.rowStart[p + 1]; i++) {
      sum[planted.camp[p] * m + matrix.statementOf[i]] += matrix.value[i];
      count[planted.camp[p] * m + matrix.statementOf[i]]++;
    }
  }
  const out = new Int32Array(matrix.participantCount);
  for (let p = 0; p < matrix.participantCount; p++) {
    let best = 0;
    let bestD = Infinity;
    for (let c = 0; c < k; c++) {
      let d = 0;
      for (let i = matrix.rowStart[p]; i < matrix.rowStart[p + 1]; i++) {
        const at = c * m + matrix.statementOf[i];
        const mean = count[at] ? sum[at] / count[at] : 0;
        d += (matrix.value[i] - mean) ** 2;
      }
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    out[p] = best;
  }
  return out;
}

function shuffled(m: number, random: { next(): number }): number[] {
  const order = Array.from({ length: m }, (_, i) => i);
  for (let i = m - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}
