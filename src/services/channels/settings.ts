import { TrackTwoError } from '../../domain/errors.js';
import type { ChannelSettings, ChannelSettingsInput } from '../../domain/channels.js';
import { nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/channels.js';
import { audit } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { requireDialogueAccess } from '../dialogues/dialogues.js';
import { CHANNEL_LANGUAGES } from '../../channels/replies.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';
import { phoneHash } from './phone.js';
import { forgetLive } from '../dialogues/live.js';

function record(
  dialogueId: string,
  row: repo.DialogueChannelRow | undefined,
  participants: ChannelSettings['participants'],
): ChannelSettings {
  return {
    dialogue_id: dialogueId,
    sms_keyword: row?.sms_keyword ?? null,
    sms_enabled: row?.sms_enabled === 1,
    ussd_enabled: row?.ussd_enabled === 1,
    languages: row ? (JSON.parse(row.languages) as string[]) : ['en'],
    survey_id: row?.survey_id ?? null,
    keep_numbers: row?.keep_numbers === 1,
    participants,
    updated_at: row?.updated_at ?? null,
  };
}

/** The channels of a dialogue, as its conveners see them (counts only, never a number). */
export function dialogueChannels(ctx: ServiceContext, dialogueId: string): Promise<ChannelSettings> {
  return inTransaction(ctx, async (trx) => {
    await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    return record(
      dialogueId,
      await repo.channelOf(trx, dialogueId),
      await repo.participantCounts(trx, dialogueId),
    );
  });
}

/** Writes the settings in the caller's transaction (the demo loader uses it too). */
export async function writeChannelSettings(
  trx: Kysely<Database>,
  dialogueId: string,
  workspaceId: string,
  input: ChannelSettingsInput,
  menuOrder?: number,
): Promise<repo.DialogueChannelRow> {
  const before = await repo.channelOf(trx, dialogueId);
  const keyword = input.sms_keyword === undefined ? (before?.sms_keyword ?? null) : input.sms_keyword;
  if (keyword !== null) {
    const holder = await repo.channelByKeyword(trx, keyword);
    if (holder && holder.dialogue_id !== dialogueId)
      throw new TrackTwoError('TT_ERR_CHANNEL_KEYWORD_TAKEN', { field: 'sms_keyword' });
  }
  const languages = input.languages ?? (before ? (JSON.parse(before.languages) as string[]) : ['en']);
  const unknown = languages.filter((l) => !(CHANNEL_LANGUAGES as readonly string[]).includes(l));
  if (unknown.length)
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'languages',
      reason: `the channels answer in ${CHANNEL_LANGUAGES.join(', ')} only`,
    });
  const surveyId = input.survey_id === undefined ? (before?.survey_id ?? null) : input.survey_id;
  if (surveyId !== null) {
    const survey = await trx
      .selectFrom('surveys')
      .innerJoin('initiatives', 'initiatives.id', 'surveys.initiative_id')
      .innerJoin('dialogues', 'dialogues.initiative_id', 'initiatives.id')
      .select('surveys.id')
      .where('surveys.id', '=', surveyId)
      .where('dialogues.id', '=', dialogueId)
      .executeTakeFirst();
    if (!survey)
      throw new TrackTwoError('TT_ERR_NOT_FOUND', {
        field: 'survey_id',
        reason: 'no such survey in this initiative',
      });
  }
  const smsEnabled = input.sms_enabled ?? before?.sms_enabled === 1;
  if (smsEnabled && keyword === null)
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'sms_keyword', reason: 'SMS needs a keyword' });
  const row: repo.DialogueChannelRow = {
    dialogue_id: dialogueId,
    workspace_id: workspaceId,
    sms_keyword: keyword,
    sms_enabled: smsEnabled ? 1 : 0,
    ussd_enabled: (input.ussd_enabled ?? before?.ussd_enabled === 1) ? 1 : 0,
    languages: JSON.stringify([...new Set(languages)]),
    survey_id: surveyId,
    keep_numbers: (input.keep_numbers ?? before?.keep_numbers === 1) ? 1 : 0,
    menu_order: menuOrder ?? before?.menu_order ?? 100,
    updated_at: nowIso(),
  };
  await repo.upsertChannel(trx, row);
  return row;
}

export function setDialogueChannels(
  ctx: ServiceContext,
  dialogueId: string,
  input: ChannelSettingsInput,
): Promise<ChannelSettings> {
  return inTransaction(ctx, async (trx) => {
    const { grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    const row = await writeChannelSettings(trx, dialogueId, grant.workspaceId, input);
    await audit(trx, ctx.keys, ctx.auth, 'dialogue_channels.set', 'dialogue', dialogueId, grant.workspaceId);
    return record(dialogueId, row, await repo.participantCounts(trx, dialogueId));
  });
}

/**
 * Erases a number from a dialogue's channels (the person asked, or the convener fears for them): its hash,
 * its sealed copy, what was sent to it and its messages go; its votes stay, anonymous and unlinkable.
 */
export async function forgetChannelNumber(
  ctx: ServiceContext,
  dialogueId: string,
  number: string,
): Promise<{ forgotten: number }> {
  const ids = await inTransaction(ctx, async (trx) => {
    const { grant } = await requireDialogueAccess(trx, ctx.auth, 'dialogues.manage', dialogueId);
    const hash = phoneHash(ctx.keys, number);
    const found = await repo.channelParticipant(trx, dialogueId, hash);
    if (!found) return [];
    const ids = await repo.forgetNumber(trx, hash);
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'dialogue_channels.forget',
      'dialogue',
      dialogueId,
      grant.workspaceId,
    );
    return ids;
  });
  if (ids.length) forgetLive(ctx.db, dialogueId);
  return { forgotten: ids.length };
}
