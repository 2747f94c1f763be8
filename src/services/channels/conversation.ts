import { createHash } from 'node:crypto';
import { TrackTwoError } from '../../domain/errors.js';
import type { VoteValue } from '../../deliberation/vote-matrix.js';
import { parseSms, type SmsCommand } from '../../channels/sms-commands.js';
import type { CHANNEL_LANGUAGES } from '../../channels/replies.js';
import { REPLIES, reply, statementMessage } from '../../channels/replies.js';
import { seal } from '../../security/envelope.js';
import { newId, nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/channels.js';
import * as dialogues from '../../store/repositories/dialogues.js';
import type { ServiceContext } from '../context.js';
import { hashParticipantToken, ifLive } from '../dialogues/live.js';
import {
  castVote,
  nextStatement,
  putStatementsForward,
  readDialogue,
  setParticipantLanguage,
} from '../dialogues/participation.js';
import { answerByLink, surveyForm } from '../surveys/responses.js';
import { channelSurveyLink } from '../surveys/channel-respondents.js';
import type { SurveyLanguage } from '../../domain/instruments.js';
import { channelSurveyToken, channelToken, numberContext, phoneHash } from './phone.js';

/**
 * The SMS and USSD conversations: what a gateway's message does, through the same participation use cases
 * as the web page (castVote, nextStatement, putStatementsForward), acting with the participant's token,
 * which is derived from the channel participant and never stored. Every answer is a reply text, never an
 * error: a person on a feature phone is told what to do in their language.
 */

export interface ChannelOptions {
  /** Messages a number may send per minute before it is asked to wait. */
  ratePerMinute: number;
}

type Channel = 'sms' | 'ussd';

interface Joined {
  row: repo.ChannelParticipantRow;
  token: string;
  keyword: string | null;
}

function languagesOf(row: repo.DialogueChannelRow): string[] {
  return JSON.parse(row.languages) as string[];
}

/** Joins (or comes back to) a dialogue: a dialogue participant with a derived token, and the channel row. */
async function join(
  ctx: ServiceContext,
  channel: repo.DialogueChannelRow,
  number: string,
  via: Channel,
): Promise<Joined> {
  const hash = phoneHash(ctx.keys, number);
  const at = nowIso();
  const existing = await repo.channelParticipant(ctx.db, channel.dialogue_id, hash);
  if (existing) {
    await repo.updateChannelParticipant(ctx.db, existing.id, {
      stopped_at: null,
      active_at: at,
      channel: via,
    });
    const row = { ...existing, stopped_at: null, active_at: at, channel: via };
    return { row, token: channelToken(ctx.keys, existing.id), keyword: channel.sms_keyword };
  }
  const id = newId();
  const token = channelToken(ctx.keys, id);
  const language = languagesOf(channel)[0] ?? 'en';
  const made = await ctx.db.transaction().execute(async (trx) => {
    const participant: dialogues.ParticipantRow = {
      id: newId(),
      dialogue_id: channel.dialogue_id,
      number: await dialogues.nextParticipantNumber(trx, channel.dialogue_id),
      token_hash: hashParticipantToken(token),
      account_id: null,
      actor_id: null,
      group_id: null,
      created_at: at,
      language,
    };
    await dialogues.insertParticipants(trx, [participant]);
    let sealed: string | null = null;
    if (channel.keep_numbers === 1) {
      const key = (await ctx.keys.workspaceKey(trx, channel.workspace_id, true)) as Buffer;
      sealed = seal(key, Buffer.from(number, 'utf8'), numberContext(channel.workspace_id, id));
    }
    const row: repo.ChannelParticipantRow = {
      id,
      dialogue_id: channel.dialogue_id,
      participant_id: participant.id,
      phone_hash: hash,
      channel: via,
      language,
      last_statement_id: null,
      sealed_number: sealed,
      joined_at: at,
      active_at: at,
      stopped_at: null,
    };
    await repo.insertChannelParticipant(trx, row);
    return { row, participant };
  });
  await ifLive(ctx.db, channel.dialogue_id, (live) =>
    live.addParticipant({ id: made.participant.id, number: made.participant.number, groupId: null }),
  );
  return { row: made.row, token, keyword: channel.sms_keyword };
}

/** The next statement, sent with its short number and remembered as the last sent. */
async function sendNext(ctx: ServiceContext, joined: Joined): Promise<{ text: string; done: boolean }> {
  const { row, token } = joined;
  const next = await nextStatement(ctx, row.dialogue_id, token, row.language);
  if (!next.statement) return { text: reply(row.language, 'done'), done: true };
  await repo.recordSent(ctx.db, row.id, next.statement.number, next.statement.id, nowIso());
  row.last_statement_id = next.statement.id;
  return { text: statementMessage(row.language, next.statement.number, next.statement.text), done: false };
}

/** A vote on the statement the number names (a late `12 1`) or on the last one sent. */
async function vote(
  ctx: ServiceContext,
  joined: Joined,
  value: VoteValue,
  number: number | null,
  requestId: string,
): Promise<string> {
  const { row } = joined;
  const statementId =
    number === null ? row.last_statement_id : await repo.sentStatement(ctx.db, row.id, number);
  if (!statementId) {
    if (number !== null) return reply(row.language, 'unknownNumber', { n: number });
    return (await sendNext(ctx, joined)).text;
  }
  try {
    await castVote(ctx, row.dialogue_id, joined.token, {
      statement_id: statementId,
      vote: value,
      request_id: requestId,
    });
  } catch (error) {
    if (!(error instanceof TrackTwoError)) throw error;
    if (error.code === 'TT_ERR_DIALOGUE_CLOSED') return reply(row.language, 'closed');
    // A replay counted once already; a statement withdrawn since: go on to the next.
    if (error.code !== 'TT_ERR_DIALOGUE_REPLAYED_VOTE' && error.code !== 'TT_ERR_DIALOGUE_UNKNOWN_STATEMENT')
      throw error;
  }
  const next = await sendNext(ctx, joined);
  return `${reply(row.language, 'recorded')} ${next.text}`;
}

async function submit(ctx: ServiceContext, joined: Joined, text: string): Promise<string> {
  const { row } = joined;
  try {
    await putStatementsForward(ctx, row.dialogue_id, joined.token, { text });
  } catch (error) {
    if (!(error instanceof TrackTwoError)) throw error;
    if (error.code === 'TT_ERR_DIALOGUE_CLOSED') return reply(row.language, 'closed');
    if (error.code === 'TT_ERR_VALIDATION') return reply(row.language, 'tooLong');
    throw error;
  }
  return reply(row.language, 'submitted');
}

async function setLanguage(
  ctx: ServiceContext,
  joined: Joined,
  channel: repo.DialogueChannelRow,
  code: string,
): Promise<string> {
  const allowed = languagesOf(channel);
  if (!allowed.includes(code))
    return reply(joined.row.language, 'languageUnknown', {
      list: allowed
        .map((l) => `${l} ${REPLIES[l as (typeof CHANNEL_LANGUAGES)[number]]?.name ?? l}`)
        .join(', '),
    });
  await repo.updateChannelParticipant(ctx.db, joined.row.id, { language: code });
  joined.row.language = code;
  await setParticipantLanguage(ctx, joined.row.dialogue_id, joined.token, code);
  return reply(code, 'language');
}

/** Is the number over its rate? Counted before anything else is done. */
async function tooFast(ctx: ServiceContext, number: string, options: ChannelOptions): Promise<boolean> {
  const count = await repo.countMessage(ctx.db, phoneHash(ctx.keys, number), new Date());
  return count > options.ratePerMinute;
}

async function smsReply(ctx: ServiceContext, from: string, command: SmsCommand, messageId: string) {
  const hash = phoneHash(ctx.keys, from);
  const joinTo = async (keyword: string): Promise<{ text: string; cp: string | null } | undefined> => {
    const channel = await repo.channelByKeyword(ctx.db, keyword);
    if (!channel || channel.sms_enabled !== 1) return undefined;
    const dialogue = await ctx.db
      .selectFrom('dialogues')
      .select('status')
      .where('id', '=', channel.dialogue_id)
      .executeTakeFirst();
    if (!dialogue || dialogue.status === 'closed')
      return { text: reply(languagesOf(channel)[0], 'closed'), cp: null };
    const joined = await join(ctx, channel, from, 'sms');
    const shown = await readDialogue(ctx, channel.dialogue_id, joined.token);
    const next = await sendNext(ctx, joined);
    return {
      text: `${reply(joined.row.language, 'welcome', { k: shown.prompt })}\n${next.text}`,
      cp: joined.row.id,
    };
  };
  if (command.kind === 'join') {
    const joined = await joinTo(command.keyword);
    if (joined) return joined;
    const current = await repo.currentSmsParticipant(ctx.db, hash);
    return { text: reply(current?.language ?? 'en', 'unknownKeyword', { k: command.keyword }), cp: null };
  }
  if (command.kind === 'word') {
    const joined = await joinTo(command.word);
    if (joined) return joined;
  }
  const current = await repo.currentSmsParticipant(ctx.db, hash);
  if (!current) return { text: reply('en', 'help'), cp: null };
  const channel = await repo.channelOf(ctx.db, current.dialogue_id);
  if (!channel) return { text: reply(current.language, 'help'), cp: null };
  const joined: Joined = {
    row: current,
    token: channelToken(ctx.keys, current.id),
    keyword: channel.sms_keyword,
  };
  const cp = current.id;
  switch (command.kind) {
    case 'vote':
      return { text: await vote(ctx, joined, command.vote, command.number, messageId), cp };
    case 'statement':
      return { text: await submit(ctx, joined, command.text), cp };
    case 'language':
      return { text: await setLanguage(ctx, joined, channel, command.code), cp };
    case 'stop':
      await repo.updateChannelParticipant(ctx.db, current.id, { stopped_at: nowIso(), sealed_number: null });
      return { text: reply(current.language, 'stopped', { k: channel.sms_keyword ?? '' }), cp };
    default:
      return { text: reply(current.language, 'help'), cp };
  }
}

/**
 * One text message. A MessageSid seen before gets the reply it got then and changes nothing; a number
 * over its rate is asked to wait (and the message is not logged, so the gateway's retry is answered).
 */
export async function receiveSms(
  ctx: ServiceContext,
  message: { from: string; body: string; messageId: string },
  options: ChannelOptions,
): Promise<string> {
  const seen = await repo.messageReply(ctx.db, message.messageId);
  if (seen) return seen.reply;
  if (await tooFast(ctx, message.from, options)) {
    const current = await repo.currentSmsParticipant(ctx.db, phoneHash(ctx.keys, message.from));
    return reply(current?.language ?? 'en', 'slowDown');
  }
  const answer = await smsReply(ctx, message.from, parseSms(message.body), message.messageId);
  await repo.logMessage(
    ctx.db,
    { message_id: message.messageId, channel: 'sms', channel_participant_id: answer.cp, reply: answer.text },
    nowIso(),
  );
  return answer.text;
}

const USSD_LIMIT = 182;

function ussd(kind: 'CON' | 'END', text: string): string {
  const body = text.length > USSD_LIMIT - 4 ? `${text.slice(0, USSD_LIMIT - 5)}…` : text;
  return `${kind} ${body}`;
}

/** A statement on a USSD screen: cut so that the options still fit. */
function ussdStatement(language: string, number: number, text: string): string {
  const options = reply(language, 'options');
  const room = USSD_LIMIT - 4 - options.length - `#${number} \n`.length;
  const shown = text.length > room ? `${text.slice(0, room - 1)}…` : text;
  return `#${number} ${shown}\n${options}`;
}

async function ussdNext(ctx: ServiceContext, joined: Joined): Promise<string> {
  const next = await nextStatement(ctx, joined.row.dialogue_id, joined.token, joined.row.language);
  if (!next.statement) return ussd('END', reply(joined.row.language, 'done'));
  await repo.recordSent(ctx.db, joined.row.id, next.statement.number, next.statement.id, nowIso());
  joined.row.last_statement_id = next.statement.id;
  return ussd('CON', ussdStatement(joined.row.language, next.statement.number, next.statement.text));
}

/**
 * The dialogue's survey, question by question: the path after `3` holds the answers so far (USSD sends the
 * whole path each time), so nothing is stored until the last question is answered, then all answers go
 * through answerByLink, the web answer page's use case, with a link derived from the channel participant.
 */
async function ussdSurvey(
  ctx: ServiceContext,
  channel: repo.DialogueChannelRow,
  joined: Joined,
  steps: string[],
): Promise<string> {
  const language = joined.row.language;
  if (!channel.survey_id) return ussd('END', reply(language, 'surveyNone'));
  const link = await channelSurveyLink(ctx, channel.survey_id, (waveId) =>
    channelSurveyToken(ctx.keys, joined.row.id, waveId),
  );
  if (!link) return ussd('END', reply(language, 'surveyNone'));
  const form = await surveyForm(ctx, channel.survey_id, link.wave_id, link.token, language as SurveyLanguage);
  const questions = form.instruments.flatMap((instrument) =>
    instrument.items.map((item) => ({ instrument, item })),
  );
  const answers: { instrument: string; out_group: string | null; item: string; value: number }[] = [];
  let wrong = false;
  for (const step of steps) {
    const question = questions[answers.length];
    if (!question) break;
    const { scale } = question.instrument;
    const value = /^-?\d{1,4}$/u.test(step) ? Number(step) : NaN;
    wrong = !(value >= scale.min && value <= scale.max && Number.isInteger((value - scale.min) / scale.step));
    if (!wrong)
      answers.push({
        instrument: question.instrument.id,
        out_group: question.instrument.out_group,
        item: question.item.id,
        value,
      });
  }
  const question = questions[answers.length];
  if (!question) {
    try {
      await answerByLink(ctx, channel.survey_id, link.wave_id, link.token, {
        language: form.language,
        answers,
      });
    } catch (error) {
      if (error instanceof TrackTwoError && error.code === 'TT_ERR_SURVEY_WAVE_CLOSED')
        return ussd('END', reply(language, 'surveyNone'));
      throw error;
    }
    return ussd('END', reply(language, 'surveyThanks'));
  }
  const { scale } = question.instrument;
  const low = scale.anchors.find((a) => a.value === scale.min)?.label;
  const high = scale.anchors.find((a) => a.value === scale.max)?.label;
  const label = (l: typeof low) => (l ? ` ${(l as Record<string, string>)[form.language] ?? l.en}` : '');
  const range = reply(language, 'surveyRange')
    .replace('{min}', String(scale.min))
    .replace('{max}', String(scale.max));
  const head = `${wrong ? `${reply(language, 'ussdInvalid')} ` : ''}${answers.length + 1}/${questions.length} `;
  const tail = `\n${scale.min}${label(low)}\n${scale.max}${label(high)}\n${range}`;
  const room = USSD_LIMIT - 4 - head.length - tail.length;
  const text =
    question.item.text.length > room
      ? `${question.item.text.slice(0, Math.max(room - 1, 0))}…`
      : question.item.text;
  return ussd('CON', `${head}${text}${tail}`);
}

const USSD_VOTES: Record<string, VoteValue> = { '1': 1, '2': -1, '0': 0 };

async function ussdReply(
  ctx: ServiceContext,
  phone: string,
  steps: string[],
  requestId: string,
): Promise<{ text: string; cp: string | null }> {
  const menu = await repo.ussdChannels(ctx.db);
  if (!menu.length) return { text: ussd('END', reply('en', 'ussdNone')), cp: null };
  if (steps.length === 0) {
    const lines = menu.map(
      (m, i) => `${i + 1} ${m.prompt.length > 40 ? `${m.prompt.slice(0, 39)}…` : m.prompt}`,
    );
    return { text: ussd('CON', `${reply('en', 'ussdChoose')}\n${lines.join('\n')}`), cp: null };
  }
  const picked = menu[Number(steps[0]) - 1];
  if (!/^[1-9]$/u.test(steps[0]) || !picked)
    return { text: ussd('END', reply('en', 'ussdInvalid')), cp: null };
  const channel = (await repo.channelOf(ctx.db, picked.dialogue_id))!;
  const joined = await join(ctx, channel, phone, 'ussd');
  const cp = joined.row.id;
  const language = joined.row.language;
  const shown = await readDialogue(ctx, channel.dialogue_id, joined.token);
  if (steps.length === 1)
    return { text: ussd('CON', `${shown.prompt.slice(0, 90)}\n${reply(language, 'ussdActions')}`), cp };
  const action = steps[1];
  const rest = steps.slice(2);
  if (action === '1') {
    if (rest.length === 0) return { text: await ussdNext(ctx, joined), cp };
    const value = USSD_VOTES[rest[rest.length - 1]];
    if (value === undefined || !joined.row.last_statement_id)
      return { text: ussd('CON', `${reply(language, 'ussdInvalid')}\n${reply(language, 'options')}`), cp };
    try {
      await castVote(ctx, channel.dialogue_id, joined.token, {
        statement_id: joined.row.last_statement_id,
        vote: value,
        request_id: requestId,
      });
    } catch (error) {
      if (!(error instanceof TrackTwoError)) throw error;
      if (error.code === 'TT_ERR_DIALOGUE_CLOSED')
        return { text: ussd('END', reply(language, 'closed')), cp };
      if (
        error.code !== 'TT_ERR_DIALOGUE_REPLAYED_VOTE' &&
        error.code !== 'TT_ERR_DIALOGUE_UNKNOWN_STATEMENT'
      )
        throw error;
    }
    return { text: await ussdNext(ctx, joined), cp };
  }
  if (action === '2') {
    if (rest.length === 0) return { text: ussd('CON', reply(language, 'ussdType')), cp };
    return { text: ussd('END', await submit(ctx, joined, rest.join('*'))), cp };
  }
  if (action === '3') return { text: await ussdSurvey(ctx, channel, joined, rest), cp };
  if (action === '4') {
    const allowed = languagesOf(channel);
    if (rest.length === 0) {
      const lines = allowed.map(
        (l, i) => `${i + 1} ${REPLIES[l as (typeof CHANNEL_LANGUAGES)[number]]?.name ?? l}`,
      );
      return { text: ussd('CON', lines.join('\n')), cp };
    }
    const code = allowed[Number(rest[0]) - 1];
    if (!code) return { text: ussd('END', reply(language, 'ussdInvalid')), cp };
    const said = await setLanguage(ctx, joined, channel, code);
    return { text: ussd('CON', `${said}\n${reply(code, 'ussdActions')}`), cp };
  }
  return { text: ussd('END', reply(language, 'ussdInvalid')), cp };
}

/**
 * One USSD callback: `text` is the whole path of the session so far, joined by `*`; only its last step
 * is new. The same session and path again (a retried callback) gets the same answer and changes nothing.
 */
export async function receiveUssd(
  ctx: ServiceContext,
  session: { sessionId: string; phoneNumber: string; text: string },
  options: ChannelOptions,
): Promise<string> {
  const messageId = `ussd:${createHash('sha256').update(`${session.sessionId}\n${session.text}`, 'utf8').digest('hex')}`;
  const seen = await repo.messageReply(ctx.db, messageId);
  if (seen) return seen.reply;
  if (await tooFast(ctx, session.phoneNumber, options)) return ussd('END', reply('en', 'slowDown'));
  const steps = session.text === '' ? [] : session.text.split('*');
  const answer = await ussdReply(ctx, session.phoneNumber, steps, messageId);
  await repo.logMessage(
    ctx.db,
    { message_id: messageId, channel: 'ussd', channel_participant_id: answer.cp, reply: answer.text },
    nowIso(),
  );
  return answer.text;
}
