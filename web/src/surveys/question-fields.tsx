import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { answerKey, type Answers, type FormInstrument } from './questions.js';
import type { SurveyLanguage } from '../../../src/domain/survey-values.js';

/** Radio buttons up to this many points (a 7-point Likert scale); a number box beyond (a 0–100 thermometer). */
const MAX_RADIOS = 11;

type Anchor = FormInstrument['scale']['anchors'][number];

function anchorText(anchor: Anchor, language: SurveyLanguage): string {
  return anchor.label[language] ?? anchor.label.en;
}

function points(scale: FormInstrument['scale']): number[] {
  const list: number[] = [];
  for (let value = scale.min; value <= scale.max + 1e-9; value += scale.step)
    list.push(Number(value.toFixed(6)));
  return list;
}

interface ItemProps {
  question: FormInstrument;
  item: { id: string; text: string };
  language: SurveyLanguage;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}

function ScaleItem({ question, item, language, value, invalid, onChange }: ItemProps) {
  const { t } = useTranslation();
  const id = useId();
  const { scale } = question;
  const values = points(scale);
  const anchors = new Map(scale.anchors.map((anchor) => [anchor.value, anchorText(anchor, language)]));
  if (values.length <= MAX_RADIOS) {
    return (
      <fieldset className={invalid ? 'scale-item field-invalid' : 'scale-item'}>
        <legend>{item.text}</legend>
        <div className="scale-options">
          {values.map((point) => (
            <label key={point} className="scale-option">
              <input
                type="radio"
                name={id}
                value={point}
                checked={value === String(point)}
                onChange={() => onChange(String(point))}
              />
              <span>
                {point}
                {anchors.has(point) ? ` – ${anchors.get(point)}` : ''}
              </span>
            </label>
          ))}
          <label className="scale-option">
            <input type="radio" name={id} value="" checked={value === ''} onChange={() => onChange('')} />
            <span>{t('answer.noAnswer')}</span>
          </label>
        </div>
      </fieldset>
    );
  }
  const hint = scale.anchors.map((anchor) => `${anchor.value} = ${anchorText(anchor, language)}`).join('; ');
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{item.text}</label>
      <p className="hint" id={`${id}-hint`}>
        {hint}
      </p>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={invalid || undefined}
        aria-describedby={`${id}-hint${invalid ? ` ${id}-error` : ''}`}
      />
      {invalid && (
        <p className="field-error" id={`${id}-error`}>
          {t('answer.outOfScale', { min: scale.min, max: scale.max })}
        </p>
      )}
    </div>
  );
}

/** Every question of a survey form, grouped by instrument (and out-group), one block each. */
export function QuestionFields({
  questions,
  language,
  values,
  invalid,
  onChange,
}: {
  questions: readonly FormInstrument[];
  language: SurveyLanguage;
  values: Answers;
  invalid: Record<string, boolean>;
  onChange: (key: string, value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {questions.map((question) => (
        <section key={`${question.id}|${question.out_group ?? ''}`} className="question-block">
          <h3>
            {question.name}
            {question.out_group ? `: ${question.out_group}` : ''}
          </h3>
          <p>{question.instructions}</p>
          {question.draft_translation && <p className="hint">{t('answer.draftTranslation')}</p>}
          {question.items.map((item) => {
            const key = answerKey(question.id, question.out_group, item.id);
            return (
              <ScaleItem
                key={key}
                question={question}
                item={item}
                language={language}
                value={values[key] ?? ''}
                invalid={!!invalid[key]}
                onChange={(value) => onChange(key, value)}
              />
            );
          })}
        </section>
      ))}
    </>
  );
}
