/**
 * What a reply may not hold, found in its text: a secret string, or a `met` tie between two actors shown
 * without its id (a Kumu connections row names its ends by pseudonym only). A tie is one JSON object's own
 * string values with one of them `met`, or one line of a CSV export (a JSON string holding a file counts
 * line by line) with a `met` cell.
 */

/** The secrets in `body` that the request itself did not name (an error may echo what it was asked). */
export function secretsIn(body: string, asked: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => body.includes(secret) && !asked.includes(secret));
}

function objectsOf(value: unknown, into: string[][]): void {
  if (Array.isArray(value)) {
    for (const item of value) objectsOf(item, into);
  } else if (value !== null && typeof value === 'object') {
    const own: string[] = [];
    for (const field of Object.values(value)) {
      if (typeof field === 'string' && field.includes('\n')) linesOf(field, into);
      else if (typeof field === 'string') own.push(field);
      else objectsOf(field, into);
    }
    if (own.includes('met')) into.push(own);
  }
}

function linesOf(text: string, into: string[][]): void {
  for (const line of text.split('\n')) if (/(^|,)"?met"?(,|$)/.test(line)) into.push([line]);
}

/** The `met` ties of a reply, each as the strings that describe it. */
function metTies(body: string): string[][] {
  const ties: string[][] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    linesOf(body, ties);
    return ties;
  }
  objectsOf(parsed, ties);
  return ties;
}

/** Whether a reply shows a `met` tie between an actor of `one` and an actor of `other` (ids or pseudonyms). */
export function metTieIn(body: string, one: readonly string[], other: readonly string[]): boolean {
  const mentions = (tie: string[], refs: readonly string[]) =>
    tie.some((text) => refs.some((ref) => text.includes(ref)));
  return metTies(body).some((tie) => mentions(tie, one) && mentions(tie, other));
}
