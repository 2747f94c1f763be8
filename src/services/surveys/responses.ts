import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError, isTrackTwoError } from '../../domain/errors.js';
import type { SurveyLanguage } from '../../domain/instruments.js';
import { formInstruments } from '../../domain/survey-values.js';
import type {
  FacilitatorEntry,
  ResponseEntryKind,
  Survey,
  SurveyAnswer,
  SurveyAnswers,
  SurveyWave,
} from '../../domain/survey.js';
import { checkAnswer } from '../../evaluation/scoring.js';
import { systemAuth } from '../../security/auth.js';
import { open, seal } from '../../security/envelope.js';
import type { VaultKeys } from '../../security/vault.js';
import * as repo from '../../store/repositories/surveys.js';
import { newId, nowIso } from '../../store/ids.js';
import type { Database } from '../../store/schema.js';
import { audit, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { surveyOrNotFound } from './surveys.js';
import { askableTexts } from './translations.js';
import type { IssuedLink, SurveyForm, SubmittedResponse } from '../../domain/survey-results.js';

/**
 * Answers: by the respondent through a link (no account; the link is the credential, scoped to one
 * respondent, one survey and one wave), by a facilitator on a respondent's behalf, or imported. They
 * are sealed under the workspace key, bound to their survey, wave and respondent, so a copied box
 * does not open elsewhere; one answer per respondent per wave, a later one replaces it.
 */

const responseContext = (workspaceId: string, surveyId: string, waveId: string, respondentId: string) =>
  `tracktwo/survey-response/v1/${workspaceId}/${surveyId}/${waveId}/${respondentId}`;

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: unguessable, and short enough for a text message. */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function sealAnswers(
  trx: Kysely<Database>,
  keys: VaultKeys,
  survey: Survey,
  waveId: string,
  respondentId: string,
  answers: readonly SurveyAnswer[],
): Promise<string> {
  const key = (await keys.workspaceKey(trx, survey.workspace_id, true)) as Buffer;
  return seal(
    key,
    Buffer.from(JSON.stringify({ answers }), 'utf8'),
    responseContext(survey.workspace_id, survey.id, waveId, respondentId),
  );
}

export async function openAnswers(
  trx: Kysely<Database>,
  keys: VaultKeys,
  survey: Survey,
  row: { wave_id: string; respondent_id: string; ciphertext: string },
): Promise<SurveyAnswer[]> {
  const key = await keys.workspaceKey(trx, survey.workspace_id, false);
  if (!key) throw new TrackTwoError('TT_ERR_IDENTITY_UNREADABLE', { reason: 'the workspace key is gone' });
  const plain = open(
    key,
    row.ciphertext,
    responseContext(survey.workspace_id, survey.id, row.wave_id, row.respondent_id),
  );
  return (JSON.parse(plain.toString('utf8')) as { answers: SurveyAnswer[] }).answers;
}

/**
 * Checks each answer against the survey: its instrument, the out-group (for per-out-group
 * instruments), the item, and the scale. `where(i)` names the place of answer i in the input.
 */
export function checkAnswers(
  survey: Survey,
  answers: readonly SurveyAnswer[],
  where: (index: number, part: 'instrument' | 'out_group' | 'item' | 'value') => Record<string, unknown>,
): SurveyAnswer[] {
  const instruments = new Map(survey.instruments.map((instrument) => [instrument.id, instrument]));
  const seen = new Set<string>();
  return answers.map((answer, index) => {
    const instrument = instruments.get(answer.instrument);
    if (!instrument) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        ...where(index, 'instrument'),
        reason: `"${answer.instrument}" is not an instrument of this survey`,
      });
    }
    const outGroup = answer.out_group ?? null;
    if (instrument.perOutGroup && (outGroup === null || !survey.out_groups.includes(outGroup))) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        ...where(index, 'out_group'),
        reason: `name one of the survey's out-groups: ${survey.out_groups.join(', ')}`,
      });
    }
    if (!instrument.perOutGroup && outGroup !== null) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        ...where(index, 'out_group'),
        reason: `${instrument.id} is not asked per out-group`,
      });
    }
    if (!instrument.items.some((item) => item.id === answer.item)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        ...where(index, 'item'),
        reason: `"${answer.item}" is not an item of ${instrument.id}`,
      });
    }
    const key = `${instrument.id}\u0000${outGroup ?? ''}\u0000${answer.item}`;
    if (seen.has(key)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', { ...where(index, 'item'), reason: 'answered twice' });
    }
    seen.add(key);
    if (answer.value !== null) {
      try {
        checkAnswer(instrument, answer.item, answer.value);
      } catch (error) {
        if (isTrackTwoError(error)) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            ...where(index, 'value'),
            reason: error.details?.reason,
          });
        }
        throw error;
      }
    }
    return { instrument: instrument.id, out_group: outGroup, item: answer.item, value: answer.value };
  });
}

/** Writes (or replaces) one respondent's answer for one wave; the caller audits. */
export async function storeAnswers(
  trx: Kysely<Database>,
  keys: VaultKeys,
  survey: Survey,
  wave: SurveyWave,
  respondentId: string,
  entry: { language: string; answers: readonly SurveyAnswer[]; enteredBy: ResponseEntryKind; at?: string },
): Promise<{ id: string; replaced: boolean }> {
  return repo.putResponse(trx, {
    id: newId(),
    survey_id: survey.id,
    wave_id: wave.id,
    respondent_id: respondentId,
    entered_by: entry.enteredBy,
    language: entry.language,
    ciphertext: await sealAnswers(trx, keys, survey, wave.id, respondentId, entry.answers),
    submitted_at: entry.at ?? nowIso(),
  });
}

function checkLanguage(survey: Survey, language: string): void {
  if (!(survey.languages as string[]).includes(language)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'language',
      reason: `the survey is asked in ${survey.languages.join(', ')}`,
    });
  }
}

export async function waveOf(trx: Kysely<Database>, surveyId: string, waveId: string): Promise<SurveyWave> {
  const wave = await repo.getWave(trx, waveId);
  if (!wave || wave.survey_id !== surveyId) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'wave' });
  return wave;
}

export type { IssuedLink };

/**
 * Issues one link per respondent for a wave (all respondents when none are named). A new link
 * replaces the respondent's earlier link for that wave.
 */
export function issueLinks(
  ctx: ServiceContext,
  surveyId: string,
  waveId: string,
  respondentIds?: readonly string[],
): Promise<IssuedLink[]> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const wave = await waveOf(trx, surveyId, waveId);
    const all = await repo.listRespondents(trx, surveyId);
    const byId = new Map(all.map((respondent) => [respondent.id, respondent]));
    const chosen = respondentIds
      ? respondentIds.map((id, index) => {
          const respondent = byId.get(id);
          if (!respondent) {
            throw new TrackTwoError('TT_ERR_VALIDATION', {
              field: `respondent_ids.${index}`,
              reason: 'not a respondent of this survey',
            });
          }
          return respondent;
        })
      : all;
    const at = nowIso();
    await repo.revokeLinks(
      trx,
      wave.id,
      chosen.map((respondent) => respondent.id),
      at,
    );
    const issued = chosen.map((respondent) => ({
      respondent_id: respondent.id,
      pseudonym: respondent.pseudonym,
      token: newLinkToken(),
    }));
    await repo.insertLinks(
      trx,
      issued.map((link) => ({
        token_hash: hashLinkToken(link.token),
        survey_id: survey.id,
        wave_id: wave.id,
        respondent_id: link.respondent_id,
        created_at: at,
        revoked_at: null,
        last_used_at: null,
      })),
    );
    await audit(trx, ctx.keys, ctx.auth, 'survey_link.issue', 'survey_wave', wave.id, grant.workspaceId);
    return issued;
  });
}

/**
 * What opens a link-holder's use case in place of requireAccess: the token must be live and belong to
 * this survey and wave. Unknown or replaced: TT_ERR_SURVEY_LINK_INVALID; another survey's or wave's:
 * TT_ERR_SURVEY_LINK_MISMATCH.
 */
async function requireSurveyLink(trx: Kysely<Database>, token: string, surveyId: string, waveId: string) {
  const link = await repo.findLink(trx, hashLinkToken(token));
  if (!link || link.revoked_at) throw new TrackTwoError('TT_ERR_SURVEY_LINK_INVALID', { field: 'token' });
  if (link.survey_id !== surveyId || link.wave_id !== waveId) {
    throw new TrackTwoError('TT_ERR_SURVEY_LINK_MISMATCH', { field: 'token' });
  }
  const survey = await surveyOrNotFound(trx, surveyId);
  const wave = await waveOf(trx, surveyId, waveId);
  return { link, survey, wave };
}

function requireOpen(wave: SurveyWave, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  if (today < wave.opens_on || today > wave.closes_on) {
    throw new TrackTwoError('TT_ERR_SURVEY_WAVE_CLOSED', {
      reason: `the ${wave.kind} wave is open from ${wave.opens_on} to ${wave.closes_on}`,
    });
  }
}

export type { SurveyForm };

/** The language a form is put in: the one asked for if the survey is asked and checked in it, else English. */
async function formLanguage(
  trx: Kysely<Database>,
  survey: Awaited<ReturnType<typeof surveyOrNotFound>>,
  language: SurveyLanguage,
): Promise<SurveyLanguage> {
  if (language === 'en' || !(survey.languages as string[]).includes(language)) return 'en';
  try {
    await askableTexts(trx, survey, language);
    return language;
  } catch (error) {
    if (isTrackTwoError(error) && error.code === 'TT_ERR_SURVEY_TRANSLATION_UNCHECKED') return 'en';
    throw error;
  }
}

/**
 * The form a link opens, with the holder's own earlier answers: in the language asked for when the survey
 * is asked in it and its texts there are checked, else in English (`language` says which), so that a
 * respondent always gets a form they can read and never one in unchecked texts.
 */
export function surveyForm(
  ctx: ServiceContext,
  surveyId: string,
  waveId: string,
  token: string,
  language: SurveyLanguage = 'en',
): Promise<SurveyForm> {
  return inTransaction(ctx, async (trx) => {
    const { link, survey, wave } = await requireSurveyLink(trx, token, surveyId, waveId);
    const asked = await formLanguage(trx, survey, language);
    const existing = await repo.findResponse(trx, wave.id, link.respondent_id);
    const approved = await askableTexts(trx, survey, asked);
    const instruments = formInstruments(survey.instruments, survey.out_groups, asked, approved);
    return {
      survey_id: survey.id,
      wave: { id: wave.id, kind: wave.kind, opens_on: wave.opens_on, closes_on: wave.closes_on },
      language: asked,
      instruments,
      previous: existing ? await openAnswers(trx, ctx.keys, survey, existing) : null,
    };
  });
}

export type { SubmittedResponse };

/** A respondent's answer through their link; no account needed. */
export function answerByLink(
  ctx: ServiceContext,
  surveyId: string,
  waveId: string,
  token: string,
  input: SurveyAnswers,
  now: Date = new Date(),
): Promise<SubmittedResponse> {
  return inTransaction(ctx, async (trx) => {
    const { link, survey, wave } = await requireSurveyLink(trx, token, surveyId, waveId);
    requireOpen(wave, now);
    checkLanguage(survey, input.language);
    const answers = checkAnswers(survey, input.answers, (i, part) => ({ field: `answers.${i}.${part}` }));
    const stored = await storeAnswers(trx, ctx.keys, survey, wave, link.respondent_id, {
      language: input.language,
      answers,
      enteredBy: 'respondent',
      at: now.toISOString(),
    });
    await repo.touchLink(trx, link.token_hash, now.toISOString());
    // The link holder has no account: the audit row names the system acting for the link.
    await audit(
      trx,
      ctx.keys,
      systemAuth('survey link'),
      stored.replaced ? 'survey_response.replace' : 'survey_response.submit',
      'survey_response',
      stored.id,
      survey.workspace_id,
    );
    return { id: stored.id, wave: wave.kind, replaced: stored.replaced };
  });
}

/**
 * A facilitator enters a respondent's answers on their behalf (a paper form or an interview). It
 * is not bound to the wave's dates: paper forms collected in the wave are often typed in later.
 */
export function enterOnBehalf(
  ctx: ServiceContext,
  surveyId: string,
  waveId: string,
  input: FacilitatorEntry,
): Promise<SubmittedResponse> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const wave = await waveOf(trx, surveyId, waveId);
    const respondent = await repo.getRespondent(trx, input.respondent_id);
    if (!respondent || respondent.survey_id !== surveyId) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'respondent_id',
        reason: 'not a respondent of this survey',
      });
    }
    checkLanguage(survey, input.language);
    const answers = checkAnswers(survey, input.answers, (i, part) => ({ field: `answers.${i}.${part}` }));
    const stored = await storeAnswers(trx, ctx.keys, survey, wave, respondent.id, {
      language: input.language,
      answers,
      enteredBy: 'facilitator',
    });
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      stored.replaced ? 'survey_response.replace' : 'survey_response.enter',
      'survey_response',
      stored.id,
      grant.workspaceId,
    );
    return { id: stored.id, wave: wave.kind, replaced: stored.replaced };
  });
}
