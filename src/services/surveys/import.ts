import { TrackTwoError, isTrackTwoError } from '../../domain/errors.js';
import { surveyLanguages } from '../../domain/instruments.js';
import { comparisonPseudonymSchema, type SurveyAnswer, type SurveyRespondent } from '../../domain/survey.js';
import { genders, type Gender } from '../../domain/vocabulary.js';
import { parseCsv } from '../../interchange/csv.js';
import * as repo from '../../store/repositories/surveys.js';
import { newId, nowIso } from '../../store/ids.js';
import { audit, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { surveyOrNotFound } from './surveys.js';
import { checkAnswers, storeAnswers, waveOf } from './responses.js';
import type { AnswersImported } from '../../domain/survey-results.js';

/**
 * CSV import of one wave's answers, all or nothing: every row is checked before anything is
 * written, and the writes share one transaction, so an error names its row and column and changes
 * nothing. Layout (header = row 1):
 *   respondent            the respondent's pseudonym (an actor's, or a comparison respondent's)
 *   arm, side, gender     optional: an unknown pseudonym with arm `comparison` adds a comparison respondent
 *   language              optional (default: the survey's first language)
 *   INSTRUMENT:ITEM       one column per item of an instrument asked once
 *   INSTRUMENT:ITEM:GROUP one column per item and out-group of a per-out-group instrument
 * An empty cell (or NA) is an unanswered item.
 */

export const importMetaColumns = ['respondent', 'arm', 'side', 'gender', 'language'] as const;

export type ImportResult = AnswersImported;

function rejected(row: number, column: string | undefined, reason: string): TrackTwoError {
  return new TrackTwoError('TT_ERR_IMPORT_REJECTED', { row, ...(column ? { column } : {}), reason });
}

export function importAnswers(
  ctx: ServiceContext,
  surveyId: string,
  waveId: string,
  csvText: string,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<ImportResult> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const wave = await waveOf(trx, surveyId, waveId);
    const table = parseCsv(csvText, { required: ['respondent'] });

    const answerColumns = table.header.filter(
      (column) => !(importMetaColumns as readonly string[]).includes(column),
    );
    if (answerColumns.length === 0)
      throw rejected(1, undefined, 'no answer columns (INSTRUMENT:ITEM[:OUT-GROUP])');
    const columnMeaning = answerColumns.map((column) => {
      const [instrument, item, ...rest] = column.split(':');
      const outGroup = rest.length > 0 ? rest.join(':') : null;
      const probe: SurveyAnswer = { instrument, out_group: outGroup, item: item ?? '', value: null };
      try {
        checkAnswers(survey, [probe], () => ({ row: 1, column }));
      } catch (error) {
        if (isTrackTwoError(error))
          throw rejected(1, column, String(error.details?.reason ?? 'unknown column'));
        throw error;
      }
      return { column, instrument, item, outGroup };
    });

    const respondents = new Map((await repo.listRespondents(trx, surveyId)).map((r) => [r.pseudonym, r]));
    const seen = new Set<string>();
    const fresh: SurveyRespondent[] = [];
    const prepared = table.rows.map((row, index) => {
      const rowNumber = table.rowNumbers[index];
      const pseudonym = row.respondent.trim();
      if (pseudonym === '') throw rejected(rowNumber, 'respondent', 'a pseudonym is required');
      if (seen.has(pseudonym))
        throw rejected(rowNumber, 'respondent', `${pseudonym} appears twice in the file`);
      seen.add(pseudonym);
      let respondent = respondents.get(pseudonym);
      const arm = (row.arm ?? '').trim();
      if (arm !== '' && arm !== 'participant' && arm !== 'comparison') {
        throw rejected(rowNumber, 'arm', `"${arm}" is not participant or comparison`);
      }
      if (respondent && arm !== '' && arm !== respondent.arm) {
        throw rejected(rowNumber, 'arm', `${pseudonym} is a ${respondent.arm} respondent`);
      }
      if (!respondent) {
        if (arm !== 'comparison') {
          throw rejected(
            rowNumber,
            'respondent',
            `${pseudonym} is not a respondent of this survey (add participants first; mark new comparison respondents with arm "comparison")`,
          );
        }
        if (!comparisonPseudonymSchema.safeParse(pseudonym).success) {
          throw rejected(rowNumber, 'respondent', 'a pseudonym is 2 to 40 letters, digits, - or _');
        }
        const gender = (row.gender ?? '').trim();
        if (gender !== '' && !(genders as readonly string[]).includes(gender)) {
          throw rejected(rowNumber, 'gender', `"${gender}" is not one of ${genders.join(', ')}`);
        }
        respondent = {
          id: newId(),
          survey_id: surveyId,
          arm: 'comparison',
          actor_id: null,
          pseudonym,
          side: (row.side ?? '').trim() || null,
          gender: (gender || null) as Gender | null,
          created_at: nowIso(),
        };
        respondents.set(pseudonym, respondent);
        fresh.push(respondent);
      }
      const language = (row.language ?? '').trim() || survey.languages[0];
      if (
        !(surveyLanguages as readonly string[]).includes(language) ||
        !(survey.languages as string[]).includes(language)
      ) {
        throw rejected(rowNumber, 'language', `the survey is asked in ${survey.languages.join(', ')}`);
      }
      const answers: SurveyAnswer[] = [];
      for (const meaning of columnMeaning) {
        const cell = (row[meaning.column] ?? '').trim();
        let value: number | null = null;
        if (cell !== '' && cell.toUpperCase() !== 'NA') {
          value = Number(cell);
          if (!Number.isFinite(value)) throw rejected(rowNumber, meaning.column, `"${cell}" is not a number`);
        }
        answers.push({
          instrument: meaning.instrument,
          out_group: meaning.outGroup,
          item: meaning.item,
          value,
        });
      }
      try {
        checkAnswers(survey, answers, (i) => ({ column: columnMeaning[i].column }));
      } catch (error) {
        if (isTrackTwoError(error)) {
          throw rejected(
            rowNumber,
            error.details?.column as string | undefined,
            String(error.details?.reason),
          );
        }
        throw error;
      }
      if (answers.every((answer) => answer.value === null)) {
        throw rejected(rowNumber, undefined, 'the row answers no item');
      }
      return { respondent, language, answers };
    });

    await repo.insertRespondents(trx, fresh);
    for (const respondent of fresh) {
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'survey_respondent.create',
        'survey_respondent',
        respondent.id,
        grant.workspaceId,
      );
    }
    let created = 0;
    let replaced = 0;
    for (let i = 0; i < prepared.length; i++) {
      const { respondent, language, answers } = prepared[i];
      const stored = await storeAnswers(trx, ctx.keys, survey, wave, respondent.id, {
        language,
        answers,
        enteredBy: 'import',
      });
      if (stored.replaced) replaced++;
      else created++;
      options.onProgress?.(i + 1, prepared.length);
    }
    await audit(trx, ctx.keys, ctx.auth, 'survey_response.import', 'survey_wave', wave.id, grant.workspaceId);
    return { rows: prepared.length, created, replaced, new_respondents: fresh.length };
  });
}
