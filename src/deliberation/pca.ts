import { seededPrng } from './prng.js';
import { symmetricEigen } from './symmetric-eigen.js';
import { voteCount, type VoteMatrix } from './vote-matrix.js';

/**
 * Pol.is' PCA: missing votes imputed with the statement's mean, the matrix centred, two principal
 * components. Imputing the mean and then centring leaves every missing cell at exactly 0, so the
 * centred matrix is as sparse as the votes: we never build the dense matrix, and find the components
 * by block subspace iteration (each step one pass over the votes) instead of Pol.is' 100 unchecked
 * power iterations from a random start.
 */
export interface Pca {
  /** Per statement: the mean of its observed votes (0 for moderated-out or unvoted statements). */
  center: Float64Array;
  /**
   * Unit vectors over statements: the first two draw the opinion map; more when asked for
   * (`PcaOptions.components`), for clustering in as many dimensions as the data supports.
   */
  components: Float64Array[];
  /** Eigenvalues of Y^T Y (the centred votes' sums of squares along each component), descending. */
  eigenvalues: number[];
  /** Sum of squares of the centred votes (the trace of Y^T Y): all the variance there is. */
  totalSquares: number;
  /** Participants with at least one vote. */
  voters: number;
  /** Statements that are columns of Pol.is' rating matrix (voted on at least once). */
  inMatrix: Uint8Array;
  /** Number of such columns. */
  columnCount: number;
  /** Columns moderated out (set to 0 for every participant, as Pol.is does). */
  moderatedOutColumns: number;
  iterations: number;
}

export interface PcaOptions {
  /** Statements whose columns are set to 0 (moderated out). */
  moderatedOut?: Uint8Array;
  /** Warm start: the previous components (longer or shorter vectors are padded or cut). */
  start?: Float64Array[];
  maxIterations?: number;
  tolerance?: number;
  /** Components to find (default 2). Those beyond the first two are found to `extraTolerance`. */
  components?: number;
  extraTolerance?: number;
}

const BLOCK = 4;

export function computePca(matrix: VoteMatrix, options: PcaOptions = {}): Pca {
  const m = matrix.statementCount;
  const n = matrix.participantCount;
  const nnz = voteCount(matrix);
  const moderatedOut = options.moderatedOut ?? new Uint8Array(m);
  const sum = new Float64Array(m);
  const observed = new Int32Array(m);
  for (let i = 0; i < nnz; i++) {
    sum[matrix.statementOf[i]] += matrix.value[i];
    observed[matrix.statementOf[i]]++;
  }
  const inMatrix = new Uint8Array(m);
  const center = new Float64Array(m);
  let columnCount = 0;
  let moderatedOutColumns = 0;
  for (let j = 0; j < m; j++) {
    if (observed[j] === 0) continue;
    inMatrix[j] = 1;
    columnCount++;
    if (moderatedOut[j]) moderatedOutColumns++;
    else center[j] = sum[j] / observed[j];
  }
  // Centred value of each stored vote; moderated-out columns are constant and carry nothing.
  const centred = new Float64Array(nnz);
  for (let i = 0; i < nnz; i++) {
    const j = matrix.statementOf[i];
    centred[i] = moderatedOut[j] ? 0 : matrix.value[i] - center[j];
  }
  const wanted = Math.max(2, options.components ?? 2);
  const b = Math.max(1, Math.min(Math.max(BLOCK, wanted + 2), columnCount, n));
  const kept = Math.min(wanted, b);
  const extraTolerance = options.extraTolerance ?? 1e-6;
  let totalSquares = 0;
  for (let i = 0; i < nnz; i++) totalSquares += centred[i] * centred[i];
  let voters = 0;
  for (let r = 0; r < n; r++) if (matrix.rowStart[r + 1] > matrix.rowStart[r]) voters++;
  // Basis V (m x b, row-major by statement), started from the warm start or a fixed seed.
  let basis: Float64Array = new Float64Array(m * b);
  const random = seededPrng(0x5eed);
  for (let j = 0; j < m; j++)
    for (let c = 0; c < b; c++) basis[j * b + c] = inMatrix[j] ? random.next() - 0.5 : 0;
  if (options.start) {
    for (let c = 0; c < Math.min(options.start.length, b); c++) {
      const s = options.start[c];
      let norm = 0;
      for (let j = 0; j < Math.min(m, s.length); j++) norm += s[j] * s[j];
      if (norm > 0) for (let j = 0; j < m; j++) basis[j * b + c] = j < s.length ? s[j] : 0;
    }
  }
  orthonormalise(basis, m, b);
  const projected = new Float64Array(n * b);
  const maxIterations = options.maxIterations ?? 1000;
  const tolerance = options.tolerance ?? 1e-11;
  let values: Float64Array = new Float64Array(b);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    // Z = Y V, then W = Y^T Z.
    multiplyRows(matrix, centred, basis, b, projected);
    const next = new Float64Array(m * b);
    multiplyColumns(matrix, centred, projected, b, next);
    orthonormalise(next, m, b);
    // Rayleigh-Ritz on the new basis orders the directions and gives the eigenvalue estimates.
    multiplyRows(matrix, centred, next, b, projected);
    const gram = new Float64Array(b * b);
    for (let r = 0; r < n; r++)
      for (let p = 0; p < b; p++) {
        const zp = projected[r * b + p];
        if (zp === 0) continue;
        for (let q = p; q < b; q++) gram[p * b + q] += zp * projected[r * b + q];
      }
    for (let p = 0; p < b; p++) for (let q = 0; q < p; q++) gram[p * b + q] = gram[q * b + p];
    const eig = symmetricEigen(gram, b);
    const rotated = new Float64Array(m * b);
    for (let j = 0; j < m; j++)
      for (let c = 0; c < b; c++) {
        let acc = 0;
        for (let k = 0; k < b; k++) acc += next[j * b + k] * eig.vectors[k * b + c];
        rotated[j * b + c] = acc;
      }
    let change = 0;
    let extraChange = 0;
    for (let c = 0; c < kept; c++) {
      let dot = 0;
      for (let j = 0; j < m; j++) dot += rotated[j * b + c] * basis[j * b + c];
      if (c < 2) change = Math.max(change, 1 - Math.abs(dot));
      else extraChange = Math.max(extraChange, 1 - Math.abs(dot));
    }
    basis = rotated;
    values = eig.values;
    if (change < tolerance && extraChange < extraTolerance) {
      iterations++;
      break;
    }
  }
  const components: Float64Array[] = Array.from({ length: Math.max(2, kept) }, () => new Float64Array(m));
  for (let c = 0; c < components.length; c++) {
    if (c >= b) break;
    const pc = components[c];
    for (let j = 0; j < m; j++) pc[j] = basis[j * b + c];
    // The sign of a component is arbitrary: keep the warm start's orientation (so the map does not
    // flip between updates), else make the largest entry positive (so the same data draw the same map).
    const start = options.start?.[c];
    let orientation = 0;
    if (start) for (let j = 0; j < Math.min(m, start.length); j++) orientation += start[j] * pc[j];
    if (orientation === 0) {
      let largest = 0;
      for (let j = 0; j < m; j++) if (Math.abs(pc[j]) > Math.abs(largest) + 1e-12) largest = pc[j];
      orientation = largest;
    }
    if (orientation < 0) for (let j = 0; j < m; j++) pc[j] = -pc[j];
  }
  return {
    center,
    components,
    eigenvalues: components.map((_, c) => values[c] ?? 0),
    totalSquares,
    voters,
    inMatrix,
    columnCount,
    moderatedOutColumns,
    iterations,
  };
}

/** out = Y V: each participant's centred votes projected on the b basis columns. */
function multiplyRows(
  matrix: VoteMatrix,
  centred: Float64Array,
  basis: Float64Array,
  b: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let r = 0; r < matrix.participantCount; r++) {
    const from = matrix.rowStart[r];
    const to = matrix.rowStart[r + 1];
    for (let i = from; i < to; i++) {
      const y = centred[i];
      if (y === 0) continue;
      const j = matrix.statementOf[i] * b;
      for (let c = 0; c < b; c++) out[r * b + c] += y * basis[j + c];
    }
  }
}

/** out = Y^T Z: the b columns of Z (participants x b) carried back onto the statements. */
function multiplyColumns(
  matrix: VoteMatrix,
  centred: Float64Array,
  projected: Float64Array,
  b: number,
  out: Float64Array,
): void {
  out.fill(0);
  for (let r = 0; r < matrix.participantCount; r++) {
    const from = matrix.rowStart[r];
    const to = matrix.rowStart[r + 1];
    for (let i = from; i < to; i++) {
      const y = centred[i];
      if (y === 0) continue;
      const j = matrix.statementOf[i] * b;
      for (let c = 0; c < b; c++) out[j + c] += y * projected[r * b + c];
    }
  }
}

/** Modified Gram-Schmidt on the b columns of a row-major m x b matrix. */
function orthonormalise(v: Float64Array, m: number, b: number): void {
  for (let c = 0; c < b; c++) {
    for (let k = 0; k < c; k++) {
      let dot = 0;
      for (let j = 0; j < m; j++) dot += v[j * b + c] * v[j * b + k];
      for (let j = 0; j < m; j++) v[j * b + c] -= dot * v[j * b + k];
    }
    let norm = 0;
    for (let j = 0; j < m; j++) norm += v[j * b + c] * v[j * b + c];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let j = 0; j < m; j++) v[j * b + c] /= norm;
  }
}

/**
 * Pol.is' sparsity-aware projection: each participant is projected over the statements they voted
 * on, then pushed out by sqrt(columns / votes) so that someone who voted little is not drawn to the
 * centre. Moderated-out columns count as voted (0), as they do in Pol.is' zeroed rating matrix.
 * Returns interleaved x, y per participant.
 */
export function projectParticipants(matrix: VoteMatrix, pca: Pca, moderatedOut?: Uint8Array): Float64Array {
  const out = new Float64Array(matrix.participantCount * 2);
  for (let r = 0; r < matrix.participantCount; r++) {
    const p = projectParticipant(matrix, r, pca, moderatedOut);
    out[2 * r] = p[0];
    out[2 * r + 1] = p[1];
  }
  return out;
}

export function projectParticipant(
  matrix: VoteMatrix,
  row: number,
  pca: Pca,
  moderatedOut?: Uint8Array,
): [number, number] {
  const [pc1, pc2] = pca.components;
  let x = 0;
  let y = 0;
  let votes = pca.moderatedOutColumns;
  const from = matrix.rowStart[row];
  const to = matrix.rowStart[row + 1];
  for (let i = from; i < to; i++) {
    const j = matrix.statementOf[i];
    if (moderatedOut?.[j]) continue;
    const d = matrix.value[i] - pca.center[j];
    x += d * pc1[j];
    y += d * pc2[j];
    votes++;
  }
  if (votes === 0) return [0, 0];
  const scale = Math.sqrt(pca.columnCount / Math.max(votes, 1));
  return [x * scale, y * scale];
}

/**
 * The same projection on the first `dims` components: interleaved coordinates per participant, for
 * clustering. The first two coordinates equal `projectParticipants`'.
 */
export function projectParticipantsIn(
  matrix: VoteMatrix,
  pca: Pca,
  dims: number,
  moderatedOut?: Uint8Array,
): Float64Array {
  const out = new Float64Array(matrix.participantCount * dims);
  for (let r = 0; r < matrix.participantCount; r++) {
    let votes = pca.moderatedOutColumns;
    const from = matrix.rowStart[r];
    const to = matrix.rowStart[r + 1];
    for (let i = from; i < to; i++) {
      const j = matrix.statementOf[i];
      if (moderatedOut?.[j]) continue;
      const d = matrix.value[i] - pca.center[j];
      for (let c = 0; c < dims; c++) out[r * dims + c] += d * pca.components[c][j];
      votes++;
    }
    if (votes === 0) continue;
    const scale = Math.sqrt(pca.columnCount / Math.max(votes, 1));
    for (let c = 0; c < dims; c++) out[r * dims + c] *= scale;
  }
  return out;
}

/**
 * How many components the votes support, for clustering. A matrix of pure noise of the same size and
 * variance has no eigenvalue above the Marchenko-Pastur edge sigma^2 (sqrt(voters) + sqrt(columns))^2
 * (sigma^2: the mean square of the centred votes over all cells). Planted opinion camps give k - 1
 * components above that edge and then a flat floor of noise below it. Real conversations more often
 * decay smoothly, every computed component above the edge, with no floor: there the evidence for more
 * than the map's two dimensions is weak, and groups are found on the map as Pol.is does. So: d = the
 * components above the edge, kept when the next one falls below it by a clear gap
 * (lambda_d / lambda_d+1 >= `gap`, 1.2: planted camps gave 1.21-4.5, the six Pol.is conversations never met the condition); else 2. At most `max` (fewer than the components computed).
 */
export function supportedDimensions(pca: Pca, max: number, gap = 1.2): number {
  const cells = pca.voters * pca.columnCount;
  if (cells === 0) return 2;
  const sigma2 = pca.totalSquares / cells;
  const edge = sigma2 * (Math.sqrt(pca.voters) + Math.sqrt(pca.columnCount)) ** 2;
  const values = pca.eigenvalues;
  let d = 0;
  while (d < values.length && values[d] > edge) d++;
  if (d <= 2 || d >= values.length || d > max) return 2;
  return values[d - 1] >= gap * values[d] ? d : 2;
}

/**
 * Each statement's extremity: the length of the projection of a lone agree on it (Pol.is'
 * pca-project-cmnts), which routing uses to show divisive statements early.
 */
export function statementExtremity(pca: Pca): Float64Array {
  const m = pca.center.length;
  const out = new Float64Array(m);
  const scale = Math.sqrt(pca.columnCount);
  for (let j = 0; j < m; j++) {
    const d = 1 - pca.center[j];
    const x = d * pca.components[0][j];
    const y = d * pca.components[1][j];
    out[j] = scale * Math.sqrt(x * x + y * y);
  }
  return out;
}
