import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Dialogue, ModerationState } from '../../domain/dialogue.js';
import { TrackTwoError } from '../../domain/errors.js';
import { DeliberationState, type LiveResults } from '../../deliberation/index.js';
import type { MatrixAnalysis } from '../../deliberation/analysis.js';
import { recomputeOnWorker } from '../../deliberation/recompute-worker.js';
import type { VoteValue } from '../../deliberation/vote-matrix.js';
import * as repo from '../../store/repositories/dialogues.js';
import type { Database } from '../../store/schema.js';

/**
 * The live side of dialogues: one DeliberationState per dialogue, held in memory and rebuilt from the
 * database on first use, so that a vote costs O(1) and never a full recompute; and the vote write path,
 * which commits the votes that arrive together in one small transaction (group commit) and answers each
 * request only once its vote is in the database. One server process owns a database's live dialogues.
 */

const TOKEN_PREFIX = 'ttp_';

/** A participant's secret: shown once; only its hash is stored. */
export function newParticipantToken(): { token: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
  return { token, hash: hashParticipantToken(token) };
}

export function hashParticipantToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface LiveStatement {
  id: string;
  number: number;
  text: string;
  moderation: ModerationState;
  isMeta: boolean;
}

export interface LiveParticipant {
  id: string;
  number: number;
  groupId: string | null;
}

/** Results are at most this old when asked for between votes; a results request always recomputes. */
const RECOMPUTE_EVERY_MS = 5_000;
const LIVE_RESULTS_TTL_MS = 1_000;
/** About where a recompute starts to hold the event loop for longer than a worker's round trip. */
const RECOMPUTE_ON_WORKER_FROM_VOTES = 20_000;

export class LiveDialogue {
  readonly state: DeliberationState;
  readonly statements = new Map<string, LiveStatement>();
  readonly participants = new Map<string, LiveParticipant>();
  /** Statements each participant has voted on (for routing): never shown to anyone else. */
  readonly votedBy = new Map<string, Map<string, VoteValue>>();
  /** Declared groups (sides) of the divide, as dense indices for the core. */
  readonly sideIndex = new Map<string, number>();
  voteCount = 0;
  private analysis: MatrixAnalysis | null = null;
  private running: Promise<MatrixAnalysis> | null = null;
  /** Dialogues with at least this many votes recompute on a worker thread (below, it costs less inline). */
  workerFrom = RECOMPUTE_ON_WORKER_FROM_VOTES;
  private recomputedAt = 0;
  private live: { at: number; results: LiveResults } | null = null;

  constructor(public dialogue: Dialogue) {
    this.state = new DeliberationState(dialogue.seed);
  }

  /** Participants may see and vote on accepted statements, and on unmoderated ones unless moderation is strict. */
  visible(statement: LiveStatement): boolean {
    return (
      statement.moderation === 'accepted' ||
      (statement.moderation === 'unmoderated' && !this.dialogue.strict_moderation)
    );
  }

  addStatement(s: LiveStatement): void {
    this.statements.set(s.id, s);
    this.state.addStatement(s.id, { moderated: coreModeration(s.moderation), isMeta: s.isMeta });
    this.live = null;
  }

  setModeration(statementId: string, moderation: ModerationState): void {
    const s = this.statements.get(statementId);
    if (!s) return;
    s.moderation = moderation;
    this.state.setModeration(statementId, coreModeration(moderation));
    this.live = null;
  }

  addParticipant(p: LiveParticipant): void {
    if (!this.participants.has(p.id)) {
      this.participants.set(p.id, { ...p, groupId: null });
      this.votedBy.set(p.id, new Map());
    }
    this.setGroup(p.id, p.groupId);
  }

  setGroup(participantId: string, groupId: string | null): void {
    const p = this.participants.get(participantId);
    if (!p) return;
    p.groupId = groupId;
    let side: number | null = null;
    if (groupId !== null) {
      side = this.sideIndex.get(groupId) ?? this.sideIndex.size;
      this.sideIndex.set(groupId, side);
    }
    this.state.declareSide(participantId, side);
    this.live = null;
  }

  applyVote(participantId: string, statementId: string, vote: VoteValue): void {
    const mine = this.votedBy.get(participantId)!;
    if (!mine.has(statementId)) this.voteCount++;
    mine.set(statementId, vote);
    this.state.castVote(participantId, statementId, vote);
  }

  /**
   * The full recompute (PCA, projection, opinion groups), run lazily: only when votes came in since.
   * From `workerFrom` votes on, it runs on a worker thread so that votes go on being taken meanwhile;
   * callers asking while one runs share it.
   */
  async analyse(): Promise<MatrixAnalysis> {
    if (this.analysis && this.state.votesSinceRecompute === 0) return this.analysis;
    if (this.running) return this.running;
    if (this.voteCount < this.workerFrom) return this.adopted(this.state.recompute());
    const snapshot = this.state.snapshot();
    this.running = recomputeOnWorker(snapshot)
      .then((analysis) => this.adopted(this.state.adopt(analysis, snapshot)))
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  private adopted(analysis: MatrixAnalysis): MatrixAnalysis {
    this.analysis = analysis;
    this.recomputedAt = Date.now();
    this.live = null;
    return analysis;
  }

  /**
   * For routing: recompute at most every few seconds, when a participant asks for the next statement,
   * never on the vote path; a failed background recompute leaves the last groups in place.
   */
  maybeRecompute(): void {
    if (this.state.votesSinceRecompute > 0 && Date.now() - this.recomputedAt >= RECOMPUTE_EVERY_MS) {
      this.recomputedAt = Date.now();
      this.analyse().catch(() => undefined);
    }
  }

  /** GIC, repness, consensus and routing priority from the running counts (cached for a second). */
  results(fresh = false): LiveResults {
    const now = Date.now();
    if (fresh || !this.live || now - this.live.at > LIVE_RESULTS_TTL_MS) {
      this.live = { at: now, results: this.state.results() };
    }
    return this.live.results;
  }
}

function coreModeration(moderation: ModerationState): -1 | 0 | 1 {
  return moderation === 'rejected' ? -1 : moderation === 'accepted' ? 1 : 0;
}

interface Registry {
  dialogues: Map<string, Promise<LiveDialogue>>;
  /** Token hash -> participant and dialogue; tokens are only ever added (rotation removes the old one). */
  tokens: Map<string, { participantId: string; dialogueId: string }>;
  votes: VoteQueue;
}

const registries = new WeakMap<Kysely<Database>, Registry>();

function registry(db: Kysely<Database>): Registry {
  let r = registries.get(db);
  if (!r) {
    r = { dialogues: new Map(), tokens: new Map(), votes: new VoteQueue(db) };
    registries.set(db, r);
  }
  return r;
}

async function loadLive(db: Kysely<Database>, dialogueId: string): Promise<LiveDialogue> {
  const dialogue = await repo.getDialogue(db, dialogueId);
  if (!dialogue) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'dialogue' });
  const live = new LiveDialogue(dialogue);
  if (dialogue.divide_id) {
    for (const g of await repo.groupsOfDivide(db, dialogue.divide_id))
      live.sideIndex.set(g.id, live.sideIndex.size);
  }
  for (const s of await repo.listStatements(db, dialogueId)) {
    live.addStatement({
      id: s.id,
      number: s.number,
      text: s.text,
      moderation: s.moderation,
      isMeta: s.is_meta === 1,
    });
  }
  for (const p of await repo.listParticipants(db, dialogueId)) {
    live.addParticipant({ id: p.id, number: p.number, groupId: p.group_id });
  }
  for (const v of await repo.listVotes(db, dialogueId)) {
    live.applyVote(v.participant_id, v.statement_id, v.vote as VoteValue);
  }
  return live;
}

/** The dialogue's live state, loaded from the database on first use. */
export function liveDialogue(db: Kysely<Database>, dialogueId: string): Promise<LiveDialogue> {
  const r = registry(db);
  let live = r.dialogues.get(dialogueId);
  if (!live) {
    live = loadLive(db, dialogueId);
    r.dialogues.set(dialogueId, live);
    live.catch(() => r.dialogues.delete(dialogueId));
  }
  return live;
}

/** Runs `change` on the live state if it is loaded (after the write committed); idempotent changes only. */
export async function ifLive(
  db: Kysely<Database>,
  dialogueId: string,
  change: (live: LiveDialogue) => void,
): Promise<void> {
  const live = registry(db).dialogues.get(dialogueId);
  if (live) change(await live);
}

/** Forgets a dialogue's live state (after a bulk change such as an import into it). */
export function forgetLive(db: Kysely<Database>, dialogueId: string): void {
  registry(db).dialogues.delete(dialogueId);
}

export interface TokenHolder {
  participantId: string;
  dialogueId: string;
}

/** The participant a token names, from memory or the database; undefined when no participant holds it. */
export async function participantOfToken(
  db: Kysely<Database>,
  token: string,
): Promise<TokenHolder | undefined> {
  const hash = hashParticipantToken(token);
  const tokens = registry(db).tokens;
  const known = tokens.get(hash);
  if (known) return known;
  const row = await repo.participantByTokenHash(db, hash);
  if (!row) return undefined;
  const holder = { participantId: row.id, dialogueId: row.dialogue_id };
  tokens.set(hash, holder);
  return holder;
}

/** A rotated token stops working at once. */
export function forgetToken(db: Kysely<Database>, tokenHash: string | null): void {
  if (tokenHash) registry(db).tokens.delete(tokenHash);
}

export function enqueueVote(db: Kysely<Database>, vote: PendingVote): Promise<void> {
  return registry(db).votes.enqueue(vote);
}

export interface PendingVote {
  live: LiveDialogue;
  participantId: string;
  statementId: string;
  vote: VoteValue;
  requestId: string;
  votedAt: string;
}

interface Waiting extends PendingVote {
  resolve(): void;
  reject(error: unknown): void;
}

const replayed = () =>
  new TrackTwoError('TT_ERR_DIALOGUE_REPLAYED_VOTE', { field: 'request_id', reason: 'already used' });

/**
 * Group commit: votes that arrive while a batch is being written wait for the next batch, and each
 * batch is one transaction of two multi-row statements (request ids, then votes). A request id already
 * pending or already in the database is a replay and changes nothing.
 */
class VoteQueue {
  private open: Waiting[] = [];
  private pendingRequests = new Set<string>();
  private running = false;

  constructor(private readonly db: Kysely<Database>) {}

  enqueue(vote: PendingVote): Promise<void> {
    const key = `${vote.participantId} ${vote.requestId}`;
    if (this.pendingRequests.has(key)) return Promise.reject(replayed());
    this.pendingRequests.add(key);
    return new Promise<void>((resolve, reject) => {
      this.open.push({ ...vote, resolve, reject });
      if (!this.running) {
        this.running = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.open.length) {
      const batch = this.open;
      this.open = [];
      // A participant's two votes on one statement in one batch go in successive writes, in order.
      let rest = batch;
      while (rest.length) {
        const seen = new Set<string>();
        const now: Waiting[] = [];
        const later: Waiting[] = [];
        for (const v of rest) {
          const key = `${v.participantId} ${v.statementId}`;
          if (seen.has(key)) later.push(v);
          else {
            seen.add(key);
            now.push(v);
          }
        }
        await this.write(now);
        rest = later;
      }
    }
    this.running = false;
  }

  private async write(batch: Waiting[]): Promise<void> {
    const rows = batch.map((v) => ({
      dialogue_id: v.live.dialogue.id,
      participant_id: v.participantId,
      statement_id: v.statementId,
      vote: v.vote,
      voted_at: v.votedAt,
      request_id: v.requestId,
    }));
    let fresh: Set<string>;
    try {
      fresh = await repo.writeVoteBatch(this.db, rows);
    } catch (error) {
      // One bad vote (e.g. its statement deleted meanwhile) must not fail the others: write one by one.
      if (batch.length > 1) {
        for (const v of batch) await this.write([v]);
        return;
      }
      this.settle(batch[0], error);
      return;
    }
    for (const v of batch) {
      this.settle(v, fresh.has(`${v.participantId} ${v.requestId}`) ? undefined : replayed());
    }
  }

  private settle(v: Waiting, error: unknown): void {
    this.pendingRequests.delete(`${v.participantId} ${v.requestId}`);
    if (error === undefined) {
      v.live.applyVote(v.participantId, v.statementId, v.vote);
      v.resolve();
    } else v.reject(error);
  }
}
