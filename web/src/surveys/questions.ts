import type { Instrument } from '../../../src/domain/instruments.js';
import type { SurveyAnswer } from '../../../src/domain/survey.js';
import type { SurveyForm } from '../../../src/domain/survey-results.js';
import type { SurveyLanguage } from './survey-vocabulary.js';

/** One instrument as a form asks it: the server's link form has this shape, and so does a facilitator's. */
export type FormInstrument = SurveyForm['instruments'][number];
export type Answers = Record<string, string>;

type Localised = { en: string; fr: string; ar?: string };

function localise(text: Localised, language: SurveyLanguage, outGroup: string | null): string {
  const chosen = text[language] ?? text.en;
  return outGroup === null ? chosen : chosen.split('{outGroup}').join(outGroup);
}

/**
 * The survey's instruments as questions (as the server's `surveyForm` builds them for a link), for a
 * facilitator typing in a paper form: per-out-group instruments once per out-group.
 */
export function questionsOf(
  instruments: readonly Instrument[],
  outGroups: readonly string[],
  language: SurveyLanguage,
): FormInstrument[] {
  return instruments.flatMap((instrument) =>
    (instrument.perOutGroup ? outGroups : [null]).map((outGroup) => ({
      id: instrument.id,
      name: localise(instrument.name, language, null),
      instructions: localise(instrument.instructions, language, outGroup),
      out_group: outGroup,
      scale: instrument.scale,
      items: instrument.items.map((item) => ({ id: item.id, text: localise(item.text, language, outGroup) })),
      draft_translation: instrument.translationStatus[language] !== 'reviewed',
    })),
  );
}

export function answerKey(instrument: string, outGroup: string | null, item: string): string {
  return `${instrument}|${outGroup ?? ''}|${item}`;
}

/** Earlier answers (a link holder's own) as the form's values. */
export function answersToValues(answers: readonly SurveyAnswer[] | null): Answers {
  const values: Answers = {};
  for (const answer of answers ?? []) {
    if (answer.value !== null)
      values[answerKey(answer.instrument, answer.out_group, answer.item)] = String(answer.value);
  }
  return values;
}

/** What a question's value may be: on the scale, on its step. Returns an error key or null. */
export function checkValue(scale: FormInstrument['scale'], raw: string): 'outOfScale' | null {
  if (raw.trim() === '') return null;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) return 'outOfScale';
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) > 1e-9 ? 'outOfScale' : null;
}

/** The answers to send; an item left blank is sent as no answer (null), which scoring counts as missing. */
export function valuesToAnswers(questions: readonly FormInstrument[], values: Answers): SurveyAnswer[] {
  return questions.flatMap((question) =>
    question.items.map((item) => {
      const raw = values[answerKey(question.id, question.out_group, item.id)] ?? '';
      return {
        instrument: question.id,
        out_group: question.out_group,
        item: item.id,
        value: raw.trim() === '' ? null : Number(raw),
      };
    }),
  );
}

/** Field errors by answer key, for the form to show beside each question. */
export function checkAnswers(questions: readonly FormInstrument[], values: Answers): Record<string, boolean> {
  const wrong: Record<string, boolean> = {};
  for (const question of questions) {
    for (const item of question.items) {
      const key = answerKey(question.id, question.out_group, item.id);
      if (checkValue(question.scale, values[key] ?? '')) wrong[key] = true;
    }
  }
  return wrong;
}

export function hasAnyAnswer(values: Answers): boolean {
  return Object.values(values).some((value) => value.trim() !== '');
}
