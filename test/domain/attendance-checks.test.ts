import { describe, expect, it } from 'vitest';
import { checkAttendable, checkAttendeesKnown } from '../../src/domain/attendance-checks.js';
import { meetingStatuses } from '../../src/domain/vocabulary.js';

describe('checkAttendable', () => {
  it('refuses attendance at a cancelled meeting only', () => {
    expect(checkAttendable({ status: 'cancelled' })).toEqual({
      field: 'meeting_id',
      reason: 'the meeting was cancelled: it has no attendance',
    });
    for (const status of meetingStatuses.filter((s) => s !== 'cancelled')) {
      expect(checkAttendable({ status }), status).toBeUndefined();
    }
  });
});

describe('checkAttendeesKnown', () => {
  it('refuses any attendee that is not an actor of the conflict', () => {
    expect(checkAttendeesKnown(['a', 'b'], new Set(['a', 'b', 'c']))).toBeUndefined();
    expect(checkAttendeesKnown([], new Set())).toBeUndefined();
    expect(checkAttendeesKnown(['a', 'x'], new Set(['a']))).toEqual({
      field: 'attendees',
      reason: "an attendee is not an actor of the initiative's conflict",
    });
  });
});
