import { describe, expect, it } from 'vitest';
import {
  MAX_STRENGTH,
  firstMeeting,
  metAgain,
  metPairs,
  orderedPair,
  pairKey,
  storedEnds,
} from '../../src/domain/met-ties.js';

describe('metPairs', () => {
  it('pairs every two newcomers once, each pair in id order', () => {
    const pairs = metPairs(['c', 'a', 'b']);
    expect([...pairs.values()].sort()).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
    for (const [key, pair] of pairs) expect(key).toBe(pairKey(pair));
  });

  it('has newcomers meet those present, but not those present meet each other again', () => {
    expect([...metPairs(['d'], ['a', 'b', 'c']).values()].sort()).toEqual([
      ['a', 'd'],
      ['b', 'd'],
      ['c', 'd'],
    ]);
    expect(metPairs([], ['a', 'b']).size).toBe(0);
  });

  it('counts a name given twice, or given as newcomer and present, once', () => {
    expect([...metPairs(['a', 'b', 'a'], ['b']).values()]).toEqual([['a', 'b']]);
    expect(metPairs(['a']).size).toBe(0);
  });
});

describe('orderedPair', () => {
  it('gives one key whichever way round', () => {
    expect(orderedPair('b', 'a')).toEqual(['a', 'b']);
    expect(pairKey(orderedPair('b', 'a'))).toBe(pairKey(orderedPair('a', 'b')));
  });
});

describe('firstMeeting', () => {
  it('is an undirected weak tie valid on the day, sourced from the meeting', () => {
    expect(firstMeeting('2024-03-10')).toEqual({
      kind: 'met',
      directed: false,
      strength: 1,
      valid_from: '2024-03-10',
      valid_to: '2024-03-10',
      source: 'meeting',
      confidence: 1,
    });
  });
});

describe('metAgain', () => {
  const tie = { strength: 2, valid_from: '2024-03-10', valid_to: '2024-03-10' };

  it('strengthens by one and widens the dates to take in the day', () => {
    expect(metAgain(tie, '2024-01-05')).toEqual({
      strength: 3,
      valid_from: '2024-01-05',
      valid_to: '2024-03-10',
    });
    expect(metAgain(tie, '2024-07-20')).toEqual({
      strength: 3,
      valid_from: '2024-03-10',
      valid_to: '2024-07-20',
    });
    expect(metAgain(tie, '2024-03-10')).toEqual({ ...tie, strength: 3 });
  });

  it('stops at the top of the scale', () => {
    expect(metAgain({ ...tie, strength: MAX_STRENGTH - 1 }, '2024-03-10').strength).toBe(MAX_STRENGTH);
    expect(metAgain({ ...tie, strength: MAX_STRENGTH }, '2024-03-10').strength).toBe(MAX_STRENGTH);
  });

  it('keeps an open bound open', () => {
    expect(metAgain({ strength: 1, valid_from: null, valid_to: null }, '2025-02-02')).toEqual({
      strength: 2,
      valid_from: null,
      valid_to: null,
    });
  });
});

describe('storedEnds', () => {
  it('stores a met tie undirected, its ends in id order', () => {
    expect(storedEnds({ kind: 'met', source_actor_id: 'b', target_actor_id: 'a', directed: true })).toEqual({
      source_actor_id: 'a',
      target_actor_id: 'b',
      directed: false,
    });
  });

  it('keeps the ends and direction of any other tie', () => {
    expect(
      storedEnds({ kind: 'influences', source_actor_id: 'b', target_actor_id: 'a', directed: true }),
    ).toEqual({ source_actor_id: 'b', target_actor_id: 'a', directed: true });
    expect(storedEnds({ kind: 'knows', source_actor_id: 'b', target_actor_id: 'a' }).directed).toBe(false);
  });
});
