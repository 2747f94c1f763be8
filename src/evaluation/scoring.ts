import { TrackTwoError } from '../domain/errors.js';
import type { Instrument } from '../domain/instruments.js';
import { scaleFault } from '../domain/survey-values.js';

/**
 * Scoring of one respondent's answers to one instrument: reverse-scored items are turned round
 * (min + max - answer), the score is the single item or the mean of the answered items, and with
 * fewer answers than the instrument's `minAnswered` there is no score (null): we never impute.
 */

/** Answers keyed by item id; null or absent means not answered. */
export type ItemAnswers = Readonly<Record<string, number | null | undefined>>;

export interface InstrumentScore {
  instrumentId: string;
  score: number | null;
  answered: number;
  required: number;
  /** Why there is no score, when there is none. */
  missingReason: string | null;
}

/** Checks one answer against the scale; throws a coded error naming the item. */
export function checkAnswer(instrument: Instrument, itemId: string, value: number): void {
  const { min, max, step } = instrument.scale;
  const fault = scaleFault(instrument.scale, value);
  if (fault === 'outside') {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: `answers.${itemId}`,
      reason: `${value} is outside the scale ${min} to ${max}`,
    });
  }
  if (fault === 'off_step') {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: `answers.${itemId}`,
      reason: `${value} is not on the scale's steps of ${step}`,
    });
  }
}

/** The value an answer contributes, reverse-scored where the item says so. */
export function scoredValue(instrument: Instrument, itemId: string, value: number): number {
  const item = instrument.items.find((i) => i.id === itemId);
  if (!item) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: `answers.${itemId}`,
      reason: 'no such item in the instrument',
    });
  }
  checkAnswer(instrument, itemId, value);
  return item.reverse ? instrument.scale.min + instrument.scale.max - value : value;
}

export function scoreInstrument(instrument: Instrument, answers: ItemAnswers): InstrumentScore {
  for (const key of Object.keys(answers)) {
    if (!instrument.items.some((i) => i.id === key)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: `answers.${key}`,
        reason: 'no such item in the instrument',
      });
    }
  }
  const values: number[] = [];
  for (const item of instrument.items) {
    const answer = answers[item.id];
    if (answer === null || answer === undefined) continue;
    values.push(scoredValue(instrument, item.id, answer));
  }
  const required = instrument.scoring.minAnswered;
  if (values.length < required) {
    return {
      instrumentId: instrument.id,
      score: null,
      answered: values.length,
      required,
      missingReason: `${values.length} of ${instrument.items.length} items answered; ${required} needed`,
    };
  }
  const score = values.reduce((a, b) => a + b, 0) / values.length;
  return { instrumentId: instrument.id, score, answered: values.length, required, missingReason: null };
}

/**
 * Cronbach's alpha of a set of complete answer sheets (already reverse-scored by scoreInstrument's
 * rules), to report a scale's reliability beside its effects; sheets with a missing item are left out.
 */
export function cronbachAlpha(instrument: Instrument, sheets: readonly ItemAnswers[]): number | null {
  const k = instrument.items.length;
  if (k < 2) return null;
  const complete = sheets
    .filter((s) => instrument.items.every((i) => s[i.id] !== null && s[i.id] !== undefined))
    .map((s) => instrument.items.map((i) => scoredValue(instrument, i.id, s[i.id] as number)));
  if (complete.length < 2) return null;
  const variance = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  };
  let itemVariances = 0;
  for (let j = 0; j < k; j++) itemVariances += variance(complete.map((row) => row[j]));
  const totalVariance = variance(complete.map((row) => row.reduce((a, b) => a + b, 0)));
  if (!(totalVariance > 0)) return null;
  return (k / (k - 1)) * (1 - itemVariances / totalVariance);
}
