import { describe, expect, it } from 'vitest';
import {
  customInstrument,
  findInstrument,
  instrumentLibrary,
  instrumentSchema,
  intergroupAnxiety,
  localise,
} from '../../src/domain/instruments.js';
import { cronbachAlpha, scoreInstrument } from '../../src/evaluation/scoring.js';

const anxiety = findInstrument('intergroup-anxiety')!;
const trust = findInstrument('outgroup-trust')!;
const thermometer = findInstrument('feeling-thermometer')!;
const distance = findInstrument('bogardus-social-distance')!;

describe('instrument library', () => {
  it('holds the four standard instruments, each translated into English, French and Arabic', () => {
    expect(instrumentLibrary.map((i) => i.kind)).toEqual([
      'feeling_thermometer',
      'social_distance',
      'outgroup_trust',
      'intergroup_anxiety',
    ]);
    for (const instrument of instrumentLibrary) {
      for (const item of instrument.items) {
        expect(item.text.fr.length).toBeGreaterThan(0);
        expect(item.text.ar?.length).toBeGreaterThan(0);
      }
      expect(instrument.translationStatus.ar).toBe('draft');
    }
    expect(thermometer.scale).toMatchObject({ min: 0, max: 100 });
    expect(distance.scale.anchors).toHaveLength(7);
  });

  it('reverse-scores the positive feelings of the intergroup anxiety scale (Stephan & Stephan 1985)', () => {
    expect(anxiety.items).toHaveLength(11);
    expect(anxiety.items.filter((i) => i.reverse).map((i) => i.id)).toEqual([
      'certain',
      'happy',
      'accepted',
      'confident',
    ]);
  });

  it('fills in the out-group and falls back to English', () => {
    expect(localise(trust.items[0].text, 'fr', 'les Bleus')).toBe(
      'Je peux faire confiance aux membres de les Bleus.',
    );
    expect(localise({ en: 'Hello {outGroup}', fr: 'Bonjour {outGroup}' }, 'ar', 'X')).toBe('Hello X');
  });

  it('validates custom instruments with the same rules', () => {
    const custom = customInstrument({
      id: 'shared-future',
      version: 1,
      name: { en: 'Shared future', fr: 'Avenir commun' },
      instructions: { en: 'Agree or disagree.', fr: 'D\u2019accord ou pas.' },
      source: 'convener',
      perOutGroup: false,
      scale: { min: 1, max: 5, step: 1, anchors: [] },
      items: [
        {
          id: 'hope',
          text: { en: 'I hope for a shared future.', fr: 'J\u2019esp\u00e8re un avenir commun.' },
        },
        {
          id: 'doubt',
          text: { en: 'I doubt peace is possible.', fr: 'Je doute que la paix soit possible.' },
          reverse: true,
        },
      ],
      scoring: { method: 'mean', minAnswered: 2, higherMeans: 'more' },
      translationStatus: { en: 'reviewed', fr: 'reviewed' },
    });
    expect(custom.kind).toBe('custom');
    expect(scoreInstrument(custom, { hope: 5, doubt: 1 }).score).toBe(5);
    const duplicate = instrumentSchema.safeParse({
      ...intergroupAnxiety,
      items: [intergroupAnxiety.items[0], intergroupAnxiety.items[0]],
    });
    expect(duplicate.success).toBe(false);
  });
});

describe('scoring', () => {
  it('takes the mean of items after reverse scoring', () => {
    // certain (reverse) = 10 -> 1; happy (reverse) = 1 -> 10; the others as given.
    const answers = {
      certain: 10,
      awkward: 2,
      self_conscious: 3,
      happy: 1,
      accepted: 5,
      confident: 6,
      irritated: 2,
      impatient: 1,
      defensive: 4,
      suspicious: 3,
      careful: 7,
    };
    const expected = (1 + 2 + 3 + 10 + 6 + 5 + 2 + 1 + 4 + 3 + 7) / 11;
    expect(scoreInstrument(anxiety, answers).score).toBeCloseTo(expected, 12);
  });

  it('scores with enough answers and refuses to guess with too few', () => {
    const partial = scoreInstrument(trust, { trust_general: 6, trust_word: 5, trust_suspicion: 2 });
    expect(partial.score).toBeCloseTo((6 + 5 + 6) / 3, 12);
    const tooFew = scoreInstrument(trust, { trust_general: 6, trust_word: null });
    expect(tooFew.score).toBeNull();
    expect(tooFew.missingReason).toBe('1 of 4 items answered; 3 needed');
  });

  it('rejects answers off the scale or for unknown items, naming the item', () => {
    expect(() => scoreInstrument(thermometer, { warmth: 101 })).toThrowError(/answers\.warmth/);
    expect(() => scoreInstrument(distance, { closest_accepted: 2.5 })).toThrowError(/steps/);
    expect(() => scoreInstrument(trust, { nope: 3 })).toThrowError(/no such item/);
  });

  it('computes Cronbach\u2019s alpha after reverse scoring (R 4.2.2: k/(k-1) (1 - sum(var(items)) / var(total)))', () => {
    const rows = [
      [6, 5, 2, 6],
      [4, 4, 4, 3],
      [2, 3, 6, 2],
      [5, 6, 3, 4],
      [3, 2, 5, 4],
      [7, 6, 1, 6],
    ];
    const sheets = rows.map(([a, b, c, d]) => ({
      trust_general: a,
      trust_word: b,
      trust_suspicion: c,
      trust_interests: d,
    }));
    expect(cronbachAlpha(trust, sheets)).toBeCloseTo(0.958365261814, 10);
    // A sheet with a missing item is left out; fewer than two complete sheets give no alpha.
    expect(cronbachAlpha(trust, [...sheets, { trust_general: 1 }])).toBeCloseTo(0.958365261814, 10);
    expect(cronbachAlpha(trust, sheets.slice(0, 1))).toBeNull();
  });
});
