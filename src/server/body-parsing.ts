import type { FastifyInstance } from 'fastify';
import { TrackTwoError } from '../domain/errors.js';

/** Keys that would reach an object's prototype if a body were ever merged into another object. */
const poisonedKeys = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper bodies are refused before parsing: no record nests this far, and deep nesting exhausts the stack. */
const MAX_DEPTH = 64;

/**
 * Strict UTF-8: a byte that is no UTF-8 (0xff), an overlong form (0xc0 0xaf), a surrogate written in raw
 * bytes (0xed 0xa0 0x80) or a cut-off sequence throws instead of becoming U+FFFD, which would store text
 * the sender never wrote. A byte-order mark is kept, so JSON.parse refuses it as before.
 */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The body as text, or TT_ERR_BAD_ENCODING if it is not strict UTF-8. */
export function decodeUtf8(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new TrackTwoError('TT_ERR_BAD_ENCODING', { field: 'body', reason: 'not valid UTF-8', in: 'body' });
  }
}

/** The deepest nesting of arrays and objects in JSON text, brackets inside strings not counted. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

/**
 * The dotted path of the first string (value or key) holding a NUL character, if any. PostgreSQL cannot
 * store NUL in text and SQLite can, so it is refused here, on both engines alike.
 */
function pathOfNul(value: unknown, path: string[] = []): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = pathOfNul(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * Bodies are JSON and nothing else: Fastify's text/plain parser goes, so a cross-site form (which can only
 * send text/plain, urlencoded or multipart) never reaches a write route, whatever the cookies say. An empty
 * JSON body is no body, so body-less actions (logout, delete) accept `Content-Type: application/json`.
 */
export function installJsonBodies(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit },
    (_request, body: string | Buffer, done) => {
      let text: string;
      try {
        text = typeof body === 'string' ? body : decodeUtf8(body);
      } catch (error) {
        done(error as TrackTwoError, undefined);
        return;
      }
      if (text.trim() === '') {
        done(null, undefined);
        return;
      }
      if (nestingDepth(text) > MAX_DEPTH) {
        done(
          new TrackTwoError('TT_ERR_VALIDATION', {
            field: 'body',
            reason: `nested more than ${MAX_DEPTH} levels deep`,
          }),
          undefined,
        );
        return;
      }
      try {
        const parsed: unknown = JSON.parse(text, (key, value: unknown) => {
          if (poisonedKeys.has(key)) {
            throw new TrackTwoError('TT_ERR_VALIDATION', { field: key, reason: 'a reserved key' });
          }
          return value;
        });
        // JSON can only carry NUL escaped, so most bodies skip the walk.
        const nul = text.includes('\\u0000') ? pathOfNul(parsed) : undefined;
        if (nul) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: nul.join('.'),
            reason: 'text may not hold a NUL character',
            in: 'body',
          });
        }
        done(null, parsed);
      } catch (error) {
        if (error instanceof TrackTwoError) done(error, undefined);
        // The parser's message is not echoed: it names engine internals, not the caller's mistake.
        else done(new TrackTwoError('TT_ERR_BAD_JSON'), undefined);
      }
    },
  );
}
