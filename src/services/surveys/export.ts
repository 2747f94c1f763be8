import { formatCsv } from '../../interchange/csv.js';
import type { Wave } from '../../evaluation/wave-effects.js';
import { requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { defaultK } from '../interchange/export-research-tables.js';
import { surveyOrNotFound } from './surveys.js';
import { scoreSurvey } from './scores.js';

/**
 * The research export of a survey (`export.research`): aggregate cells only, never a respondent's
 * row. Each cell is (instrument, wave, arm, dimension, level) with the number of respondents scored
 * and their mean and standard deviation; a cell of fewer than k people is suppressed (null), and when
 * a split would let a suppressed cell be worked out from its total, the next smallest cell of that
 * split is suppressed too. No pseudonym, id or date leaves.
 */

export const surveyResearchFormat = 'tracktwo.survey-research';
export const exportDimensions = ['all', 'side', 'gender', 'role', 'groundRule', 'dose'] as const;
export type ExportDimension = (typeof exportDimensions)[number];

export interface ResearchCell {
  instrument: string;
  wave: Wave;
  arm: 'participant' | 'comparison';
  dimension: ExportDimension;
  level: string;
  n: number | null;
  mean: number | null;
  sd: number | null;
}

export interface SurveyResearchExport {
  format: typeof surveyResearchFormat;
  version: 1;
  k: number;
  notice: string;
  instruments: { id: string; kind: string; higher_means: string; scale_min: number; scale_max: number }[];
  cells: ResearchCell[];
  suppressed: number;
}

function summary(values: readonly number[]): { n: number; mean: number; sd: number | null } {
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = n > 1 ? Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1)) : null;
  return { n, mean, sd };
}

function doseBand(meetings: number | null | undefined): string {
  if (meetings === null || meetings === undefined) return 'unknown';
  if (meetings <= 1) return '0-1';
  if (meetings <= 3) return '2-3';
  return '4+';
}

/** Builds cells and applies primary and complementary suppression. Pure, for testing. */
export function researchCells(
  rows: readonly {
    instrument: string;
    wave: Wave;
    arm: 'participant' | 'comparison';
    score: number;
    attributes: Record<string, string | null | undefined>;
    meetingsAttended: number | null | undefined;
  }[],
  k: number,
): { cells: ResearchCell[]; suppressed: number } {
  const groups = new Map<string, { key: Omit<ResearchCell, 'n' | 'mean' | 'sd'>; values: number[] }>();
  for (const row of rows) {
    for (const dimension of exportDimensions) {
      const level =
        dimension === 'all'
          ? 'all'
          : dimension === 'dose'
            ? doseBand(row.meetingsAttended)
            : (row.attributes[dimension] ?? 'unknown');
      const id = [row.instrument, row.wave, row.arm, dimension, level].join('\u0000');
      const group = groups.get(id) ?? {
        key: { instrument: row.instrument, wave: row.wave, arm: row.arm, dimension, level },
        values: [],
      };
      group.values.push(row.score);
      groups.set(id, group);
    }
  }
  const cells: ResearchCell[] = [...groups.values()].map(({ key, values }) => ({
    ...key,
    ...summary(values),
  }));
  const hidden = new Set<ResearchCell>(cells.filter((cell) => (cell.n as number) < k));
  // Complementary suppression: a split with exactly one hidden cell gives it away by subtraction.
  const splits = new Map<string, ResearchCell[]>();
  for (const cell of cells) {
    if (cell.dimension === 'all') continue;
    const id = [cell.instrument, cell.wave, cell.arm, cell.dimension].join('\u0000');
    splits.set(id, [...(splits.get(id) ?? []), cell]);
  }
  for (const split of splits.values()) {
    const hiddenHere = split.filter((cell) => hidden.has(cell));
    if (hiddenHere.length === 1 && split.length > 1) {
      const next = split
        .filter((cell) => !hidden.has(cell))
        .sort((a, b) => (a.n as number) - (b.n as number) || (a.level < b.level ? -1 : 1))[0];
      hidden.add(next);
    }
  }
  for (const cell of hidden) {
    cell.n = null;
    cell.mean = null;
    cell.sd = null;
  }
  cells.sort((a, b) => {
    const ka = [a.instrument, a.wave, a.arm, exportDimensions.indexOf(a.dimension).toString(), a.level].join(
      '\u0000',
    );
    const kb = [b.instrument, b.wave, b.arm, exportDimensions.indexOf(b.dimension).toString(), b.level].join(
      '\u0000',
    );
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return { cells, suppressed: hidden.size };
}

export function surveyResearchExport(
  ctx: ServiceContext,
  surveyId: string,
  options: { k?: number } = {},
): Promise<SurveyResearchExport> {
  const k = Math.max(defaultK, options.k ?? defaultK);
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'export.research', { surveyId });
    const survey = await surveyOrNotFound(trx, surveyId);
    const scored = await scoreSurvey(trx, ctx.keys, survey);
    const rows = [...scored.scores].flatMap(([instrument, scores]) =>
      scores.flatMap((s) =>
        s.score === null
          ? []
          : [
              {
                instrument,
                wave: s.wave,
                arm: s.arm,
                score: s.score,
                attributes: s.attributes ?? {},
                meetingsAttended: s.meetingsAttended,
              },
            ],
      ),
    );
    const { cells, suppressed } = researchCells(rows, k);
    return {
      format: surveyResearchFormat,
      version: 1,
      k,
      notice:
        'Aggregates of scale scores by wave, arm and one attribute at a time; cells of fewer than k respondents, and cells that would reveal them by subtraction, are suppressed (null).',
      instruments: survey.instruments.map((i) => ({
        id: i.id,
        kind: i.kind,
        higher_means: i.scoring.higherMeans,
        scale_min: i.scale.min,
        scale_max: i.scale.max,
      })),
      cells,
      suppressed,
    };
  });
}

export function researchExportCsv(data: SurveyResearchExport): string {
  return formatCsv(
    ['instrument', 'wave', 'arm', 'dimension', 'level', 'n', 'mean', 'sd'],
    data.cells.map((cell) => ({ ...cell })),
  );
}
