import type { VoteValue } from '../deliberation/vote-matrix.js';

/**
 * What a text message asks, read leniently (feature phones add spaces, capitals, a trailing full stop).
 * Pure: the webhook decides what each command does.
 */
export type SmsCommand =
  | { kind: 'join'; keyword: string }
  | { kind: 'vote'; vote: VoteValue; number: number | null }
  | { kind: 'statement'; text: string }
  | { kind: 'language'; code: string }
  | { kind: 'stop' }
  | { kind: 'help' }
  /** A single word: the keyword of a dialogue, sent without JOIN, or nothing the dialogue knows. */
  | { kind: 'word'; word: string }
  | { kind: 'unknown' };

/** The carriers' and Twilio's own opt-out words (Twilio answers these itself unless told otherwise). */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET', 'ACHA']);
const HELP_WORDS = new Set(['HELP', 'INFO', '?', 'AIDE', 'MSAADA', 'CAAWI', 'LISALISI']);
const VOTES: Record<string, VoteValue> = { '1': 1, '2': -1, '0': 0 };

/** Statements by text are at most this long, as on the web (a longer one is refused, not cut). */
export const MAX_SMS_STATEMENT = 1000;

export function parseSms(body: string): SmsCommand {
  const text = body
    .normalize('NFC')
    .trim()
    .replace(/[.!]+$/u, '')
    .trim();
  if (text === '') return { kind: 'help' };
  const statement = /^s\s+([\s\S]+)$/iu.exec(text);
  if (statement) return { kind: 'statement', text: statement[1].trim() };
  const words = text.split(/\s+/u);
  const first = words[0].toUpperCase();
  if (words.length === 2 && (first === 'JOIN' || first === 'START')) {
    return { kind: 'join', keyword: normaliseKeyword(words[1]) };
  }
  if (words.length === 2 && first === 'LANG') return { kind: 'language', code: words[1].toLowerCase() };
  if (words.length === 1 && STOP_WORDS.has(first)) return { kind: 'stop' };
  if (words.length === 1 && HELP_WORDS.has(first)) return { kind: 'help' };
  if (words.length === 1 && first in VOTES) return { kind: 'vote', vote: VOTES[first], number: null };
  const late = /^#?(\d{1,6})\s*[\s:,.-]\s*([012])$/u.exec(text);
  if (late) return { kind: 'vote', vote: VOTES[late[2]], number: Number(late[1]) };
  if (words.length === 1 && /^[\p{L}\p{N}_-]{2,32}$/u.test(words[0])) {
    return { kind: 'word', word: normaliseKeyword(words[0]) };
  }
  return { kind: 'unknown' };
}

/** Keywords compare in upper case, without accents' variants of form. */
export function normaliseKeyword(word: string): string {
  return word.normalize('NFC').toUpperCase();
}

/** A keyword a convener may choose: one word of letters, digits, `_` or `-`, 2 to 32 long. */
export const KEYWORD = /^[\p{L}\p{N}_-]{2,32}$/u;
