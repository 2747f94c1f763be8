import type { Instrument, LocalisedText, ResponseScale } from './instruments.js';

/**
 * The survey values both sides of the wire need, without zod: the languages, waves and library instrument
 * ids; how an instrument is put in words for one language and out-group; what an answer may be on its
 * scale. instruments.ts and survey.ts build their schemas from these lists; the browser app imports them.
 */

/** The languages a survey may be asked in: the web app's seven (see web/src/i18n). */
export const surveyLanguages = ['en', 'fr', 'ar', 'he', 'so', 'sw', 'ln'] as const;
export type SurveyLanguage = (typeof surveyLanguages)[number];

export function isSurveyLanguage(code: string): code is SurveyLanguage {
  return (surveyLanguages as readonly string[]).includes(code);
}

export const surveyWaves = ['baseline', 'post', 'follow_up'] as const;

/** The ids of instruments.ts's `instrumentLibrary`, in its order (it refuses to load when they differ). */
export const libraryInstrumentIds = [
  'feeling-thermometer',
  'bogardus-social-distance',
  'outgroup-trust',
  'intergroup-anxiety',
] as const;

/** Item text in a language (falling back to English where a translation is missing), out-group filled in. */
export function localise(text: LocalisedText, language: SurveyLanguage, outGroup?: string): string {
  const chosen = text[language] ?? text.en;
  return outGroup === undefined ? chosen : chosen.split('{outGroup}').join(outGroup);
}

/** Why a value cannot be an answer on a scale (off it, or between its steps), or null when it can. */
export function scaleFault(
  scale: Pick<ResponseScale, 'min' | 'max' | 'step'>,
  value: number,
): 'outside' | 'off_step' | null {
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) return 'outside';
  const steps = (value - scale.min) / scale.step;
  return Math.abs(steps - Math.round(steps)) > 1e-9 ? 'off_step' : null;
}

/**
 * Every text of an instrument in one language: what a translator writes and a reviewer approves. Items
 * and anchors by their id and value; `{outGroup}` stays where English has it.
 */
export interface InstrumentTexts {
  name: string;
  instructions: string;
  items: Record<string, string>;
  anchors: Record<string, string>;
}

/** The instrument's own texts in a language (the library's, or a custom instrument's), or null if incomplete. */
export function ownTexts(instrument: Instrument, language: SurveyLanguage): InstrumentTexts | null {
  const name = instrument.name[language];
  const instructions = instrument.instructions[language];
  if (!name || !instructions) return null;
  const items: Record<string, string> = {};
  for (const item of instrument.items) {
    const text = item.text[language];
    if (!text) return null;
    items[item.id] = text;
  }
  const anchors: Record<string, string> = {};
  for (const anchor of instrument.scale.anchors) {
    const text = anchor.label[language];
    if (!text) return null;
    anchors[String(anchor.value)] = text;
  }
  return { name, instructions, items, anchors };
}

/** The English texts, which every instrument has: what a translation is made from. */
export function englishTexts(instrument: Instrument): InstrumentTexts {
  return ownTexts(instrument, 'en')!;
}

/**
 * Where an instrument's texts in a language stand: `reviewed` (English, and the library's checked
 * translations), `approved` (a survey's translation a reviewer approved), `draft` (written, not yet
 * approved; also the library's unchecked translations) or `missing`. Respondents are asked only in
 * reviewed or approved texts.
 */
export type TranslationStanding = 'reviewed' | 'approved' | 'draft' | 'missing';

export function translationStanding(
  instrument: Instrument,
  language: SurveyLanguage,
  saved: { status: 'draft' | 'approved' } | undefined,
): TranslationStanding {
  if (language === 'en') return 'reviewed';
  if (saved) return saved.status;
  if (!ownTexts(instrument, language)) return 'missing';
  return instrument.translationStatus[language] === 'reviewed' ? 'reviewed' : 'draft';
}

export const askable = (standing: TranslationStanding) => standing === 'reviewed' || standing === 'approved';

/** One instrument as a form asks it, in one language, for one out-group (null: not per out-group). */
export interface FormInstrument {
  id: string;
  name: string;
  instructions: string;
  out_group: string | null;
  scale: ResponseScale;
  items: { id: string; text: string }[];
  /** Texts not yet checked by a second person (only a facilitator's own entry form shows them). */
  draft_translation: boolean;
}

const fill = (text: string, outGroup: string | null) =>
  outGroup === null ? text : text.split('{outGroup}').join(outGroup);

/**
 * A survey's instruments as a form asks them: per-out-group instruments once per out-group; in the
 * approved translations given (instrument id -> texts) where there is one, else in the instrument's own.
 */
export function formInstruments(
  instruments: readonly Instrument[],
  outGroups: readonly string[],
  language: SurveyLanguage,
  approved: Readonly<Record<string, InstrumentTexts>> = {},
): FormInstrument[] {
  return instruments.flatMap((instrument) => {
    const texts = approved[instrument.id];
    return (instrument.perOutGroup ? outGroups : [null]).map((outGroup) => ({
      id: instrument.id,
      name: texts ? texts.name : localise(instrument.name, language),
      instructions: texts
        ? fill(texts.instructions, outGroup)
        : localise(instrument.instructions, language, outGroup ?? undefined),
      out_group: outGroup,
      scale: texts
        ? {
            ...instrument.scale,
            anchors: instrument.scale.anchors.map((anchor) => ({
              ...anchor,
              label: { ...anchor.label, [language]: texts.anchors[String(anchor.value)] ?? anchor.label.en },
            })),
          }
        : instrument.scale,
      items: instrument.items.map((item) => ({
        id: item.id,
        text: texts
          ? fill(texts.items[item.id] ?? item.text.en, outGroup)
          : localise(item.text, language, outGroup ?? undefined),
      })),
      draft_translation: texts
        ? false
        : instrument.translationStatus[language] !== 'reviewed' && language !== 'en',
    }));
  });
}
