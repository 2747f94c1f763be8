import { isTrackTwoError, TrackTwoError } from '../domain/errors.js';
import { formatCsv, numberCell, parseCsv, parseCsvRecords } from './csv.js';

/**
 * Pol.is export folders (summary.csv, comments.csv, votes.csv, participants-votes.csv), read into plain
 * records and written back in the same layout. Pure: text in, records out. Exports use agree = +1
 * (Pol.is' own database uses the opposite sign).
 */
export type PolisVoteValue = -1 | 0 | 1;

export interface PolisComment {
  id: string;
  timestamp: number;
  /** Older exports carry a human-readable datetime column. */
  datetime?: string;
  authorId: string;
  agrees: number;
  disagrees: number;
  /** -1 moderated out (hidden), 0 not yet moderated, 1 accepted. */
  moderated: PolisVoteValue;
  isMeta?: boolean;
  isSeed?: boolean;
  groupInformedConsensus?: number;
  body: string;
}

export interface PolisVote {
  timestamp: number;
  datetime: string;
  commentId: string;
  voterId: string;
  vote: PolisVoteValue;
}

export interface PolisParticipant {
  id: string;
  xid?: string;
  /** Pol.is' opinion group at export time; null when the participant was not clustered. */
  groupId: string | null;
  commentCount: number;
  voteCount: number;
  agreeCount: number;
  disagreeCount: number;
  /** Vote per comment id; absent when the participant did not vote on it. */
  votes: Map<string, PolisVoteValue>;
}

export interface PolisExport {
  summary: [string, string][];
  comments: PolisComment[];
  votes: PolisVote[];
  participants: PolisParticipant[];
  /** The comment-id columns of participants-votes.csv, in file order. */
  participantVoteColumns: string[];
  /** Which optional columns the files had, so that writing keeps the layout. */
  layout: { commentColumns: string[]; participantColumns: string[] };
}

export interface PolisExportTexts {
  summary?: string;
  comments: string;
  votes: string;
  participantsVotes?: string;
}

const COMMENT_COLUMNS_CLASSIC = [
  'timestamp',
  'datetime',
  'comment-id',
  'author-id',
  'agrees',
  'disagrees',
  'moderated',
  'comment-body',
];
const PARTICIPANT_FIXED = [
  'participant',
  'xid',
  'group-id',
  'n-comments',
  'n-votes',
  'n-agree',
  'n-disagree',
];

function voteValue(text: string, row: number, column: string): PolisVoteValue {
  const v = numberCell(text, row, column);
  if (v !== 1 && v !== -1 && v !== 0) {
    throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
      row,
      column,
      reason: `a vote is 1, -1 or 0, not ${text}`,
    });
  }
  return v;
}

function booleanCell(text: string, row: number, column: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', { row, column, reason: `"${text}" is not true or false` });
}

export function parsePolisSummary(text: string): [string, string][] {
  return parseCsvRecords(text).map(({ fields }) => [fields[0] ?? '', fields.slice(1).join(',')]);
}

export function parsePolisComments(text: string): { comments: PolisComment[]; columns: string[] } {
  const table = parseCsv(text, { required: ['comment-id', 'moderated', 'comment-body'] });
  const seen = new Set<string>();
  const comments = table.rows.map((row, i) => {
    const at = table.rowNumbers[i];
    const id = row['comment-id'].trim();
    if (id === '' || seen.has(id)) {
      throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
        row: at,
        column: 'comment-id',
        reason: id === '' ? 'a comment id is required' : `comment id ${id} appears twice`,
      });
    }
    seen.add(id);
    const comment: PolisComment = {
      id,
      timestamp: numberCell(row.timestamp ?? '0', at, 'timestamp'),
      authorId: (row['author-id'] ?? '').trim(),
      agrees: numberCell(row.agrees ?? '0', at, 'agrees'),
      disagrees: numberCell(row.disagrees ?? '0', at, 'disagrees'),
      moderated: voteValue(row.moderated, at, 'moderated'),
      body: row['comment-body'],
    };
    if ('datetime' in row) comment.datetime = row.datetime;
    if ('is-meta' in row) comment.isMeta = booleanCell(row['is-meta'], at, 'is-meta');
    if ('is-seed' in row) comment.isSeed = booleanCell(row['is-seed'], at, 'is-seed');
    if ('group-informed-consensus' in row) {
      const g = numberCell(row['group-informed-consensus'], at, 'group-informed-consensus', {
        optional: true,
      });
      if (!Number.isNaN(g)) comment.groupInformedConsensus = g;
    }
    return comment;
  });
  return { comments, columns: table.header };
}

export function parsePolisVotes(text: string): PolisVote[] {
  return readPolisVotes(text).votes;
}

/** The votes with the row number csv.ts gives each, for errors found after parsing. */
function readPolisVotes(text: string): { votes: PolisVote[]; rowNumbers: number[] } {
  const table = parseCsv(text, { required: ['timestamp', 'comment-id', 'voter-id', 'vote'] });
  const votes = table.rows.map((row, i) => {
    const at = table.rowNumbers[i];
    return {
      timestamp: numberCell(row.timestamp, at, 'timestamp'),
      datetime: row.datetime ?? '',
      commentId: row['comment-id'].trim(),
      voterId: row['voter-id'].trim(),
      vote: voteValue(row.vote, at, 'vote'),
    };
  });
  return { votes, rowNumbers: table.rowNumbers };
}

/**
 * An export is up to four files, and a row number alone does not say which: every error of one file
 * names it, as the Kumu reader does.
 */
function inFile<T>(file: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isTrackTwoError(error)) {
      const reason = `${file}: ${error.details?.reason ?? error.message}`;
      throw new TrackTwoError(error.code, { ...error.details, file, reason });
    }
    throw error;
  }
}

export function parsePolisParticipantVotes(text: string): {
  participants: PolisParticipant[];
  voteColumns: string[];
  columns: string[];
} {
  const table = parseCsv(text, { required: ['participant', 'group-id'] });
  const voteColumns = table.header.filter((h) => !PARTICIPANT_FIXED.includes(h));
  const participants = table.rows.map((row, i) => {
    const at = table.rowNumbers[i];
    const votes = new Map<string, PolisVoteValue>();
    for (const c of voteColumns) if (row[c].trim() !== '') votes.set(c, voteValue(row[c], at, c));
    const group = row['group-id'].trim();
    const participant: PolisParticipant = {
      id: row.participant.trim(),
      groupId: group === '' ? null : group,
      commentCount: numberCell(row['n-comments'] ?? '0', at, 'n-comments'),
      voteCount: numberCell(row['n-votes'] ?? '0', at, 'n-votes'),
      agreeCount: numberCell(row['n-agree'] ?? '0', at, 'n-agree'),
      disagreeCount: numberCell(row['n-disagree'] ?? '0', at, 'n-disagree'),
      votes,
    };
    if ('xid' in row) participant.xid = row.xid;
    return participant;
  });
  return { participants, voteColumns, columns: table.header.filter((h) => PARTICIPANT_FIXED.includes(h)) };
}

/** Reads a whole export; votes must name known comments. */
export function parsePolisExport(texts: PolisExportTexts): PolisExport {
  const { comments, columns: commentColumns } = inFile('comments.csv', () =>
    parsePolisComments(texts.comments),
  );
  const { votes, rowNumbers } = inFile('votes.csv', () => readPolisVotes(texts.votes));
  const known = new Set(comments.map((c) => c.id));
  votes.forEach((v, i) => {
    if (!known.has(v.commentId)) {
      throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
        file: 'votes.csv',
        row: rowNumbers[i],
        column: 'comment-id',
        reason: `votes.csv names comment ${v.commentId}, which comments.csv does not hold`,
      });
    }
  });
  const participantsVotes = texts.participantsVotes;
  const pv = participantsVotes
    ? inFile('participants-votes.csv', () => parsePolisParticipantVotes(participantsVotes))
    : { participants: [], voteColumns: [], columns: [] };
  const summary = texts.summary;
  return {
    summary: summary ? inFile('summary.csv', () => parsePolisSummary(summary)) : [],
    comments,
    votes,
    participants: pv.participants,
    participantVoteColumns: pv.voteColumns,
    layout: { commentColumns, participantColumns: pv.columns },
  };
}

export function formatPolisSummary(summary: [string, string][]): string {
  return formatCsv(
    ['key', 'value'],
    summary.map(([key, value]) => ({ key, value })),
  )
    .split('\n')
    .slice(1)
    .join('\n');
}

export function formatPolisComments(
  comments: PolisComment[],
  columns: string[] = COMMENT_COLUMNS_CLASSIC,
): string {
  const boolean = (b: boolean | undefined) => (b === undefined ? '' : String(b));
  return formatCsv(
    columns,
    comments.map((c) => ({
      timestamp: c.timestamp,
      datetime: c.datetime,
      'comment-id': c.id,
      'author-id': c.authorId,
      agrees: c.agrees,
      disagrees: c.disagrees,
      moderated: c.moderated,
      'is-meta': boolean(c.isMeta),
      'is-seed': boolean(c.isSeed),
      'group-informed-consensus': c.groupInformedConsensus,
      'comment-body': c.body,
    })),
  );
}

/** One translation of a comment: tracktwo's extra file beside a Pol.is export (comments keep the original). */
export interface PolisCommentTranslation {
  commentId: string;
  language: string;
  status: string;
  body: string;
}

/**
 * `comment-translations.csv`: comment-id, the original's language, each translation's language, status
 * and body. Pol.is tools ignore a file they do not know, so the four Pol.is files stay as Pol.is writes them.
 */
export function formatPolisCommentTranslations(
  rows: readonly (PolisCommentTranslation & { originalLanguage: string })[],
): string {
  return formatCsv(
    ['comment-id', 'original-language', 'language', 'status', 'comment-body'],
    rows.map((r) => ({
      'comment-id': r.commentId,
      'original-language': r.originalLanguage,
      language: r.language,
      status: r.status,
      'comment-body': r.body,
    })),
  );
}

export function formatPolisVotes(votes: PolisVote[]): string {
  return formatCsv(
    ['timestamp', 'datetime', 'comment-id', 'voter-id', 'vote'],
    votes.map((v) => ({
      timestamp: v.timestamp,
      datetime: v.datetime,
      'comment-id': v.commentId,
      'voter-id': v.voterId,
      vote: v.vote,
    })),
  );
}

export function formatPolisParticipantVotes(
  participants: PolisParticipant[],
  voteColumns: string[],
  fixedColumns: string[] = PARTICIPANT_FIXED.filter((c) => c !== 'xid'),
): string {
  return formatCsv(
    [...fixedColumns, ...voteColumns],
    participants.map((p) => {
      const row: Record<string, unknown> = {
        participant: p.id,
        xid: p.xid,
        'group-id': p.groupId,
        'n-comments': p.commentCount,
        'n-votes': p.voteCount,
        'n-agree': p.agreeCount,
        'n-disagree': p.disagreeCount,
      };
      for (const c of voteColumns) row[c] = p.votes.get(c);
      return row;
    }),
  );
}

/** Writes a whole export back in the layout it was read in (or Pol.is' classic layout). */
export function formatPolisExport(data: PolisExport): Required<PolisExportTexts> {
  return {
    summary: formatPolisSummary(data.summary),
    comments: formatPolisComments(
      data.comments,
      data.layout.commentColumns.length ? data.layout.commentColumns : undefined,
    ),
    votes: formatPolisVotes(data.votes),
    participantsVotes: formatPolisParticipantVotes(
      data.participants,
      data.participantVoteColumns,
      data.layout.participantColumns.length ? data.layout.participantColumns : undefined,
    ),
  };
}
