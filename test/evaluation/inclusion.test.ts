import { describe, expect, it } from 'vitest';
import {
  inclusionShares,
  trackOneBaseline,
  womenInclusion,
  type AttendanceRecord,
} from '../../src/evaluation/inclusion.js';

function attend(
  meetingId: string,
  date: string,
  actorId: string,
  gender: string | null,
  side: string,
  role = 'participant',
  track = '2',
): AttendanceRecord {
  return {
    meetingId,
    initiativeId: meetingId.startsWith('m1') ? 'i1' : 'i2',
    conflictId: 'c1',
    date,
    actorId,
    gender,
    side,
    role,
    track,
  };
}

const records: AttendanceRecord[] = [
  // Meeting m1a (2024-02): 1 woman of 4
  attend('m1a', '2024-02-10', 'a1', 'woman', 'A'),
  attend('m1a', '2024-02-10', 'a2', 'man', 'A'),
  attend('m1a', '2024-02-10', 'a3', 'man', 'B'),
  attend('m1a', '2024-02-10', 'a4', 'man', 'B', 'facilitator', '1.5'),
  // Meeting m1b (2024-07): 2 women of 4, a1 again
  attend('m1b', '2024-07-01', 'a1', 'woman', 'A'),
  attend('m1b', '2024-07-01', 'a5', 'woman', 'B'),
  attend('m1b', '2024-07-01', 'a2', 'man', 'A'),
  attend('m1b', '2024-07-01', 'a6', null, 'B'),
  // Meeting m2a of another initiative (2025-03): 3 women of 3
  attend('m2a', '2025-03-03', 'a7', 'woman', 'A'),
  attend('m2a', '2025-03-03', 'a8', 'woman', 'B'),
  attend('m2a', '2025-03-03', 'a5', 'woman', 'B'),
];

describe('inclusion', () => {
  it('keeps the Track-I baseline of 1992-2019', () => {
    expect(trackOneBaseline).toMatchObject({
      negotiators: 0.13,
      mediators: 0.06,
      signatories: 0.06,
      period: '1992-2019',
    });
  });

  it('gives the share of each side per meeting', () => {
    const rows = inclusionShares(records, { unit: 'meeting', dimension: 'side' });
    expect(rows.map((r) => [r.unitId, r.period, r.attendees])).toEqual([
      ['m1a', '2024-02-10', 4],
      ['m1b', '2024-07-01', 4],
      ['m2a', '2025-03-03', 3],
    ]);
    expect(rows[0].shares).toEqual({ A: 0.5, B: 0.5 });
    expect(rows[2].counts).toEqual({ A: 1, B: 2 });
  });

  it('counts each person once per initiative and period, and unknown gender as its own value', () => {
    const rows = inclusionShares(records, { unit: 'initiative', dimension: 'gender', period: 'all' });
    const i1 = rows.find((r) => r.unitId === 'i1')!;
    expect(i1.attendees).toBe(6);
    expect(i1.counts).toEqual({ woman: 2, man: 3, unknown: 1 });
    const byQuarter = inclusionShares(records, { unit: 'conflict', dimension: 'track', period: 'quarter' });
    expect(byQuarter.map((r) => r.period)).toEqual(['2024-Q1', '2024-Q3', '2025-Q1']);
    expect(byQuarter[0].shares['1.5']).toBeCloseTo(0.25, 12);
  });

  it('warns where the share of women falls below the convener\u2019s target', () => {
    const report = womenInclusion(records, { unit: 'meeting', target: 0.4 });
    expect(report.rows.map((r) => r.share)).toEqual([0.25, 0.5, 1]);
    expect(report.rows.map((r) => r.belowTarget)).toEqual([true, false, false]);
    expect(report.rows.every((r) => r.aboveTrackOneNegotiators)).toBe(true);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ unitId: 'm1a', share: 0.25, target: 0.4 });
    expect(report.warnings[0].message).toContain('25%');
    const yearly = womenInclusion(records, { unit: 'conflict', period: 'year' });
    expect(yearly.rows.map((r) => [r.period, r.women, r.attendees])).toEqual([
      ['2024', 2, 6],
      ['2025', 3, 3],
    ]);
    expect(yearly.warnings).toEqual([]);
  });
});
