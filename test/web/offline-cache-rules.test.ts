import { describe, expect, it } from 'vitest';
import { isParticipantRead } from '../../web/src/offline/cache-rules.js';

/** Least data: the service worker keeps a link participant's own dialogue reads and nothing else. */
describe('what the service worker may cache', () => {
  it("keeps the participant's dialogue, statements and next statement", () => {
    expect(isParticipantRead('GET', '/api/dialogues/abc', true)).toBe(true);
    expect(isParticipantRead('GET', '/api/dialogues/abc/statements', true)).toBe(true);
    expect(isParticipantRead('GET', '/api/dialogues/abc/next', true)).toBe(true);
  });

  it("never keeps a convener's reads, results, writes or anything else", () => {
    expect(isParticipantRead('GET', '/api/dialogues/abc/statements', false)).toBe(false);
    expect(isParticipantRead('GET', '/api/dialogues/abc/results', true)).toBe(false);
    expect(isParticipantRead('GET', '/api/dialogues/abc/common-ground/x', true)).toBe(false);
    expect(isParticipantRead('POST', '/api/dialogues/abc/votes', true)).toBe(false);
    expect(isParticipantRead('GET', '/api/actors', true)).toBe(false);
    expect(isParticipantRead('GET', '/api/people', true)).toBe(false);
    expect(isParticipantRead('GET', '/api/surveys/abc/respondents', true)).toBe(false);
  });
});
