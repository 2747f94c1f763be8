import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import type { Instrument } from '../../domain/instruments.js';
import type { Survey } from '../../domain/survey.js';
import { checkTranslationTexts, type SurveyTranslation } from '../../domain/survey-translations.js';
import {
  askable,
  englishTexts,
  ownTexts,
  translationStanding,
  type InstrumentTexts,
  type SurveyLanguage,
} from '../../domain/survey-values.js';
import { nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/survey-translations.js';
import type { Database } from '../../store/schema.js';
import { audit, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { surveyOrNotFound } from './surveys.js';

/**
 * Translations of a survey's instruments by people (src/domain/survey-translations.ts): those who manage
 * the survey (surveys.manage) list where each instrument stands in each of the survey's languages, write
 * drafts, and approve another person's draft; every write is audited. Nothing is sent anywhere to be
 * translated.
 */

type Key = { surveyId: string; instrumentId: string; language: string };

function instrumentOf(survey: Survey & { instruments: Instrument[] }, instrumentId: string): Instrument {
  const instrument = survey.instruments.find((i) => i.id === instrumentId);
  if (!instrument) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'instrument of this survey' });
  return instrument;
}

function languageOf(survey: Survey, language: SurveyLanguage): void {
  if (language === 'en' || !(survey.languages as string[]).includes(language)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'language',
      reason: `translate into the survey's other languages: ${survey.languages.filter((l) => l !== 'en').join(', ') || 'none (add one to the survey)'}`,
    });
  }
}

async function namesOf(trx: Kysely<Database>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await trx
    .selectFrom('accounts')
    .select(['id', 'display_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

function record(
  survey: Survey,
  instrument: Instrument,
  language: SurveyLanguage,
  row: repo.SurveyTranslationRow | undefined,
  names: Map<string, string>,
): SurveyTranslation {
  const own = ownTexts(instrument, language);
  return {
    survey_id: survey.id,
    instrument_id: instrument.id,
    language,
    standing: translationStanding(instrument, language, row),
    from_library: !row && own !== null,
    source: englishTexts(instrument),
    texts: row ? (JSON.parse(row.texts_json) as InstrumentTexts) : own,
    translated_by: row?.translated_by ? (names.get(row.translated_by) ?? null) : null,
    updated_at: row?.updated_at ?? null,
    approved_by: row?.approved_by ? (names.get(row.approved_by) ?? null) : null,
    approved_at: row?.approved_at ?? null,
  };
}

/** Every instrument in every language of the survey but English, with where it stands. */
export function listSurveyTranslations(ctx: ServiceContext, surveyId: string): Promise<SurveyTranslation[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const rows = await repo.translationsOf(trx, surveyId);
    const names = await namesOf(
      trx,
      rows.flatMap((r) => [r.translated_by, r.approved_by]),
    );
    const saved = new Map(rows.map((r) => [`${r.instrument_id}\u0000${r.language}`, r]));
    return survey.languages
      .filter((language) => language !== 'en')
      .flatMap((language) =>
        survey.instruments.map((instrument) =>
          record(survey, instrument, language, saved.get(`${instrument.id}\u0000${language}`), names),
        ),
      );
  });
}

async function oneRecord(
  trx: Kysely<Database>,
  survey: Survey,
  instrument: Instrument,
  language: SurveyLanguage,
) {
  const row = await repo.findTranslation(trx, survey.id, instrument.id, language);
  return record(
    survey,
    instrument,
    language,
    row,
    await namesOf(trx, [row?.translated_by ?? null, row?.approved_by ?? null]),
  );
}

/** Writes (or rewrites) a draft: an approved translation that is changed must be approved again. */
export function saveSurveyTranslation(
  ctx: ServiceContext,
  surveyId: string,
  instrumentId: string,
  language: SurveyLanguage,
  texts: InstrumentTexts,
): Promise<SurveyTranslation> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    languageOf(survey, language);
    const instrument = instrumentOf(survey, instrumentId);
    checkTranslationTexts(instrument, texts);
    await repo.saveDraft(trx, {
      survey_id: surveyId,
      instrument_id: instrumentId,
      language,
      texts_json: JSON.stringify(texts),
      status: 'draft',
      translated_by: ctx.auth?.accountId ?? null,
      updated_at: nowIso(),
      approved_by: null,
      approved_at: null,
    });
    await audit(trx, ctx.keys, ctx.auth, 'survey_translation.save', 'survey', surveyId, grant.workspaceId);
    return oneRecord(trx, survey, instrument, language);
  });
}

/** A second person approves a draft; its translator cannot. */
export function approveSurveyTranslation(
  ctx: ServiceContext,
  surveyId: string,
  instrumentId: string,
  language: SurveyLanguage,
): Promise<SurveyTranslation> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    languageOf(survey, language);
    const instrument = instrumentOf(survey, instrumentId);
    const row = await repo.findTranslation(trx, surveyId, instrumentId, language);
    if (!row) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'no draft to approve: save one first' });
    if (row.status === 'draft') {
      const me = ctx.auth?.accountId ?? null;
      if (me !== null && row.translated_by === me) throw new TrackTwoError('TT_ERR_SURVEY_TRANSLATION_OWN');
      const key: Key = { surveyId, instrumentId, language };
      await repo.approve(trx, key, me, nowIso());
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'survey_translation.approve',
        'survey',
        surveyId,
        grant.workspaceId,
      );
    }
    return oneRecord(trx, survey, instrument, language);
  });
}

/** Removes the survey's own translation (the library's, if any, stands again). */
export function removeSurveyTranslation(
  ctx: ServiceContext,
  surveyId: string,
  instrumentId: string,
  language: SurveyLanguage,
): Promise<SurveyTranslation> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    languageOf(survey, language);
    const instrument = instrumentOf(survey, instrumentId);
    if (await repo.removeTranslation(trx, { surveyId, instrumentId, language })) {
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'survey_translation.remove',
        'survey',
        surveyId,
        grant.workspaceId,
      );
    }
    return oneRecord(trx, survey, instrument, language);
  });
}

/**
 * The texts respondents may be asked in, in a language: the approved translations by instrument id;
 * refused (TT_ERR_SURVEY_TRANSLATION_UNCHECKED, field language) when an instrument has none checked.
 */
export async function askableTexts(
  trx: Kysely<Database>,
  survey: Survey & { instruments: Instrument[] },
  language: SurveyLanguage,
): Promise<Record<string, InstrumentTexts>> {
  if (language === 'en') return {};
  const rows = new Map(
    (await repo.translationsOf(trx, survey.id))
      .filter((r) => r.language === language)
      .map((r) => [r.instrument_id, r]),
  );
  const approved: Record<string, InstrumentTexts> = {};
  for (const instrument of survey.instruments) {
    const row = rows.get(instrument.id);
    if (!askable(translationStanding(instrument, language, row))) {
      throw new TrackTwoError('TT_ERR_SURVEY_TRANSLATION_UNCHECKED', {
        field: 'language',
        reason: `${instrument.id} is not yet translated and checked in ${language}`,
      });
    }
    if (row) approved[instrument.id] = JSON.parse(row.texts_json) as InstrumentTexts;
  }
  return approved;
}
