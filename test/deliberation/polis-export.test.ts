import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPolisExport, parsePolisExport, parsePolisVotes } from '../../src/interchange/polis-export.js';
import { TrackTwoError } from '../../src/domain/errors.js';
import { conversations } from '../../bench/deliberation/polis-comparison.js';
import { fixture } from '../support/fixtures.js';

const root = fixture('polis');
const texts = (name: string) => ({
  summary: readFileSync(`${root}/${name}/summary.csv`, 'utf8'),
  comments: readFileSync(`${root}/${name}/comments.csv`, 'utf8'),
  votes: readFileSync(`${root}/${name}/votes.csv`, 'utf8'),
  participantsVotes: readFileSync(`${root}/${name}/participants-votes.csv`, 'utf8'),
});

describe('Pol.is export reading and writing', () => {
  it.each(conversations)('%s is written back byte for byte', (name) => {
    const original = texts(name);
    const data = parsePolisExport(original);
    expect(formatPolisExport(data)).toEqual(original);
  });

  it('reads votes with agree = +1 and the final vote per pair matches participants-votes.csv', () => {
    const data = parsePolisExport(texts('brexit-consensus'));
    const last = new Map<string, number>();
    for (const v of data.votes) last.set(`${v.voterId}:${v.commentId}`, v.vote);
    for (const p of data.participants) {
      for (const [comment, vote] of p.votes) expect(last.get(`${p.id}:${comment}`)).toBe(vote);
      expect(p.agreeCount).toBe([...p.votes.values()].filter((v) => v === 1).length);
    }
  });

  it('rejects a vote that is not 1, -1 or 0, naming row and column', () => {
    const text = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,0,1,2\n';
    try {
      parsePolisVotes(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(TrackTwoError);
      expect((error as TrackTwoError).code).toBe('TT_ERR_CSV_BAD_VALUE');
      expect((error as TrackTwoError).details).toMatchObject({ row: 3, column: 'vote' });
    }
  });

  it('rejects a vote on a comment the export does not hold', () => {
    const original = texts('brexit-consensus');
    const votes = original.votes + '1,x,999,0,1\n';
    expect(() => parsePolisExport({ ...original, votes })).toThrow(/999/);
  });

  it('names the file, row and column of a vote on a comment the export does not hold', () => {
    const comments = 'comment-id,moderated,comment-body\n0,1,Wells first\n';
    const votes = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n2,x,7,0,1\n';
    try {
      parsePolisExport({ comments, votes });
      expect.unreachable();
    } catch (error) {
      expect((error as TrackTwoError).code).toBe('TT_ERR_CSV_BAD_VALUE');
      expect((error as TrackTwoError).details).toMatchObject({
        file: 'votes.csv',
        row: 3,
        column: 'comment-id',
      });
    }
  });

  it('names the file of a row error in any of the files', () => {
    const comments = 'comment-id,moderated,comment-body\n0,1,Wells first,extra\n';
    const votes = 'timestamp,datetime,comment-id,voter-id,vote\n1,x,0,0,1\n';
    expect(() => parsePolisExport({ comments, votes })).toThrow(TrackTwoError);
    try {
      parsePolisExport({ comments, votes });
    } catch (error) {
      expect((error as TrackTwoError).details).toMatchObject({ file: 'comments.csv', row: 2 });
      expect((error as TrackTwoError).details?.reason).toMatch(/^comments\.csv: /);
    }
  });
});
