import { foldedWords } from './name-words.js';
import type { RuleIssue } from './rule-issue.js';

/** How an attendee of a meeting can be named in its minutes: the pseudonym and the names in the vault. */
export interface AttendeeHandles {
  actor_id: string;
  pseudonym: string;
  names: readonly string[];
}

/** An attendee the text names, and the words (folded) that name them. */
export interface Attribution {
  actor_id: string;
  pseudonym: string;
  words: string;
}

// A family name alone ("Yusuf said ...") names a person too; shorter words are too often ordinary ones.
const SHORTEST_NAME_PART = 3;

/** The word sequences that name one attendee: the pseudonym, each full name, each name's last word. */
function handlesOf(attendee: AttendeeHandles): string[][] {
  const sequences = [foldedWords(attendee.pseudonym)];
  for (const name of attendee.names) {
    const words = foldedWords(name);
    if (words.length === 0) continue;
    sequences.push(words);
    const last = words[words.length - 1];
    if (words.length > 1 && last.length >= SHORTEST_NAME_PART) sequences.push([last]);
  }
  return sequences.filter((words) => words.length > 0);
}

function containsSequence(text: readonly string[], words: readonly string[]): boolean {
  outer: for (let start = 0; start + words.length <= text.length; start++) {
    for (let i = 0; i < words.length; i++) if (text[start + i] !== words[i]) continue outer;
    return true;
  }
  return false;
}

/**
 * The attendees a text names, by pseudonym or by name, compared word by word with accents and case
 * folded away ("amina  YUSUF", "Amína Yusuf" and "Yusuf" all name Amina Yusuf). One entry per attendee.
 */
export function findAttributions(text: string, attendees: readonly AttendeeHandles[]): Attribution[] {
  const words = foldedWords(text);
  const found: Attribution[] = [];
  for (const attendee of attendees) {
    const match = handlesOf(attendee).find((sequence) => containsSequence(words, sequence));
    if (match)
      found.push({ actor_id: attendee.actor_id, pseudonym: attendee.pseudonym, words: match.join(' ') });
  }
  return found;
}

/**
 * The Chatham House rule for a meeting's minutes: what was said may be used, but neither who said it nor
 * who was there. Minutes of a `chatham_house` meeting that name one of its attendees are refused; the
 * issue names the attendees by pseudonym only. Other ground rules take any minutes.
 */
export function checkChathamHouseMinutes(
  groundRule: string,
  text: string,
  attendees: readonly AttendeeHandles[],
): RuleIssue | undefined {
  if (groundRule !== 'chatham_house') return undefined;
  const named = findAttributions(text, attendees);
  if (named.length === 0) return undefined;
  return {
    field: 'body',
    reason: `the minutes name ${named.length === 1 ? 'an attendee' : `${named.length} attendees`} (${named
      .map((attribution) => attribution.pseudonym)
      .join(', ')}): under the Chatham House rule write what was said, not who said it or who was there`,
  };
}
