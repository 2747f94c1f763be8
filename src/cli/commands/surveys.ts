import { TrackTwoError } from '../../domain/errors.js';
import { surveyWaves, type SurveyWaveKind } from '../../domain/survey.js';
import { initiativeSurveyEffects, type SurveyEffects } from '../../services/evidence/index.js';
import {
  createSurveyJoinLink,
  getSurvey,
  listSurveyJoinLinks,
  revokeSurveyJoinLink,
} from '../../services/surveys/index.js';
import type { SurveyJoinLink } from '../../domain/survey-join-links.js';
import { importAnswers } from '../../services/surveys/index.js';
import { databaseHelp, withServices } from '../database.js';
import { readText } from '../files.js';
import { progressListener } from '../progress.js';
import type { RegisterCommands } from './index.js';

function waveOption(value: string | undefined, flag: string): SurveyWaveKind | undefined {
  if (value === undefined) return undefined;
  if (!(surveyWaves as readonly string[]).includes(value)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: flag,
      reason: `"${value}" is not ${surveyWaves.join(', ')}`,
    });
  }
  return value as SurveyWaveKind;
}

const f = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? 'n/a' : x.toFixed(digits);

export function effectsText(all: readonly SurveyEffects[]): string {
  const lines: string[] = [];
  if (all.length === 0) lines.push('No survey in this initiative.');
  for (const survey of all) {
    lines.push(`${survey.title} (${survey.survey_id}): ${survey.from} to ${survey.to}`);
    for (const instrument of survey.instruments) {
      const { overall } = instrument.report;
      const p = overall.participants.change;
      const c = overall.comparison.change;
      lines.push(`  ${instrument.name} (higher = ${instrument.higher_means})`);
      lines.push(
        `    participants n=${overall.participants.n}: change ${f(p?.mean_change)}, g_rm ${f(p?.drm.g)} [${f(p?.drm.ci_lower)}, ${f(p?.drm.ci_upper)}]`,
      );
      lines.push(`    comparison   n=${overall.comparison.n}: change ${f(c?.mean_change)}`);
      if (overall.difference_in_differences) {
        const did = overall.difference_in_differences;
        lines.push(
          `    difference in differences ${f(did.estimate)} [${f(did.ci_lower)}, ${f(did.ci_upper)}]`,
        );
      }
      if (overall.pre_post_control) {
        const ppc = overall.pre_post_control;
        lines.push(`    d_ppc2 ${f(ppc.d)} [${f(ppc.ci_lower)}, ${f(ppc.ci_upper)}] (Morris 2008)`);
      }
      for (const split of instrument.report.subgroups) {
        const parts = split.groups.map((g) =>
          g.suppressed || !g.effect
            ? `${g.level} too few to show: n < ${g.suppressed?.minimum ?? ''} (participants ${g.participants}, comparison ${g.comparison})`
            : `${g.level} ${f(g.effect.primary?.estimate)} (n=${g.participants + g.comparison})`,
        );
        lines.push(`    by ${split.attribute}: ${parts.join('; ')}`);
      }
      const dose = instrument.report.dose_response;
      if (dose)
        lines.push(
          `    dose-response: ${f(dose.trend.slope)} per meeting [${f(dose.trend.slope_ci_lower)}, ${f(dose.trend.slope_ci_upper)}]`,
        );
      for (const note of [...overall.notes, ...instrument.report.notes]) lines.push(`    note: ${note}`);
    }
  }
  return lines.join('\n') + '\n';
}

export const registerSurveyCommands: RegisterCommands = (program, ctx) => {
  const surveys = program
    .command('surveys')
    .description('Surveys of contact effects: results and CSV import of answers');

  surveys
    .command('effects')
    .description(
      "Effects of an initiative's surveys between two waves (overall, by side, gender, role, ground rule, dose)",
    )
    .requiredOption('--initiative <id>', 'the initiative')
    .option('--from <wave>', 'baseline, post or follow_up', 'baseline')
    .option('--to <wave>', 'baseline, post or follow_up', 'post')
    .option('--format <format>', 'json or text', 'text')
    .option('--database <url>', databaseHelp)
    .action(
      async (options: {
        initiative: string;
        from: string;
        to: string;
        format: string;
        database?: string;
      }) => {
        if (options.format !== 'json' && options.format !== 'text') {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: '--format',
            reason: `"${options.format}" is not json or text`,
          });
        }
        const from = waveOption(options.from, '--from');
        const to = waveOption(options.to, '--to');
        const result = await withServices(options.database, (services) =>
          initiativeSurveyEffects(services, options.initiative, { from, to }),
        );
        ctx.out(options.format === 'json' ? JSON.stringify(result, null, 2) + '\n' : effectsText(result));
      },
    );

  surveys
    .command('import')
    .description("Import one wave's answers from CSV (all or nothing; an error names the row and column)")
    .requiredOption('--survey <id>', 'the survey')
    .requiredOption('--wave <wave>', 'the wave: baseline, post, follow_up, or its id')
    .requiredOption(
      '--file <answers.csv>',
      'respondent, [arm, side, gender, language,] INSTRUMENT:ITEM[:OUT-GROUP] ...',
    )
    .option('--database <url>', databaseHelp)
    .action(async (options: { survey: string; wave: string; file: string; database?: string }) => {
      const text = readText(options.file);
      const result = await withServices(options.database, async (services) => {
        const survey = await getSurvey(services, options.survey);
        const wave = survey.waves.find((w) => w.id === options.wave || w.kind === options.wave);
        if (!wave) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: '--wave',
            reason: `the survey has waves ${survey.waves.map((w) => `${w.kind} (${w.id})`).join(', ') || 'none'}`,
          });
        }
        const progress = progressListener(ctx, 'Importing answers');
        try {
          return await importAnswers(services, survey.id, wave.id, text, { onProgress: progress.onProgress });
        } finally {
          progress.finish();
        }
      });
      ctx.out(
        `Imported ${result.rows} answers (${result.created} new, ${result.replaced} replaced; ${result.new_respondents} new comparison respondents).\n`,
      );
    });

  const joinLinks = surveys
    .command('join-link')
    .description(
      "A survey's open join link for a room or a public call (each use makes a comparison respondent)",
    );
  const linkLine = (link: SurveyJoinLink) =>
    `${link.id}  ${link.revoked_at ? `revoked ${link.revoked_at}` : 'in force'}  joined ${link.joined}  ${link.url}`;
  joinLinks
    .command('open')
    .description('Make the open join link (replacing the one in force) and print its address')
    .requiredOption('--survey <id>', 'the survey')
    .option('--database <url>', databaseHelp)
    .action(async (options: { survey: string; database?: string }) => {
      const link = await withServices(options.database, (services) =>
        createSurveyJoinLink(services, options.survey),
      );
      ctx.out(
        `${link.url}\n(the address after the server's, e.g. https://tracktwo.example.org${link.url})\n`,
      );
    });
  joinLinks
    .command('list')
    .description("The survey's join links, in force and revoked, with how many joined by each")
    .requiredOption('--survey <id>', 'the survey')
    .option('--database <url>', databaseHelp)
    .action(async (options: { survey: string; database?: string }) => {
      const links = await withServices(options.database, (services) =>
        listSurveyJoinLinks(services, options.survey),
      );
      ctx.out(links.length ? links.map(linkLine).join('\n') + '\n' : 'No join link.\n');
    });
  joinLinks
    .command('revoke')
    .description('Withdraw a join link (printed sheets stop working)')
    .requiredOption('--survey <id>', 'the survey')
    .requiredOption('--link <id>', 'the join link')
    .option('--database <url>', databaseHelp)
    .action(async (options: { survey: string; link: string; database?: string }) => {
      const link = await withServices(options.database, (services) =>
        revokeSurveyJoinLink(services, options.survey, options.link),
      );
      ctx.out(linkLine(link) + '\n');
    });
};
