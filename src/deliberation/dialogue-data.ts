import { buildVoteMatrix, type VoteMatrix, type VoteValue } from './vote-matrix.js';

/** A dialogue as the core sees it: plain records with the caller's ids. */
export interface DialogueStatement {
  id: string;
  /** -1 moderated out, 0 not yet moderated, 1 accepted. */
  moderated?: -1 | 0 | 1;
  isMeta?: boolean;
}

export interface DialogueVote {
  participant: string;
  statement: string;
  /** Agree +1, disagree -1, pass 0. */
  vote: VoteValue;
  timestamp?: number;
}

export interface DialogueData {
  statements: DialogueStatement[];
  /** In time order: a later vote on the same statement by the same participant replaces the earlier. */
  votes: DialogueVote[];
  /** Participants in display order; those who only appear in votes are added after them. */
  participants?: string[];
}

/** The same dialogue with ids mapped to dense indices, ready for the math. */
export interface IndexedDialogue {
  participantIds: string[];
  statementIds: string[];
  matrix: VoteMatrix;
  moderatedOut: Uint8Array;
  isMeta: Uint8Array;
  /** Vote log as indices in time order (for replay). */
  log: { participant: Int32Array; statement: Int32Array; value: Int8Array; timestamp: Float64Array };
}

export function indexDialogue(data: DialogueData): IndexedDialogue {
  const statementIndex = new Map<string, number>();
  data.statements.forEach((s, i) => statementIndex.set(s.id, i));
  const participantIds = [...(data.participants ?? [])];
  const participantIndex = new Map<string, number>();
  participantIds.forEach((p, i) => participantIndex.set(p, i));
  const n = data.votes.length;
  const participant = new Int32Array(n);
  const statement = new Int32Array(n);
  const value = new Int8Array(n);
  const timestamp = new Float64Array(n);
  let kept = 0;
  for (const v of data.votes) {
    const s = statementIndex.get(v.statement);
    if (s === undefined) continue;
    let p = participantIndex.get(v.participant);
    if (p === undefined) {
      p = participantIds.length;
      participantIds.push(v.participant);
      participantIndex.set(v.participant, p);
    }
    participant[kept] = p;
    statement[kept] = s;
    value[kept] = v.vote;
    timestamp[kept] = v.timestamp ?? kept;
    kept++;
  }
  const moderatedOut = new Uint8Array(data.statements.length);
  const isMeta = new Uint8Array(data.statements.length);
  data.statements.forEach((s, i) => {
    if (s.moderated === -1) moderatedOut[i] = 1;
    if (s.isMeta) isMeta[i] = 1;
  });
  return {
    participantIds,
    statementIds: data.statements.map((s) => s.id),
    matrix: buildVoteMatrix(
      participantIds.length,
      data.statements.length,
      participant,
      statement,
      value,
      kept,
    ),
    moderatedOut,
    isMeta,
    log: {
      participant: participant.slice(0, kept),
      statement: statement.slice(0, kept),
      value: value.slice(0, kept),
      timestamp: timestamp.slice(0, kept),
    },
  };
}
