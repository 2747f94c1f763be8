import { describe, expect, it } from 'vitest';
import { dateOrderIssue } from '../../src/domain/date-order.js';
import { checkTieDates, checkTieEnds, checkTieScope } from '../../src/domain/tie-checks.js';
import { tieCreateSchema, tiePatchSchema } from '../../src/domain/tie.js';

const [ws, cf, a1, a2] = [
  '6f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f',
  '7f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f',
  '8f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f',
  '9f1c2d4e-8a9b-4c3d-9e2f-1a2b3c4d5e6f',
];

describe('dateOrderIssue', () => {
  it('names the end field of a range that runs backwards', () => {
    expect(dateOrderIssue({ from: '2024-02-01', to: '2024-01-31' }, 'from', 'to')).toEqual({
      field: 'to',
      reason: 'to must be on or after from',
    });
  });

  it('passes a range in order, a one-day range and open bounds', () => {
    expect(dateOrderIssue({ from: '2024-01-01', to: '2024-12-31' }, 'from', 'to')).toBeUndefined();
    expect(dateOrderIssue({ from: '2024-01-01', to: '2024-01-01' }, 'from', 'to')).toBeUndefined();
    expect(dateOrderIssue({ from: null, to: '2000-01-01' }, 'from', 'to')).toBeUndefined();
    expect(dateOrderIssue({ from: '2030-01-01' }, 'from', 'to')).toBeUndefined();
  });
});

describe('checkTieEnds', () => {
  it('refuses a tie from an actor to itself, on target_actor_id', () => {
    expect(checkTieEnds({ source_actor_id: a1, target_actor_id: a1 })).toEqual({
      field: 'target_actor_id',
      reason: 'a tie joins two different actors',
    });
    expect(checkTieEnds({ source_actor_id: a1, target_actor_id: a2 })).toBeUndefined();
  });
});

describe('checkTieDates', () => {
  it('refuses validity that ends before it starts, on valid_to', () => {
    expect(checkTieDates({ valid_from: '2024-05-01', valid_to: '2024-04-30' })).toEqual({
      field: 'valid_to',
      reason: 'valid_to must be on or after valid_from',
    });
    expect(checkTieDates({ valid_from: '2024-05-01', valid_to: null })).toBeUndefined();
    expect(checkTieDates({})).toBeUndefined();
  });

  it('is the check the schemas refine with, with the same field and message', () => {
    const base = {
      workspace_id: ws,
      conflict_id: cf,
      source_actor_id: a1,
      target_actor_id: a2,
      kind: 'knows',
    };
    const backwards = { valid_from: '2024-05-01', valid_to: '2024-04-30' };
    for (const result of [
      tieCreateSchema.safeParse({ ...base, ...backwards }),
      tiePatchSchema.safeParse(backwards),
    ]) {
      expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
        ['valid_to', 'valid_to must be on or after valid_from'],
      ]);
    }
    const loop = tieCreateSchema.safeParse({ ...base, target_actor_id: a1 });
    expect(loop.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['target_actor_id', 'a tie joins two different actors'],
    ]);
  });
});

describe('checkTieScope', () => {
  const tie = { workspace_id: ws, conflict_id: cf, source_actor_id: a1, target_actor_id: a2 };
  const here = { workspace_id: ws, conflict_id: cf };

  it('passes a tie whose ends both lie in its conflict', () => {
    expect(
      checkTieScope(
        tie,
        new Map([
          [a1, here],
          [a2, here],
        ]),
      ),
    ).toBeUndefined();
  });

  it('names the first end that is missing or lies elsewhere', () => {
    const reason = "both ends of a tie must be actors of the tie's conflict";
    expect(checkTieScope(tie, new Map([[a1, here]]))).toEqual({ field: 'target_actor_id', reason });
    expect(
      checkTieScope(
        tie,
        new Map([
          [a1, { ...here, conflict_id: a2 }],
          [a2, here],
        ]),
      ),
    ).toEqual({
      field: 'source_actor_id',
      reason,
    });
    expect(
      checkTieScope(
        tie,
        new Map([
          [a1, here],
          [a2, { ...here, workspace_id: a1 }],
        ]),
      ),
    ).toEqual({
      field: 'target_actor_id',
      reason,
    });
  });
});
