import { beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createInitiative } from '../../src/store/repositories/initiatives.js';
import { createMeeting, deleteMeeting } from '../../src/store/repositories/meetings.js';
import {
  deleteMeetingText,
  deleteMeetingTextsOfInitiative,
  getMeetingText,
  putMeetingText,
} from '../../src/store/repositories/meeting-texts.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { makeSetting, type Setting } from './fixtures.js';

forEachEngine('meeting minutes and notes', (getDb) => {
  let setting: Setting;
  let initiativeId: string;

  beforeAll(async () => {
    setting = await makeSetting(getDb(), 'Minutes');
    initiativeId = (
      await createInitiative(getDb(), {
        workspace_id: setting.workspace.id,
        conflict_id: setting.conflict.id,
        name: 'Channel',
        actors: [],
      })
    ).id;
  });

  const newMeeting = (title: string) =>
    createMeeting(getDb(), {
      initiative_id: initiativeId,
      title,
      held_on: '2024-04-01',
      ground_rule: 'chatham_house',
    });

  it('keeps one minutes and one notes text per meeting, replaced whole', async () => {
    const meeting = await newMeeting('Round 1');
    expect(await getMeetingText(getDb(), meeting.id, 'minutes')).toBeUndefined();
    await putMeetingText(getDb(), meeting.id, 'minutes', 'A participant proposed a pause.');
    await putMeetingText(getDb(), meeting.id, 'notes', 'Book a larger room.');
    const replaced = await putMeetingText(getDb(), meeting.id, 'minutes', 'The room agreed on a pause — ✓');
    const read = await getMeetingText(getDb(), meeting.id, 'minutes');
    expect(read).toEqual(replaced);
    expect(read?.body).toBe('The room agreed on a pause — ✓');
    expect((await getMeetingText(getDb(), meeting.id, 'notes'))?.body).toBe('Book a larger room.');
    expect(await deleteMeetingText(getDb(), meeting.id, 'notes')).toBe(true);
    expect(await deleteMeetingText(getDb(), meeting.id, 'notes')).toBe(false);
    expect(await getMeetingText(getDb(), meeting.id, 'notes')).toBeUndefined();
  });

  it('refuses a kind other than minutes and notes, and a meeting that does not exist', async () => {
    const meeting = await newMeeting('Round 2');
    await expect(
      sql`insert into meeting_texts (meeting_id, kind, body, updated_at) values (${meeting.id}, 'gossip', 'x', '2024-01-01T00:00:00.000Z')`.execute(
        getDb(),
      ),
    ).rejects.toThrow();
    await expect(putMeetingText(getDb(), 'no-such-meeting', 'minutes', 'x')).rejects.toThrow();
  });

  it('goes with its meeting, and with every meeting of an erased initiative', async () => {
    const gone = await newMeeting('Round 3');
    await putMeetingText(getDb(), gone.id, 'minutes', 'Text');
    await deleteMeeting(getDb(), gone.id);
    expect(await getMeetingText(getDb(), gone.id, 'minutes')).toBeUndefined();
    const before = await countRows(getDb(), 'meeting_texts');
    expect(before).toBeGreaterThan(0);
    expect(await deleteMeetingTextsOfInitiative(getDb(), initiativeId)).toBe(before);
    expect(await countRows(getDb(), 'meeting_texts')).toBe(0);
  });
});
