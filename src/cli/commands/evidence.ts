import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { TrackTwoError, isTrackTwoError } from '../../domain/errors.js';
import { numberCell } from '../../interchange/csv.js';
import { morrisPrePostControl, pairedChange } from '../../evaluation/effect-sizes.js';
import { forestPlotSvg } from '../../evaluation/forest-plot.js';
import {
  metaAnalysis,
  type MetaAnalysisResult,
  type MetaMethod,
  type StudyEffect,
} from '../../evaluation/meta-analysis.js';
import { readCsvFile } from '../files.js';
import type { CommandContext } from '../io.js';

/** The correlation assumed when a file gives none; announced on stderr, never silently. */
const defaultCorrelation = 0.5;

function parseMethod(value: string): MetaMethod {
  const method = value.toLowerCase();
  if (method !== 'fe' && method !== 'dl' && method !== 'reml') {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--method',
      reason: `"${value}" is not fe, dl or reml`,
    });
  }
  return method;
}

function parseFormat(value: string): 'json' | 'text' {
  if (value !== 'json' && value !== 'text') {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--format',
      reason: `"${value}" is not json or text`,
    });
  }
  return value;
}

function parseLevel(value: string): number {
  const level = Number(value);
  if (!(level > 0 && level < 1)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--level',
      reason: `"${value}" is not between 0 and 1`,
    });
  }
  return level;
}

/** Reads effect and variance columns, checking every cell so the error names its row and column. */
export function readStudyEffects(
  path: string,
  columns: { effect: string; variance: string; label?: string },
): StudyEffect[] {
  const required = [columns.effect, columns.variance, ...(columns.label ? [columns.label] : [])];
  const table = readCsvFile(path, required);
  return table.rows.map((row, i) => {
    const rowNumber = table.rowNumbers[i];
    const effect = numberCell(row[columns.effect], rowNumber, columns.effect);
    const variance = numberCell(row[columns.variance], rowNumber, columns.variance);
    if (!(variance > 0)) {
      throw new TrackTwoError('TT_ERR_EVIDENCE_BAD_VARIANCE', {
        file: path,
        row: rowNumber,
        column: columns.variance,
        reason: `${variance} is ${variance < 0 ? 'negative' : 'zero'}`,
      });
    }
    return { effect, variance, label: columns.label ? row[columns.label] : `Row ${rowNumber}` };
  });
}

function pool(
  path: string,
  studies: StudyEffect[],
  options: { method: MetaMethod; level: number; effect: string },
) {
  if (studies.length < (options.method === 'fe' ? 1 : 2)) {
    throw new TrackTwoError('TT_ERR_EVIDENCE_TOO_FEW', {
      file: path,
      row: studies.length + 1,
      column: options.effect,
      reason: `k = ${studies.length}; tau^2 (${options.method}) needs at least 2 rows`,
    });
  }
  return metaAnalysis(studies, { method: options.method, level: options.level });
}

function metaText(result: MetaAnalysisResult): string {
  const f = (x: number) => x.toFixed(4);
  const pct = Math.round(result.level * 100);
  const lines = [
    `method ${result.method}, k = ${result.k}`,
    `estimate ${f(result.estimate)} (se ${f(result.se)}), ${pct}% CI ${f(result.ciLower)} to ${f(result.ciUpper)}, p = ${result.pValue.toPrecision(3)}`,
    `tau^2 ${f(result.tau2)}, I^2 ${result.i2.toFixed(1)}%, H^2 ${result.h2.toFixed(2)}`,
    `Q ${result.q.toFixed(2)} (df ${result.qDf}), p ${result.qp < 1e-15 ? '< 1e-15' : `= ${result.qp.toPrecision(3)}`}`,
    `${pct}% prediction interval ${f(result.predictionInterval.lower)} to ${f(result.predictionInterval.upper)} (normal, as metafor's predict())`,
  ];
  return lines.join('\n') + '\n';
}

function readCorrelation(
  row: Record<string, string>,
  rowNumber: number,
  hasColumn: boolean,
  fallback: number,
): { r: number; assumed: boolean } {
  const cell = hasColumn ? row.r : '';
  if (!hasColumn || cell.trim() === '' || cell.trim().toUpperCase() === 'NA')
    return { r: fallback, assumed: true };
  const r = numberCell(cell, rowNumber, 'r');
  if (!(r > -1 && r < 1)) {
    throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
      row: rowNumber,
      column: 'r',
      reason: `${r} is not in (-1, 1)`,
    });
  }
  return { r, assumed: false };
}

function positiveCell(row: Record<string, string>, rowNumber: number, column: string, minimum = 0): number {
  const value = numberCell(row[column], rowNumber, column);
  if (!(value > minimum)) {
    throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
      row: rowNumber,
      column,
      reason: `${value} must be greater than ${minimum}`,
    });
  }
  return value;
}

/** Re-raises a core error with the row it came from, so the message points into the file. */
function atRow<T>(rowNumber: number, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (isTrackTwoError(error) && error.details?.row === undefined) {
      throw new TrackTwoError(error.code, { ...error.details, row: rowNumber });
    }
    throw error;
  }
}

const prePostControlColumns = [
  'n_t',
  'n_c',
  'm_pre_t',
  'm_post_t',
  'sd_pre_t',
  'm_pre_c',
  'm_post_c',
  'sd_pre_c',
];
const prePostColumns = ['n', 'm_pre', 'm_post', 'sd_pre', 'sd_post'];

export function registerEvidenceCommands(program: Command, ctx: CommandContext): void {
  const evidence = program
    .command('evidence')
    .description('Evidence of contact effects: effect sizes, meta-analysis and forest plots from CSV files');

  evidence
    .command('meta')
    .description('Pool effect sizes by fixed-effect, DerSimonian-Laird or REML meta-analysis')
    .requiredOption('--input <file>', 'CSV file with one row per study')
    .requiredOption('--effect <column>', 'column holding the effect sizes')
    .requiredOption('--variance <column>', 'column holding their sampling variances')
    .option('--method <method>', 'fe, dl or reml', 'reml')
    .option('--label <column>', 'column holding study labels')
    .option('--level <level>', 'confidence level', '0.95')
    .option('--format <format>', 'json or text', 'text')
    .action(
      (options: {
        input: string;
        effect: string;
        variance: string;
        method: string;
        label?: string;
        level: string;
        format: string;
      }) => {
        const method = parseMethod(options.method);
        const format = parseFormat(options.format);
        const level = parseLevel(options.level);
        const studies = readStudyEffects(options.input, options);
        const result = pool(options.input, studies, { method, level, effect: options.effect });
        ctx.out(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : metaText(result));
      },
    );

  evidence
    .command('effect')
    .description(
      'Standardised effect per row: Morris (2008) d_ppc2 (pre-post-control) or paired change (pre-post)',
    )
    .requiredOption('--design <design>', 'pre-post-control or pre-post')
    .requiredOption('--input <file>', 'CSV file with one row per group or study')
    .option(
      '--r <correlation>',
      `pre-post correlation where the file has no r column (default ${defaultCorrelation})`,
    )
    .option('--format <format>', 'json or text', 'text')
    .action((options: { design: string; input: string; r?: string; format: string }) => {
      const format = parseFormat(options.format);
      if (options.design !== 'pre-post-control' && options.design !== 'pre-post') {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: '--design',
          reason: `"${options.design}" is not pre-post-control or pre-post`,
        });
      }
      let fallback = defaultCorrelation;
      if (options.r !== undefined) {
        fallback = Number(options.r);
        if (!(fallback > -1 && fallback < 1)) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: '--r',
            reason: `"${options.r}" is not in (-1, 1)`,
          });
        }
      }
      const control = options.design === 'pre-post-control';
      const table = readCsvFile(options.input, control ? prePostControlColumns : prePostColumns);
      const hasR = table.header.includes('r');
      const assumedRows: number[] = [];
      const results = table.rows.map((row, i) => {
        const rowNumber = table.rowNumbers[i];
        const { r, assumed } = readCorrelation(row, rowNumber, hasR, fallback);
        if (assumed) assumedRows.push(rowNumber);
        if (control) {
          const input = {
            nT: positiveCell(row, rowNumber, 'n_t', 1),
            nC: positiveCell(row, rowNumber, 'n_c', 1),
            mPreT: numberCell(row.m_pre_t, rowNumber, 'm_pre_t'),
            mPostT: numberCell(row.m_post_t, rowNumber, 'm_post_t'),
            sdPreT: positiveCell(row, rowNumber, 'sd_pre_t'),
            mPreC: numberCell(row.m_pre_c, rowNumber, 'm_pre_c'),
            mPostC: numberCell(row.m_post_c, rowNumber, 'm_post_c'),
            sdPreC: positiveCell(row, rowNumber, 'sd_pre_c'),
            r,
          };
          const e = atRow(rowNumber, () => morrisPrePostControl(input));
          return {
            design: 'pre-post-control' as const,
            row: rowNumber,
            d: e.d,
            variance: e.variance,
            varianceLargeSample: e.varianceLargeSample,
            ciLower: e.ciLower,
            ciUpper: e.ciUpper,
            r,
            rAssumed: assumed,
          };
        }
        const input = {
          n: positiveCell(row, rowNumber, 'n', 2),
          meanPre: numberCell(row.m_pre, rowNumber, 'm_pre'),
          meanPost: numberCell(row.m_post, rowNumber, 'm_post'),
          sdPre: positiveCell(row, rowNumber, 'sd_pre'),
          sdPost: positiveCell(row, rowNumber, 'sd_post'),
          r,
        };
        return {
          design: 'pre-post' as const,
          row: rowNumber,
          ...atRow(rowNumber, () => pairedChange(input)),
          rAssumed: assumed,
        };
      });
      if (assumedRows.length > 0) {
        ctx.err(
          `note: no pre-post correlation given for ${assumedRows.length === table.rows.length ? 'any row' : `row${assumedRows.length > 1 ? 's' : ''} ${assumedRows.join(', ')}`}; assumed r = ${fallback} (add an "r" column or pass --r)\n`,
        );
      }
      if (format === 'json') {
        ctx.out(JSON.stringify(results, null, 2) + '\n');
        return;
      }
      for (const result of results) {
        if (result.design === 'pre-post-control') {
          ctx.out(
            `row ${result.row}: d_ppc2 ${result.d.toFixed(4)}, variance ${result.variance.toFixed(4)}, 95% CI ${result.ciLower.toFixed(4)} to ${result.ciUpper.toFixed(4)}\n`,
          );
        } else {
          ctx.out(
            `row ${result.row}: change ${result.meanChange.toFixed(4)}, g_z ${result.dz.g.toFixed(4)}, g_rm ${result.drm.g.toFixed(4)} (variance ${result.drm.varianceG.toFixed(4)}), g_av ${result.dav.g.toFixed(4)}\n`,
          );
        }
      }
    });

  evidence
    .command('forest')
    .description('Draw a forest plot (SVG) of a meta-analysis')
    .requiredOption('--input <file>', 'CSV file with one row per study')
    .requiredOption('--effect <column>', 'column holding the effect sizes')
    .requiredOption('--variance <column>', 'column holding their sampling variances')
    .requiredOption('--out <file>', 'SVG file to write')
    .option('--method <method>', 'fe, dl or reml', 'reml')
    .option('--label <column>', 'column holding study labels')
    .option('--title <title>', 'title above the plot')
    .option('--effect-label <text>', 'name of the effect under the axis', 'Effect size')
    .option('--level <level>', 'confidence level', '0.95')
    .action(
      (options: {
        input: string;
        effect: string;
        variance: string;
        out: string;
        method: string;
        label?: string;
        title?: string;
        effectLabel: string;
        level: string;
      }) => {
        const method = parseMethod(options.method);
        const level = parseLevel(options.level);
        const studies = readStudyEffects(options.input, options);
        const result = pool(options.input, studies, { method, level, effect: options.effect });
        const svg = forestPlotSvg(studies, result, {
          title: options.title,
          effectLabel: options.effectLabel,
        });
        try {
          writeFileSync(options.out, svg);
        } catch {
          throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', {
            field: options.out,
            reason: `cannot write ${options.out}`,
          });
        }
        ctx.out(`wrote ${options.out}: ${result.k} studies, estimate ${result.estimate.toFixed(4)}\n`);
      },
    );
}
