import { describe, expect, it } from 'vitest';
import { checkChathamHouseMinutes, findAttributions } from '../../src/domain/chatham-house.js';

const attendees = [
  { actor_id: 'a1', pseudonym: 'A-4GZFP4', names: ['Amína Yusuf'] },
  { actor_id: 'a2', pseudonym: 'A-7K3F9Q', names: ['Jo Li', 'Bo'] },
  { actor_id: 'a3', pseudonym: 'A-XXXXXX', names: [] },
];

describe('the Chatham House rule for minutes', () => {
  it('finds attendees named in full, by family name, by a one-word name or by pseudonym, case and accents folded', () => {
    expect(findAttributions('AMINA  yusuf proposed a ceasefire.', attendees)).toEqual([
      { actor_id: 'a1', pseudonym: 'A-4GZFP4', words: 'amina yusuf' },
    ]);
    expect(findAttributions('Yusuf disagreed.', attendees).map((a) => a.actor_id)).toEqual(['a1']);
    expect(findAttributions('As a-4gzfp4 said', attendees).map((a) => a.actor_id)).toEqual(['a1']);
    expect(
      findAttributions('Bo asked for a pause; A-XXXXXX agreed.', attendees).map((a) => a.actor_id),
    ).toEqual(['a2', 'a3']);
  });

  it('does not flag words that only contain a name, nor a short family name alone', () => {
    // "Li" alone is too short to name anyone; "Bolt" and "Yusufa" are other words.
    expect(findAttributions('Li Bolt and Yusufa spoke of the bridge.', attendees)).toEqual([]);
    expect(findAttributions('', attendees)).toEqual([]);
  });

  it('refuses attributed minutes of a Chatham House meeting, naming attendees by pseudonym only', () => {
    const issue = checkChathamHouseMinutes('chatham_house', 'Amina Yusuf and Jo Li spoke.', attendees);
    expect(issue?.field).toBe('body');
    expect(issue?.reason).toContain('A-4GZFP4, A-7K3F9Q');
    expect(issue?.reason).not.toMatch(/amina|yusuf|jo li/i);
    expect(checkChathamHouseMinutes('chatham_house', 'A participant proposed a ceasefire.', attendees)).toBe(
      undefined,
    );
  });

  it('lets open and closed meetings name their attendees', () => {
    expect(checkChathamHouseMinutes('open', 'Amina Yusuf spoke.', attendees)).toBe(undefined);
    expect(checkChathamHouseMinutes('closed', 'Amina Yusuf spoke.', attendees)).toBe(undefined);
  });
});
