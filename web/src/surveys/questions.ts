import type { SurveyAnswer } from '../../../src/domain/survey.js';
import { scaleFault, type FormInstrument } from '../../../src/domain/survey-values.js';

/** One instrument as a form asks it (the server's `formInstruments`, for a link and for a facilitator). */
export type { FormInstrument };
export type Answers = Record<string, string>;

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

/** What a question's value may be: on the scale, on its step (the server's rule). Returns an error key or null. */
export function checkValue(scale: FormInstrument['scale'], raw: string): 'outOfScale' | null {
  if (raw.trim() === '') return null;
  return scaleFault(scale, Number(raw)) ? 'outOfScale' : null;
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
