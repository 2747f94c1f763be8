import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { TrackTwoError } from '../../domain/errors.js';
import { analyzeDialogue } from '../../deliberation/analysis.js';
import { MINIMUM_VOTES_PER_GROUP } from '../../deliberation/consensus.js';
import { parsePolisExport, type PolisExport } from '../../interchange/polis-export.js';
import { polisGroups, polisToDialogue } from '../../interchange/polis-dialogue.js';
import { exportPolis, importPolis } from '../../services/dialogues/index.js';
import { dialogueResults, type DialogueResults } from '../../services/dialogues/index.js';
import type { CommandContext } from '../io.js';
import { databaseHelp, withServices } from '../database.js';
import { progressListener } from '../progress.js';
import { registerDialogueChannelCommands } from './dialogue-channels.js';
import { registerDialogueTranslationCommands } from './dialogue-translations.js';

function printResults(ctx: CommandContext, r: DialogueResults) {
  ctx.out(`${r.dialogue.prompt}\n`);
  ctx.out(
    `participants ${r.participants}, votes ${r.votes}, statements ${r.statements.length}, groups ${r.groups.length}\n`,
  );
  for (const g of r.groups) ctx.out(`  group ${g.id}: ${g.members.length} members\n`);
  ctx.out(
    `moderation: ${r.dialogue.strict_moderation ? 'strict (statements shown once accepted)' : 'open (statements shown at once, facilitators may reject)'}\n`,
  );
  const shown = r.statements.filter((s) => s.moderation !== 'rejected');
  const top = (key: 'group_informed_consensus' | 'side_informed_consensus', title: string) => {
    ctx.out(`${title}, scored where every group cast at least ${r.minimum_votes_per_group} votes:\n`);
    const scored = shown.filter((s) => s[key] !== null);
    for (const s of scored.sort((a, b) => b[key]! - a[key]!).slice(0, 10)) {
      ctx.out(`  #${s.number}\t${s[key]!.toFixed(4)}\t${s.text}\n`);
    }
    const unscored = shown.filter((s) => s[key] === null).map((s) => `#${s.number}`);
    ctx.out(`  not enough votes: ${unscored.join(', ') || '-'}\n`);
  };
  top('group_informed_consensus', 'common ground across opinion groups (group-informed consensus)');
  if (r.sides) top('side_informed_consensus', 'common ground across declared sides');
  const numberOf = new Map(r.statements.map((s) => [s.id, s.number]));
  ctx.out(`consensus agree: ${r.consensus.agree.map((id) => `#${numberOf.get(id)}`).join(', ') || '-'}\n`);
  ctx.out(
    `consensus disagree: ${r.consensus.disagree.map((id) => `#${numberOf.get(id)}`).join(', ') || '-'}\n`,
  );
}

/** The text of a Pol.is export folder's files; participants-votes.csv and summary.csv are optional. */
function readPolisFiles(dir: string) {
  const read = (name: string, required: boolean) => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      if (required)
        throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', { field: path, reason: `no ${name} in ${dir}` });
      return undefined;
    }
    return readFileSync(path, 'utf8');
  };
  return {
    comments: read('comments.csv', true)!,
    votes: read('votes.csv', true)!,
    participantsVotes: read('participants-votes.csv', false),
    summary: read('summary.csv', false),
  };
}

/** Reads a Pol.is export folder; participants-votes.csv and summary.csv are optional. */
export function readPolisFolder(dir: string): PolisExport {
  return parsePolisExport(readPolisFiles(dir));
}

function printSummary(ctx: CommandContext, report: ReturnType<typeof analyzeDialogue>) {
  ctx.out(
    `participants ${report.participants}, statements ${report.statements}, groups ${report.groups.length}\n`,
  );
  for (const g of report.groups) ctx.out(`  group ${g.id}: ${g.members.length} members\n`);
  const scored = report.statementStats.filter((s) => !s.moderatedOut && s.groupInformedConsensus !== null);
  const top = scored.sort((a, b) => b.groupInformedConsensus! - a.groupInformedConsensus!).slice(0, 10);
  const unscored = report.statementStats.filter((s) => !s.moderatedOut && s.groupInformedConsensus === null);
  ctx.out(
    `common ground (group-informed consensus; scored only where every group cast at least ${MINIMUM_VOTES_PER_GROUP} votes):\n`,
  );
  for (const s of top) ctx.out(`  ${s.id}\t${s.groupInformedConsensus!.toFixed(4)}\n`);
  ctx.out(`not enough votes: ${unscored.length} statement(s)\n`);
  ctx.out(`consensus agree: ${report.consensus.agree.join(', ') || '-'}\n`);
  ctx.out(`consensus disagree: ${report.consensus.disagree.join(', ') || '-'}\n`);
}

export function registerDialogueCommands(program: Command, ctx: CommandContext): void {
  const dialogue = program
    .command('dialogue')
    .description('Dialogues: opinion groups, common ground, consensus');
  dialogue
    .command('analyze')
    .description('Analyse a Pol.is export folder: opinion groups, representative statements, consensus')
    .requiredOption('--polis <dir>', 'folder holding comments.csv, votes.csv (and participants-votes.csv)')
    .option('--format <format>', 'json or text', 'text')
    .option('--groups-from-export', "use the export's own group-id column instead of computing groups")
    .option('--replay', 'replay votes.csv in time order with warm starts, as Pol.is computed the groups')
    .option('--seed <n>', 'seed of the clustering', '0')
    .action(
      (options: {
        polis: string;
        format: string;
        groupsFromExport?: boolean;
        replay?: boolean;
        seed: string;
      }) => {
        const seed = Number(options.seed);
        if (!Number.isInteger(seed)) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: 'seed',
            reason: 'the seed is a whole number',
          });
        }
        if (options.format !== 'json' && options.format !== 'text') {
          throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'format', reason: 'use json or text' });
        }
        const data = readPolisFolder(options.polis);
        const report = analyzeDialogue(polisToDialogue(data), {
          seed,
          groups: options.groupsFromExport ? polisGroups(data) : undefined,
          replay: options.replay,
        });
        if (options.format === 'json') ctx.out(JSON.stringify(report) + '\n');
        else printSummary(ctx, report);
      },
    );
  dialogue
    .command('results')
    .description(
      'Results of a dialogue: opinion groups, common ground by group and by declared side, consensus',
    )
    .requiredOption('--dialogue <id>', 'the dialogue')
    .option('--format <format>', 'json or text', 'text')
    .option('--database <url>', databaseHelp)
    .action(async (options: { dialogue: string; format: string; database?: string }) => {
      if (options.format !== 'json' && options.format !== 'text') {
        throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'format', reason: 'use json or text' });
      }
      const results = await withServices(options.database, (services) =>
        dialogueResults(services, options.dialogue),
      );
      if (options.format === 'json') ctx.out(JSON.stringify(results) + '\n');
      else printResults(ctx, results);
    });
  dialogue
    .command('export')
    .description(
      'Export a dialogue as a Pol.is folder: summary.csv, comments.csv, votes.csv, participants-votes.csv, comment-translations.csv',
    )
    .requiredOption('--dialogue <id>', 'the dialogue')
    .requiredOption('--out <dir>', 'folder to write (created if missing)')
    .option('--database <url>', databaseHelp)
    .action(async (options: { dialogue: string; out: string; database?: string }) => {
      const files = await withServices(options.database, (services) =>
        exportPolis(services, options.dialogue),
      );
      mkdirSync(options.out, { recursive: true });
      const names: [string, string][] = [
        ['summary.csv', files.summary],
        ['comments.csv', files.comments],
        ['votes.csv', files.votes],
        ['participants-votes.csv', files.participantsVotes],
        ['comment-translations.csv', files.commentTranslations],
      ];
      for (const [name, text] of names) writeFileSync(join(options.out, name), text, { mode: 0o600 });
      ctx.err(`Wrote ${names.map(([n]) => n).join(', ')} to ${options.out}\n`);
    });
  dialogue
    .command('import')
    .description('Create a dialogue in an initiative from a Pol.is export folder (all or nothing)')
    .requiredOption('--initiative <id>', 'the initiative the dialogue belongs to')
    .requiredOption(
      '--polis <dir>',
      'folder holding comments.csv, votes.csv (and summary.csv, participants-votes.csv)',
    )
    .option('--prompt <text>', "the dialogue's prompt (default: the export's topic)")
    .option('--seed <n>', 'seed of the clustering', '0')
    .option('--database <url>', databaseHelp)
    .action(
      async (options: {
        initiative: string;
        polis: string;
        prompt?: string;
        seed: string;
        database?: string;
      }) => {
        const seed = Number(options.seed);
        if (!Number.isInteger(seed) || seed < 0) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: 'seed',
            reason: 'the seed is a whole number >= 0',
          });
        }
        const { comments, votes, participantsVotes, summary } = readPolisFiles(options.polis);
        const input = {
          comments,
          votes,
          participants_votes: participantsVotes,
          summary,
          meeting_id: null,
          ...(options.prompt ? { prompt: options.prompt } : {}),
        };
        const progress = progressListener(ctx, 'votes');
        const imported = await withServices(options.database, (services) =>
          importPolis(services, options.initiative, input, { seed, onProgress: progress.onProgress }),
        );
        progress.finish();
        ctx.out(
          `Imported dialogue ${imported.dialogue.id}: ${imported.statements} statements, ` +
            `${imported.participants} participants, ${imported.votes} votes\n`,
        );
      },
    );
  registerDialogueTranslationCommands(dialogue, ctx);
  registerDialogueChannelCommands(dialogue, ctx);
}
