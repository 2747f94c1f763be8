import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import {
  surveyJoinPath,
  type SurveyJoin,
  type SurveyJoined,
  type SurveyJoinInfo,
  type SurveyJoinLink,
} from '../../domain/survey-join-links.js';
import type { SurveyRespondent, SurveyWave } from '../../domain/survey.js';
import { newId, nowIso } from '../../store/ids.js';
import * as links from '../../store/repositories/survey-join-links.js';
import * as repo from '../../store/repositories/surveys.js';
import type { Database } from '../../store/schema.js';
import { audit, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { hashJoinCode, newJoinCode } from '../dialogues/join-codes.js';
import { hashLinkToken, newLinkToken } from './responses.js';
import { surveyOrNotFound } from './surveys.js';

/**
 * A survey's open join link (see src/domain/survey-join-links.ts). Conveners and facilitators
 * (surveys.manage) make it (a new one replaces the one in force), list and revoke it, audited, never with
 * the code. Joining needs no account; a wrong code counts towards the token-guessing limit
 * (TT_ERR_JOIN_LINK_UNKNOWN), like a dialogue's.
 */

const CODE = /^[A-Za-z0-9_-]{16,64}$/;

function linkRecord(row: links.SurveyJoinLinkRow): SurveyJoinLink {
  return {
    id: row.id,
    survey_id: row.survey_id,
    url: surveyJoinPath(row.code),
    joined: Number(row.joined),
    created_at: row.created_at,
    revoked_at: row.revoked_at,
  };
}

export function createSurveyJoinLink(ctx: ServiceContext, surveyId: string): Promise<SurveyJoinLink> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    await surveyOrNotFound(trx, surveyId);
    const at = nowIso();
    await links.revokeSurveyJoinLinks(trx, surveyId, at);
    const { code, hash } = newJoinCode();
    const row: links.SurveyJoinLinkRow = {
      id: newId(),
      survey_id: surveyId,
      code,
      code_hash: hash,
      joined: 0,
      created_at: at,
      revoked_at: null,
    };
    await links.insertSurveyJoinLink(trx, row);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'survey_join_link.create',
      'survey_join_link',
      row.id,
      grant.workspaceId,
    );
    return linkRecord(row);
  });
}

export function listSurveyJoinLinks(ctx: ServiceContext, surveyId: string): Promise<SurveyJoinLink[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    return (await links.surveyJoinLinksOf(trx, surveyId)).map(linkRecord);
  });
}

export function revokeSurveyJoinLink(
  ctx: ServiceContext,
  surveyId: string,
  linkId: string,
): Promise<SurveyJoinLink> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'surveys.manage', { surveyId });
    const row = await links.surveyJoinLinkById(trx, linkId);
    if (!row || row.survey_id !== surveyId)
      throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'join link' });
    if (row.revoked_at === null) {
      await links.revokeSurveyJoinLinks(trx, surveyId, nowIso(), linkId);
      await audit(
        trx,
        ctx.keys,
        ctx.auth,
        'survey_join_link.revoke',
        'survey_join_link',
        linkId,
        grant.workspaceId,
      );
    }
    return linkRecord((await links.surveyJoinLinkById(trx, linkId))!);
  });
}

async function linkInForce(db: Kysely<Database>, code: string): Promise<links.SurveyJoinLinkRow> {
  if (!CODE.test(code)) throw new TrackTwoError('TT_ERR_JOIN_LINK_UNKNOWN');
  const row = await links.surveyJoinLinkByHash(db, hashJoinCode(code));
  if (!row) throw new TrackTwoError('TT_ERR_JOIN_LINK_UNKNOWN');
  if (row.revoked_at !== null) throw new TrackTwoError('TT_ERR_JOIN_LINK_REVOKED');
  return row;
}

/** The wave open on `today` (the latest to open when several are), or null. */
export function waveOpenOn(waves: readonly SurveyWave[], today: string): SurveyWave | null {
  const open = waves.filter((w) => w.opens_on <= today && today <= w.closes_on);
  open.sort((a, b) => b.opens_on.localeCompare(a.opens_on) || a.id.localeCompare(b.id));
  return open[0] ?? null;
}

const today = () => new Date().toISOString().slice(0, 10);

/** What a survey join link opens (no account needed). */
export function surveyJoinInfo(ctx: ServiceContext, code: string): Promise<SurveyJoinInfo> {
  return inTransaction(ctx, async (trx) => {
    const link = await linkInForce(trx, code);
    const survey = await surveyOrNotFound(trx, link.survey_id);
    const wave = waveOpenOn(await repo.listWaves(trx, survey.id), today());
    return {
      survey_id: survey.id,
      title: survey.title,
      languages: survey.languages,
      wave: wave
        ? { id: wave.id, kind: wave.kind, opens_on: wave.opens_on, closes_on: wave.closes_on }
        : null,
      sides: survey.out_groups,
    };
  });
}

/** A generated pseudonym for a respondent who joined by link: never a name, unique in the survey. */
function joinedPseudonym(): string {
  return `J-${randomBytes(6)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')}`;
}

/**
 * Joins a survey by its open link, without an account: the wave open today, a new comparison respondent
 * (or the same one again when the device hands back an earlier answer link of this survey) and an answer
 * link for that wave. A device coming back within the same wave keeps its link.
 */
export function joinSurvey(ctx: ServiceContext, code: string, input: SurveyJoin): Promise<SurveyJoined> {
  return inTransaction(ctx, async (trx) => {
    const link = await linkInForce(trx, code);
    const survey = await surveyOrNotFound(trx, link.survey_id);
    const wave = waveOpenOn(await repo.listWaves(trx, survey.id), today());
    if (!wave) {
      throw new TrackTwoError('TT_ERR_SURVEY_WAVE_CLOSED', {
        reason: 'no wave of this survey is open today',
      });
    }
    if (input.side !== null && !survey.out_groups.includes(input.side)) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'side',
        reason: 'not one of the survey’s sides',
      });
    }
    const at = nowIso();
    let respondent: SurveyRespondent | undefined;
    if (input.previous_token) {
      const earlier = await repo.findLink(trx, hashLinkToken(input.previous_token));
      // Only a link of this survey, for a respondent this link made, finds them again; else a new one.
      if (earlier && earlier.survey_id === survey.id) {
        const found = await repo.getRespondent(trx, earlier.respondent_id);
        if (found && found.arm === 'comparison') respondent = found;
        if (respondent && earlier.wave_id === wave.id && !earlier.revoked_at) {
          return {
            survey_id: survey.id,
            wave_id: wave.id,
            respondent_id: respondent.id,
            pseudonym: respondent.pseudonym,
            token: input.previous_token,
            returning: true,
          };
        }
      }
    }
    const returning = respondent !== undefined;
    if (!respondent) {
      respondent = {
        id: newId(),
        survey_id: survey.id,
        arm: 'comparison',
        actor_id: null,
        pseudonym: joinedPseudonym(),
        side: input.side,
        gender: input.gender,
        created_at: at,
      };
      await repo.insertRespondents(trx, [respondent]);
      await links.countJoined(trx, link.id);
    }
    const token = newLinkToken();
    await repo.revokeLinks(trx, wave.id, [respondent.id], at);
    await repo.insertLinks(trx, [
      {
        token_hash: hashLinkToken(token),
        survey_id: survey.id,
        wave_id: wave.id,
        respondent_id: respondent.id,
        created_at: at,
        revoked_at: null,
        last_used_at: null,
      },
    ]);
    return {
      survey_id: survey.id,
      wave_id: wave.id,
      respondent_id: respondent.id,
      pseudonym: respondent.pseudonym,
      token,
      returning,
    };
  });
}
