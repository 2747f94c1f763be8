import type { Instrument, LocalisedText, ResponseScale } from './instruments.js';

/**
 * The survey values both sides of the wire need, without zod: the languages, waves and library instrument
 * ids; how an instrument is put in words for one language and out-group; what an answer may be on its
 * scale. instruments.ts and survey.ts build their schemas from these lists; the browser app imports them.
 */

export const surveyLanguages = ['en', 'fr', 'ar'] as const;
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

/** One instrument as a form asks it, in one language, for one out-group (null: not per out-group). */
export interface FormInstrument {
  id: string;
  name: string;
  instructions: string;
  out_group: string | null;
  scale: ResponseScale;
  items: { id: string; text: string }[];
  /** Translations still to be checked by a native speaker. */
  draft_translation: boolean;
}

/** A survey's instruments as a form asks them: per-out-group instruments once per out-group. */
export function formInstruments(
  instruments: readonly Instrument[],
  outGroups: readonly string[],
  language: SurveyLanguage,
): FormInstrument[] {
  return instruments.flatMap((instrument) =>
    (instrument.perOutGroup ? outGroups : [null]).map((outGroup) => ({
      id: instrument.id,
      name: localise(instrument.name, language),
      instructions: localise(instrument.instructions, language, outGroup ?? undefined),
      out_group: outGroup,
      scale: instrument.scale,
      items: instrument.items.map((item) => ({
        id: item.id,
        text: localise(item.text, language, outGroup ?? undefined),
      })),
      draft_translation: instrument.translationStatus[language] !== 'reviewed',
    })),
  );
}
