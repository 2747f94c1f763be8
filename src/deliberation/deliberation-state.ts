import {
  allGroupInformedConsensus,
  consensusStatements,
  enoughVotesPerGroup,
  fewestGroupVotes,
  groupInformedConsensus,
} from './consensus.js';
import type { IndexedDialogue } from './dialogue-data.js';
import { addToTallies, emptyGroupTallies, type GroupTallies } from './group-tallies.js';
import { analyzeMatrix, type MatrixAnalysis } from './analysis.js';
import { projectParticipant } from './pca.js';
import { representativeStatements, type RepresentativeStatement } from './repness.js';
import { TrackTwoError } from '../domain/errors.js';
import { routingPriority } from './routing.js';
import type { VoteMatrix, VoteValue } from './vote-matrix.js';

/**
 * A live dialogue held in memory. A vote costs O(1): it updates the running per-statement counts and
 * the running counts of the voter's group (and side), so GIC, repness, consensus and routing stay
 * current without recomputing the PCA or the groups. The projection and the groups are recomputed
 * only on `recompute()`, which the caller schedules (e.g. every few seconds, or after N new votes).
 */
export interface LiveResults {
  /** Pol.is' GIC for every statement; shown only where `enoughVotes` (the minimum-votes rule). */
  groupInformedConsensus: Float64Array;
  enoughVotes: Uint8Array;
  /** Per statement: the fewest votes any opinion group cast on it. */
  fewestGroupVotes: Int32Array;
  sideInformedConsensus: Float64Array | null;
  sideEnoughVotes: Uint8Array | null;
  repness: RepresentativeStatement[][];
  sideRepness: RepresentativeStatement[][] | null;
  consensus: ReturnType<typeof consensusStatements>;
  priority: Float64Array;
}

/** What a full recompute elsewhere needs, and what `adopt` needs to know of it. */
export interface RecomputeSnapshot {
  dialogue: IndexedDialogue;
  seed: number;
  votesCounted: number;
  participantCount: number;
}

const NO_VOTE = 9;

export class DeliberationState {
  readonly statementIds: string[] = [];
  readonly participantIds: string[] = [];
  private readonly statementIndex = new Map<string, number>();
  private readonly participantIndex = new Map<string, number>();
  private votes: Map<number, VoteValue>[] = [];
  private moderatedOut: number[] = [];
  private isMeta: number[] = [];
  private agree: number[] = [];
  private disagree: number[] = [];
  private pass: number[] = [];
  private groupOf: number[] = [];
  private sideOf: number[] = [];
  private sideCount = 0;
  private groupTallies: GroupTallies = emptyGroupTallies(0, 0);
  private sideTallies: GroupTallies | null = null;
  private last: MatrixAnalysis | null = null;
  /** Votes since the last full recompute. */
  votesSinceRecompute = 0;
  /** How many full recomputes ran: a vote must not add to it. */
  fullRecomputes = 0;
  /** While a snapshot is out for recompute: (participant, statement, previous, vote) of each vote since. */
  private changesSince: number[] | null = null;

  constructor(private readonly seed = 0) {}

  addStatement(id: string, options: { moderated?: -1 | 0 | 1; isMeta?: boolean } = {}): number {
    const existing = this.statementIndex.get(id);
    if (existing !== undefined) return existing;
    const s = this.statementIds.length;
    this.statementIds.push(id);
    this.statementIndex.set(id, s);
    this.moderatedOut.push(options.moderated === -1 ? 1 : 0);
    this.isMeta.push(options.isMeta ? 1 : 0);
    this.agree.push(0);
    this.disagree.push(0);
    this.pass.push(0);
    this.groupTallies = widen(this.groupTallies, this.statementIds.length);
    if (this.sideTallies) this.sideTallies = widen(this.sideTallies, this.statementIds.length);
    return s;
  }

  setModeration(id: string, moderated: -1 | 0 | 1): void {
    const s = this.requireStatement(id);
    this.moderatedOut[s] = moderated === -1 ? 1 : 0;
  }

  /** Declares a participant's side (group of a divide); null clears it. */
  declareSide(participant: string, side: number | null): void {
    const p = this.participant(participant);
    const before = this.sideOf[p];
    if (before === (side ?? -1)) return;
    if (side !== null && side + 1 > this.sideCount) {
      this.sideCount = side + 1;
      this.sideTallies = regroup(this.sideTallies, this.sideCount, this.statementIds.length);
    }
    this.sideTallies ??= emptyGroupTallies(this.sideCount, this.statementIds.length);
    for (const [s, v] of this.votes[p]) {
      if (before >= 0) addToTallies(this.sideTallies, before, s, v, -1);
      if (side !== null) addToTallies(this.sideTallies, side, s, v, 1);
    }
    this.sideOf[p] = side ?? -1;
  }

  /** Records a vote; a later vote on the same statement replaces the earlier one. */
  castVote(participant: string, statement: string, vote: VoteValue): void {
    if (vote !== 1 && vote !== -1 && vote !== 0) {
      throw new TrackTwoError('TT_ERR_DIALOGUE_BAD_VOTE', { field: 'vote', reason: `got ${String(vote)}` });
    }
    const s = this.requireStatement(statement);
    const p = this.participant(participant);
    const previous = this.votes[p].get(s);
    if (previous !== undefined) this.count(p, s, previous, -1);
    this.votes[p].set(s, vote);
    this.count(p, s, vote, 1);
    this.votesSinceRecompute++;
    this.changesSince?.push(p, s, previous ?? NO_VOTE, vote);
  }

  /** Full recompute of the PCA, the projection and the opinion groups, here and now. */
  recompute(): MatrixAnalysis {
    const snapshot = this.snapshot();
    return this.adopt(analyzeMatrix(snapshot.dialogue, { seed: this.seed }), snapshot);
  }

  /**
   * The votes as they stand, for a full recompute elsewhere (a worker thread): votes keep coming in
   * meanwhile and are recorded, so that `adopt` can bring the new groups' tallies up to date.
   */
  snapshot(): RecomputeSnapshot {
    this.changesSince = [];
    return {
      dialogue: this.toIndexedDialogue(),
      seed: this.seed,
      votesCounted: this.votesSinceRecompute,
      participantCount: this.participantIds.length,
    };
  }

  /**
   * Takes the result of a full recompute of `snapshot`: the groups found on the snapshot, with their
   * tallies brought up to date by replaying the votes cast since it was taken. A participant who came
   * after the snapshot has no group until the next recompute.
   */
  adopt(analysis: MatrixAnalysis, snapshot: RecomputeSnapshot): MatrixAnalysis {
    const changes = this.changesSince ?? [];
    this.changesSince = null;
    this.last = analysis;
    this.groupOf = Array.from({ length: this.participantIds.length }, (_, p) =>
      p < snapshot.participantCount ? analysis.groups.groupOf[p] : -1,
    );
    this.groupTallies = widen(analysis.groups.tallies, this.statementIds.length);
    for (let i = 0; i < changes.length; i += 4) {
      const [p, s, previous, vote] = [changes[i], changes[i + 1], changes[i + 2], changes[i + 3]];
      const g = this.groupOf[p];
      if (g < 0 || g >= this.groupTallies.groupCount) continue;
      if (previous !== NO_VOTE) addToTallies(this.groupTallies, g, s, previous as VoteValue, -1);
      addToTallies(this.groupTallies, g, s, vote as VoteValue, 1);
    }
    this.fullRecomputes++;
    this.votesSinceRecompute = Math.max(0, this.votesSinceRecompute - snapshot.votesCounted);
    return analysis;
  }

  /** Current statistics from the running counts (O(statements x groups)), without a recompute. */
  results(): LiveResults {
    const excluded = Uint8Array.from(this.moderatedOut);
    const seen = this.agree.map((a, s) => a + this.disagree[s] + this.pass[s]);
    const extremity = this.last?.extremity;
    const enoughVotes = enoughVotesPerGroup(this.groupTallies, seen);
    return {
      groupInformedConsensus: allGroupInformedConsensus(this.groupTallies),
      enoughVotes,
      fewestGroupVotes: fewestGroupVotes(this.groupTallies, seen),
      sideInformedConsensus: this.sideTallies ? allGroupInformedConsensus(this.sideTallies) : null,
      sideEnoughVotes: this.sideTallies ? enoughVotesPerGroup(this.sideTallies, seen) : null,
      repness: representativeStatements(this.groupTallies, excluded),
      sideRepness: this.sideTallies ? representativeStatements(this.sideTallies, excluded) : null,
      consensus: consensusStatements(this.agree, this.disagree, seen, excluded, {
        enoughVotes,
        groups: this.groupTallies,
      }),
      priority: Float64Array.from(seen, (n, s) =>
        routingPriority(this.agree[s], this.pass[s], n, extremity?.[s] ?? 0, this.isMeta[s] === 1),
      ),
    };
  }

  /** GIC of one statement from the running counts: O(groups). */
  groupInformedConsensusOf(statement: string): number {
    return groupInformedConsensus(this.groupTallies, this.requireStatement(statement));
  }

  /** Where a participant sits on the last opinion map, with their latest votes: O(their votes). */
  positionOf(participant: string): [number, number] | null {
    const p = this.participantIndex.get(participant);
    if (p === undefined || !this.last) return null;
    const row = this.rowMatrix(p);
    return projectParticipant(row, 0, this.last.pca, Uint8Array.from(this.moderatedOut));
  }

  /** Opinion group of a participant at the last recompute, -1 when none. */
  groupOfParticipant(participant: string): number {
    const p = this.participantIndex.get(participant);
    return p === undefined ? -1 : (this.groupOf[p] ?? -1);
  }

  toIndexedDialogue(): IndexedDialogue {
    const n = this.participantIds.length;
    const m = this.statementIds.length;
    const rowStart = new Int32Array(n + 1);
    for (let p = 0; p < n; p++) rowStart[p + 1] = rowStart[p] + this.votes[p].size;
    const statementOf = new Int32Array(rowStart[n]);
    const value = new Int8Array(rowStart[n]);
    // Rows sorted by statement: filled in the map's order, then insertion-sorted in place (rows are short),
    // which holds the event loop far less than sorting arrays of pairs when a snapshot leaves for a worker.
    for (let p = 0; p < n; p++) {
      const from = rowStart[p];
      let i = from;
      for (const [s, v] of this.votes[p]) {
        let j = i++;
        while (j > from && statementOf[j - 1] > s) {
          statementOf[j] = statementOf[j - 1];
          value[j] = value[j - 1];
          j--;
        }
        statementOf[j] = s;
        value[j] = v;
      }
    }
    const matrix: VoteMatrix = { participantCount: n, statementCount: m, rowStart, statementOf, value };
    const log = { participant: new Int32Array(0), statement: new Int32Array(0), value: new Int8Array(0) };
    return {
      participantIds: [...this.participantIds],
      statementIds: [...this.statementIds],
      matrix,
      moderatedOut: Uint8Array.from(this.moderatedOut),
      isMeta: Uint8Array.from(this.isMeta),
      log: { ...log, timestamp: new Float64Array(0) },
    };
  }

  private rowMatrix(p: number): VoteMatrix {
    const entries = [...this.votes[p]].sort((a, b) => a[0] - b[0]);
    return {
      participantCount: 1,
      statementCount: this.statementIds.length,
      rowStart: Int32Array.of(0, entries.length),
      statementOf: Int32Array.from(entries, (e) => e[0]),
      value: Int8Array.from(entries, (e) => e[1]),
    };
  }

  private count(p: number, s: number, v: VoteValue, sign: 1 | -1) {
    if (v > 0) this.agree[s] += sign;
    else if (v < 0) this.disagree[s] += sign;
    else this.pass[s] += sign;
    const g = this.groupOf[p];
    if (g >= 0 && g < this.groupTallies.groupCount) addToTallies(this.groupTallies, g, s, v, sign);
    const side = this.sideOf[p];
    if (this.sideTallies && side >= 0) addToTallies(this.sideTallies, side, s, v, sign);
  }

  private participant(id: string): number {
    let p = this.participantIndex.get(id);
    if (p === undefined) {
      p = this.participantIds.length;
      this.participantIds.push(id);
      this.participantIndex.set(id, p);
      this.votes.push(new Map());
      this.groupOf.push(-1);
      this.sideOf.push(-1);
    }
    return p;
  }

  private requireStatement(id: string): number {
    const s = this.statementIndex.get(id);
    if (s === undefined) throw new TrackTwoError('TT_ERR_DIALOGUE_UNKNOWN_STATEMENT', { field: 'statement' });
    return s;
  }
}

function widen(tallies: GroupTallies, statementCount: number): GroupTallies {
  return regroup(tallies, tallies.groupCount, statementCount);
}

function regroup(tallies: GroupTallies | null, groupCount: number, statementCount: number): GroupTallies {
  const out = emptyGroupTallies(groupCount, statementCount);
  if (!tallies) return out;
  for (let g = 0; g < Math.min(groupCount, tallies.groupCount); g++) {
    for (let s = 0; s < Math.min(statementCount, tallies.statementCount); s++) {
      out.agree[g * statementCount + s] = tallies.agree[g * tallies.statementCount + s];
      out.disagree[g * statementCount + s] = tallies.disagree[g * tallies.statementCount + s];
      out.seen[g * statementCount + s] = tallies.seen[g * tallies.statementCount + s];
    }
  }
  return out;
}
