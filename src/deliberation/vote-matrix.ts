/**
 * The participants x statements vote matrix, stored sparse by participant (compressed rows):
 * a dialogue of 100,000 participants and 2,000 statements holds a few million votes, not 200 million cells.
 * Votes use the export sign: agree +1, disagree -1, pass 0; a missing vote is simply absent.
 */
export type VoteValue = -1 | 0 | 1;

export interface VoteMatrix {
  participantCount: number;
  statementCount: number;
  /** Row r's votes are at [rowStart[r], rowStart[r + 1]). */
  rowStart: Int32Array;
  /** Statement index of each stored vote, ascending within a row. */
  statementOf: Int32Array;
  /** Vote value of each stored vote. */
  value: Int8Array;
}

/**
 * Builds the matrix from a vote log in time order; a later vote by the same participant on the same
 * statement replaces the earlier one, as in Pol.is.
 */
export function buildVoteMatrix(
  participantCount: number,
  statementCount: number,
  participantOf: ArrayLike<number>,
  statementOf: ArrayLike<number>,
  value: ArrayLike<number>,
  length: number = participantOf.length,
): VoteMatrix {
  // Stable counting sort of the log by participant keeps time order within a row.
  const counts = new Int32Array(participantCount + 1);
  for (let i = 0; i < length; i++) counts[participantOf[i] + 1]++;
  for (let r = 0; r < participantCount; r++) counts[r + 1] += counts[r];
  const cursor = counts.slice(0, participantCount);
  const sortedStatement = new Int32Array(length);
  const sortedValue = new Int8Array(length);
  for (let i = 0; i < length; i++) {
    const at = cursor[participantOf[i]]++;
    sortedStatement[at] = statementOf[i];
    sortedValue[at] = value[i];
  }
  // Within a row keep the last vote per statement, then order by statement (a bucket pass per row).
  const lastSeen = new Int32Array(statementCount).fill(-1);
  const rowStart = new Int32Array(participantCount + 1);
  const outStatement = new Int32Array(length);
  const outValue = new Int8Array(length);
  let out = 0;
  for (let r = 0; r < participantCount; r++) {
    rowStart[r] = out;
    const from = counts[r];
    const to = counts[r + 1];
    for (let i = from; i < to; i++) lastSeen[sortedStatement[i]] = i;
    const rowBegin = out;
    for (let i = from; i < to; i++) {
      const s = sortedStatement[i];
      if (lastSeen[s] === i) {
        outStatement[out] = s;
        outValue[out] = sortedValue[i];
        out++;
      }
    }
    for (let i = from; i < to; i++) lastSeen[sortedStatement[i]] = -1;
    sortRowByStatement(outStatement, outValue, rowBegin, out);
  }
  rowStart[participantCount] = out;
  return {
    participantCount,
    statementCount,
    rowStart,
    statementOf: outStatement.slice(0, out),
    value: outValue.slice(0, out),
  };
}

function sortRowByStatement(statementOf: Int32Array, value: Int8Array, from: number, to: number): void {
  // Insertion sort: rows arrive nearly ordered (votes follow the routing order) and are short.
  for (let i = from + 1; i < to; i++) {
    const s = statementOf[i];
    const v = value[i];
    let j = i - 1;
    while (j >= from && statementOf[j] > s) {
      statementOf[j + 1] = statementOf[j];
      value[j + 1] = value[j];
      j--;
    }
    statementOf[j + 1] = s;
    value[j + 1] = v;
  }
}

export function voteCount(matrix: VoteMatrix): number {
  return matrix.rowStart[matrix.participantCount];
}

/** A sub-matrix holding only the chosen participants (in the order given), for leave-out checks. */
export function selectParticipants(matrix: VoteMatrix, rows: ArrayLike<number>): VoteMatrix {
  let total = 0;
  for (let i = 0; i < rows.length; i++) total += matrix.rowStart[rows[i] + 1] - matrix.rowStart[rows[i]];
  const rowStart = new Int32Array(rows.length + 1);
  const statementOf = new Int32Array(total);
  const value = new Int8Array(total);
  let out = 0;
  for (let i = 0; i < rows.length; i++) {
    rowStart[i] = out;
    const from = matrix.rowStart[rows[i]];
    const to = matrix.rowStart[rows[i] + 1];
    statementOf.set(matrix.statementOf.subarray(from, to), out);
    value.set(matrix.value.subarray(from, to), out);
    out += to - from;
  }
  rowStart[rows.length] = out;
  return {
    participantCount: rows.length,
    statementCount: matrix.statementCount,
    rowStart,
    statementOf,
    value,
  };
}

/** Per-statement agree / disagree / pass counts over all participants. */
export interface StatementTallies {
  agree: Int32Array;
  disagree: Int32Array;
  pass: Int32Array;
}

export function tallyStatements(matrix: VoteMatrix): StatementTallies {
  const agree = new Int32Array(matrix.statementCount);
  const disagree = new Int32Array(matrix.statementCount);
  const pass = new Int32Array(matrix.statementCount);
  const n = voteCount(matrix);
  for (let i = 0; i < n; i++) {
    const v = matrix.value[i];
    if (v > 0) agree[matrix.statementOf[i]]++;
    else if (v < 0) disagree[matrix.statementOf[i]]++;
    else pass[matrix.statementOf[i]]++;
  }
  return { agree, disagree, pass };
}
