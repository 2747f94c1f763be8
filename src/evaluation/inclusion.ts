import { byText } from '../domain/order.js';

/**
 * Who takes part: the share of women (and of each side, role and track) among the attendees of each
 * meeting, initiative and conflict, over time, beside the Track-I baseline and a convener's target.
 * Each person is counted once per unit and period, however many meetings of it they attended.
 */

/**
 * Women in major peace processes 1992-2019 (Council on Foreign Relations, "Women's Participation in
 * Peace Processes", drawing on UN Women's 2012 and later reviews): the official baseline the
 * workbench sets Track-II figures beside.
 */
export const trackOneBaseline = {
  period: '1992-2019',
  negotiators: 0.13,
  mediators: 0.06,
  signatories: 0.06,
  source: 'Council on Foreign Relations, Women\u2019s Participation in Peace Processes (1992-2019)',
} as const;

export interface AttendanceRecord {
  meetingId: string;
  initiativeId: string;
  conflictId: string;
  /** Meeting date, ISO yyyy-mm-dd. */
  date: string;
  actorId: string;
  gender: string | null;
  side: string | null;
  /** The actor's role (elder, scholar ...) or the attendance role, as the caller chooses. */
  role: string | null;
  track: string | null;
}

export type InclusionUnit = 'meeting' | 'initiative' | 'conflict';
export type InclusionDimension = 'gender' | 'side' | 'role' | 'track';
export type InclusionPeriod = 'all' | 'year' | 'quarter' | 'month';

export interface InclusionRow {
  unit: InclusionUnit;
  unitId: string;
  /** 'all', '2024', '2024-Q2' or '2024-05'; for meetings, the meeting's date. */
  period: string;
  attendees: number;
  counts: Record<string, number>;
  shares: Record<string, number>;
}

function unitId(record: AttendanceRecord, unit: InclusionUnit): string {
  return unit === 'meeting'
    ? record.meetingId
    : unit === 'initiative'
      ? record.initiativeId
      : record.conflictId;
}

function periodOf(date: string, period: InclusionPeriod): string {
  if (period === 'all') return 'all';
  const year = date.slice(0, 4);
  if (period === 'year') return year;
  const month = Number(date.slice(5, 7));
  if (period === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

/** Counts and shares of each value of one dimension among distinct attendees per unit and period. */
export function inclusionShares(
  records: readonly AttendanceRecord[],
  options: { unit: InclusionUnit; dimension: InclusionDimension; period?: InclusionPeriod },
): InclusionRow[] {
  const period = options.unit === 'meeting' ? 'all' : (options.period ?? 'all');
  const cells = new Map<string, { unitId: string; period: string; actors: Map<string, string> }>();
  for (const r of records) {
    const id = unitId(r, options.unit);
    const p = options.unit === 'meeting' ? r.date : periodOf(r.date, period);
    const key = `${id}\u0000${p}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { unitId: id, period: p, actors: new Map() };
      cells.set(key, cell);
    }
    cell.actors.set(r.actorId, r[options.dimension] ?? 'unknown');
  }
  const rows: InclusionRow[] = [];
  for (const cell of cells.values()) {
    const counts: Record<string, number> = {};
    for (const value of cell.actors.values()) counts[value] = (counts[value] ?? 0) + 1;
    const attendees = cell.actors.size;
    const shares: Record<string, number> = {};
    for (const [value, count] of Object.entries(counts)) shares[value] = count / attendees;
    rows.push({ unit: options.unit, unitId: cell.unitId, period: cell.period, attendees, counts, shares });
  }
  return rows.sort((a, b) => byText(a.period, b.period) || byText(a.unitId, b.unitId));
}

export interface WomenShareRow {
  unit: InclusionUnit;
  unitId: string;
  period: string;
  attendees: number;
  women: number;
  share: number;
  /** Above the 13% of women among Track-I negotiators? */
  aboveTrackOneNegotiators: boolean;
  belowTarget: boolean;
}

export interface WomenInclusionReport {
  rows: WomenShareRow[];
  baseline: typeof trackOneBaseline;
  target: number | null;
  warnings: { unitId: string; period: string; share: number; target: number; message: string }[];
}

/**
 * The share of women over time, with a warning wherever it falls below the convener's target.
 * `womanValue` is the gender value that counts (the domain's 'woman').
 */
export function womenInclusion(
  records: readonly AttendanceRecord[],
  options: { unit: InclusionUnit; period?: InclusionPeriod; target?: number | null; womanValue?: string },
): WomenInclusionReport {
  const womanValue = options.womanValue ?? 'woman';
  const target = options.target ?? null;
  const shares = inclusionShares(records, {
    unit: options.unit,
    dimension: 'gender',
    period: options.period,
  });
  const rows = shares.map((row) => {
    const women = row.counts[womanValue] ?? 0;
    const share = women / row.attendees;
    return {
      unit: row.unit,
      unitId: row.unitId,
      period: row.period,
      attendees: row.attendees,
      women,
      share,
      aboveTrackOneNegotiators: share > trackOneBaseline.negotiators,
      belowTarget: target !== null && share < target,
    };
  });
  const warnings = rows
    .filter((r) => r.belowTarget)
    .map((r) => ({
      unitId: r.unitId,
      period: r.period,
      share: r.share,
      target: target as number,
      message: `${options.unit} ${r.unitId} (${r.period}): women were ${(100 * r.share).toFixed(0)}% of attendees, below the target of ${(100 * (target as number)).toFixed(0)}%`,
    }));
  return { rows, baseline: trackOneBaseline, target, warnings };
}
