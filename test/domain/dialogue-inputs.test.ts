import { describe, expect, it } from 'vitest';
import { isVoteValue, tokenIssueSchema, voteSchema } from '../../src/domain/dialogue.js';
import { validationError } from '../../src/server/error-handler.js';

const statement_id = '8f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f';

describe('votes', () => {
  it('are agree 1, disagree -1 or pass 0', () => {
    expect([1, -1, 0].every(isVoteValue)).toBe(true);
    expect([2, -2, 0.5, Number.NaN].some(isVoteValue)).toBe(false);
    for (const vote of [1, -1, 0])
      expect(voteSchema.parse({ statement_id, vote })).toEqual({ statement_id, vote });
  });

  it('refuse another number with the vote error, and a non-number as invalid input', () => {
    const outOfRange = voteSchema.safeParse({ statement_id, vote: 2 });
    expect(outOfRange.success).toBe(false);
    expect(validationError(outOfRange.error!, 'body')).toMatchObject({
      code: 'TT_ERR_DIALOGUE_BAD_VOTE',
      details: { field: 'vote', in: 'body' },
    });
    const text = voteSchema.safeParse({ statement_id, vote: 'agree' });
    expect(validationError(text.error!, 'body').code).toBe('TT_ERR_VALIDATION');
    // The first field at fault decides the code, as it decides the field named.
    const both = voteSchema.safeParse({ statement_id: 'nope', vote: 2 });
    expect(validationError(both.error!, 'body')).toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'statement_id' },
    });
  });
});

describe('participant tokens', () => {
  it('are one per linked actor, any number otherwise', () => {
    expect(tokenIssueSchema.parse({ count: 30 })).toEqual({ count: 30, actor_id: null, group_id: null });
    expect(tokenIssueSchema.parse({ actor_id: statement_id })).toMatchObject({ count: 1 });
    const many = tokenIssueSchema.safeParse({ count: 2, actor_id: statement_id });
    expect(many.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['count', 'one token per linked actor'],
    ]);
  });
});
