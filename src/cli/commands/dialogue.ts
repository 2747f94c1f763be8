import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { TrackTwoError } from '../../domain/errors.js';
import { analyzeDialogue } from '../../deliberation/analysis.js';
import { parsePolisExport, type PolisExport } from '../../interchange/polis-export.js';
import { polisGroups, polisToDialogue } from '../../interchange/polis-dialogue.js';
import type { CommandContext } from '../io.js';

/** Reads a Pol.is export folder; participants-votes.csv and summary.csv are optional. */
export function readPolisFolder(dir: string): PolisExport {
  const read = (name: string, required: boolean) => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      if (required)
        throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', { field: path, reason: `no ${name} in ${dir}` });
      return undefined;
    }
    return readFileSync(path, 'utf8');
  };
  return parsePolisExport({
    comments: read('comments.csv', true)!,
    votes: read('votes.csv', true)!,
    participantsVotes: read('participants-votes.csv', false),
    summary: read('summary.csv', false),
  });
}

function printSummary(ctx: CommandContext, report: ReturnType<typeof analyzeDialogue>) {
  ctx.out(
    `participants ${report.participants}, statements ${report.statements}, groups ${report.groups.length}\n`,
  );
  for (const g of report.groups) ctx.out(`  group ${g.id}: ${g.members.length} members\n`);
  const top = [...report.statementStats]
    .filter((s) => !s.moderatedOut)
    .sort((a, b) => b.groupInformedConsensus - a.groupInformedConsensus)
    .slice(0, 10);
  ctx.out('common ground (group-informed consensus):\n');
  for (const s of top) ctx.out(`  ${s.id}\t${s.groupInformedConsensus.toFixed(4)}\n`);
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
}
