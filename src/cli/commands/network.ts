import type { Command } from 'commander';
import { TrackTwoError } from '../../domain/errors.js';
import { numberCell } from '../../interchange/csv.js';
import { analyzeNetwork, type NetworkReport } from '../../network/analyze.js';
import { divideChange } from '../../network/divide-change.js';
import { fragility } from '../../network/fragility.js';
import { groupBrokers } from '../../network/group-brokers.js';
import { introductions } from '../../network/introductions.js';
import { trackOnePaths } from '../../network/track-one-paths.js';
import type { ActorRow, NetworkInput, TieRow } from '../../network/network-input.js';
import { buildNetwork, type Network } from '../../network/network.js';
import { filterTies, type TieFilter } from '../../network/tie-filter.js';
import { betweennessOf, largeActorMap } from '../../services/network/index.js';
import { readCsvFile } from '../files.js';
import { progressBar } from '../progress.js';
import { tableCell, textTable } from '../text-table.js';
import type { CommandContext } from '../io.js';
import type { RegisterCommands } from './index.js';
import { registerNetworkReportCommand } from './network-report.js';

function badCell(path: string, row: number, column: string, reason: string): TrackTwoError {
  return new TrackTwoError('TT_ERR_CSV_BAD_VALUE', { file: path, row, column, reason: `${path}: ${reason}` });
}

/**
 * Reads an edges file (source,target[,strength][,kind][,startDate][,endDate][,confidence]) and an
 * optional nodes file (id[,group][,track]) into the rows the core takes, checking every cell so a bad
 * file fails with the row and column named.
 */
export function readNetworkFiles(options: {
  edges: string;
  nodes?: string;
  directed?: boolean;
}): NetworkInput {
  const edgeTable = readCsvFile(options.edges, ['source', 'target']);
  const nodes: ActorRow[] = [];
  const known = new Map<string, number>();
  if (options.nodes) {
    const nodeTable = readCsvFile(options.nodes, ['id']);
    nodeTable.rows.forEach((row, i) => {
      const line = nodeTable.rowNumbers[i];
      const id = row.id.trim();
      if (id === '') throw badCell(options.nodes!, line, 'id', 'an actor id is required');
      if (known.has(id)) {
        throw badCell(options.nodes!, line, 'id', `actor "${id}" already appears in row ${known.get(id)}`);
      }
      known.set(id, line);
      nodes.push({ id, group: row.group?.trim() || null, track: row.track?.trim() || null });
    });
  }
  const ties: TieRow[] = [];
  edgeTable.rows.forEach((row, i) => {
    const line = edgeTable.rowNumbers[i];
    const tie: TieRow = { source: row.source.trim(), target: row.target.trim() };
    for (const end of ['source', 'target'] as const) {
      const id = tie[end];
      if (id === '') throw badCell(options.edges, line, end, 'an actor id is required');
      if (!known.has(id)) {
        if (options.nodes)
          throw badCell(options.edges, line, end, `actor "${id}" is not in ${options.nodes}`);
        known.set(id, line);
        nodes.push({ id });
      }
    }
    if ('strength' in row && row.strength.trim() !== '') {
      const strength = numberCell(row.strength, line, 'strength');
      if (strength <= 0) throw badCell(options.edges, line, 'strength', 'strength must be greater than 0');
      tie.strength = strength;
    }
    if ('confidence' in row && row.confidence.trim() !== '') {
      tie.confidence = numberCell(row.confidence, line, 'confidence');
    }
    if (row.kind?.trim()) tie.kind = row.kind.trim();
    for (const column of ['startDate', 'endDate'] as const) {
      const value = row[column]?.trim();
      if (!value) continue;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw badCell(options.edges, line, column, `"${value}" is not a date written YYYY-MM-DD`);
      }
      tie[column] = value;
    }
    ties.push(tie);
  });
  return { nodes, ties, directed: Boolean(options.directed) };
}

export interface FileOptions {
  edges: string;
  nodes?: string;
  directed?: boolean;
  kinds?: string;
  asOf?: string;
  minConfidence?: string;
  format?: string;
}

export function tieFilterOf(options: FileOptions): TieFilter {
  const filter: TieFilter = {};
  if (options.kinds) filter.kinds = options.kinds.split(',').map((k) => k.trim());
  if (options.asOf) filter.asOf = options.asOf;
  if (options.minConfidence !== undefined) {
    filter.minConfidence = numberOption(options.minConfidence, '--min-confidence');
  }
  return filter;
}

function loadNetwork(options: FileOptions): Network {
  const input = readNetworkFiles(options);
  return buildNetwork({ ...input, ties: filterTies(input.ties, tieFilterOf(options)) });
}

function withFileOptions(command: Command): Command {
  return command
    .requiredOption(
      '--edges <file>',
      'CSV of ties: source,target[,strength][,kind][,startDate][,endDate][,confidence]',
    )
    .option('--nodes <file>', 'CSV of actors: id[,group][,track]')
    .option('--directed', 'treat ties as directed (source -> target)')
    .option('--kinds <list>', 'keep only ties of these kinds (comma-separated)')
    .option('--as-of <date>', 'the network as of this date (YYYY-MM-DD)')
    .option('--min-confidence <number>', 'leave out ties whose confidence is below this')
    .option('--format <format>', 'json or table', 'json');
}

function checkFormat(format: string | undefined): 'json' | 'table' {
  if (format === 'json' || format === 'table' || format === undefined) return format ?? 'json';
  throw new TrackTwoError('TT_ERR_VALIDATION', {
    field: '--format',
    reason: `"${format}": use json or table`,
  });
}

function numberOption(value: string, option: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: option, reason: `"${value}" is not a number` });
  }
  return parsed;
}

function positiveInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: option,
      reason: `"${value}" is not a whole number`,
    });
  }
  return parsed;
}

function printReport(ctx: CommandContext, report: NetworkReport, format: 'json' | 'table'): void {
  if (format === 'json') {
    ctx.out(JSON.stringify(report, null, 2) + '\n');
    return;
  }
  const { communities, bridges, ...graph } = report.graph;
  const lines = Object.entries(graph).map(
    ([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : tableCell(v)}`,
  );
  if (bridges) lines.push(`bridges: ${bridges.map(([a, b]) => `${a}-${b}`).join(', ')}`);
  if (communities) {
    const agreement = communities.agreementWithGroups;
    lines.push(
      `communities: ${communities.count} (modularity ${tableCell(communities.modularity)}, seed ${communities.seed}` +
        (agreement
          ? `, ARI ${tableCell(agreement.ari)}, NMI ${tableCell(agreement.nmi)} against the groups)`
          : ')'),
    );
  }
  const columns = [...new Set(report.nodes.flatMap((n) => Object.keys(n)))];
  const header = columns.flatMap((c) =>
    c === 'brokerage'
      ? ['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison', 'brokerage']
      : [c],
  );
  const rows = report.nodes.map((n) =>
    columns.flatMap((c) => {
      const value = (n as unknown as Record<string, unknown>)[c];
      if (c !== 'brokerage') return [value];
      const b = n.brokerage;
      return b
        ? [b.coordinator, b.itinerant, b.representative, b.gatekeeper, b.liaison, b.total]
        : ['', '', '', '', '', ''];
    }),
  );
  ctx.out(lines.join('\n') + '\n\n' + textTable(header, rows));
}

interface AnalyzeFlags extends FileOptions {
  metrics?: string;
  pivots?: string;
  workers?: string;
  seed?: string;
}

async function analyzeCommand(ctx: CommandContext, options: AnalyzeFlags): Promise<void> {
  const format = checkFormat(options.format);
  const network = loadNetwork(options);
  const metrics = options.metrics
    ?.split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  const n = network.ids.length;
  const workers = positiveInteger(options.workers, '--workers');
  const pivots = positiveInteger(options.pivots, '--pivots');
  let between: Awaited<ReturnType<typeof betweennessOf>> | undefined;
  if (!metrics || metrics.includes('betweenness')) {
    const bar = progressBar(ctx, 'betweenness', pivots ?? n);
    const onProgress = n >= largeActorMap ? (done: number) => bar.update(done) : undefined;
    // --seed seeds the community search only; pivots are drawn with the default seed.
    between = await betweennessOf(network, { pivots, workers, onProgress });
    bar.finish();
  }
  const seed = positiveInteger(options.seed, '--seed');
  const report = analyzeNetwork(network, { metrics, betweenness: between?.values, communitySeed: seed });
  if (between?.sample)
    (report.graph as unknown as Record<string, unknown>).betweennessSample = between.sample;
  printReport(ctx, report, format);
}

export const registerNetworkCommands: RegisterCommands = (program, ctx) => {
  const network = program
    .command('network')
    .description('Analyse networks of actors and ties: bridges, brokers and gaps across a divide');
  registerNetworkReportCommand(network, ctx);
  withFileOptions(
    network
      .command('analyze')
      .description('Compute per-actor and per-network measures of a network read from CSV files'),
  )
    .option('--metrics <list>', 'compute only these measures (comma-separated, e.g. betweenness,pagerank)')
    .option('--workers <n>', 'worker threads for betweenness (default: 1, more for large networks)')
    .option('--seed <n>', 'seed of the community search (default 42)')
    .option(
      '--pivots <k>',
      'estimate betweenness from k sampled sources (reports its error bound) instead of exactly',
    )
    .action((options: AnalyzeFlags) => analyzeCommand(ctx, options));

  withFileOptions(
    network
      .command('brokers')
      .description(
        'Who links each pair of groups: ties across, bridges, brokers, and the groups with no tie',
      ),
  ).action((options: FileOptions) => {
    const format = checkFormat(options.format);
    const result = groupBrokers(loadNetwork(options));
    if (format === 'json') return ctx.out(JSON.stringify(result, null, 2) + '\n');
    const rows = result.pairs.flatMap((pair) => [
      [
        `${pair.groups[0]} / ${pair.groups[1]}`,
        pair.crossTies.length,
        pair.crossTies.filter((t) => t.isBridge).length,
        pair.brokers
          .slice(0, 5)
          .map((b) => `${b.id} (${b.pairsLinked})`)
          .join(', '),
      ],
    ]);
    ctx.out(textTable(['groups', 'ties across', 'bridges', 'top brokers (pairs linked)'], rows));
    if (result.unlinkedPairs.length > 0) {
      ctx.out(`\nno tie between: ${result.unlinkedPairs.map(([a, b]) => `${a} / ${b}`).join('; ')}\n`);
    }
  });

  withFileOptions(
    network
      .command('introductions')
      .description(
        'Whom to introduce next: cross-divide introductions through a trusted intermediary, ranked by reach gained',
      ),
  )
    .option('--min-trust <strength>', 'a tie is trusted from this strength up (default 1: every tie)')
    .option('--limit <n>', 'show at most n introductions', '20')
    .action((options: FileOptions & { minTrust?: string; limit?: string }) => {
      const format = checkFormat(options.format);
      const minTrust =
        options.minTrust === undefined ? undefined : numberOption(options.minTrust, '--min-trust');
      const result = introductions(loadNetwork(options), {
        minTrust,
        limit: positiveInteger(options.limit, '--limit'),
      });
      if (format === 'json') return ctx.out(JSON.stringify(result, null, 2) + '\n');
      ctx.out(
        textTable(
          ['introduce', 'to', 'through', 'gain', 'why'],
          result.map((r) => [r.first.id, r.second.id, r.intermediary.id, r.gain, r.reason]),
        ),
      );
    });

  withFileOptions(
    network
      .command('fragility')
      .description(
        'What the network loses if an actor is removed (arrested, killed, withdraws), worst first',
      ),
  )
    .option('--actors <ids>', 'only these actors (comma-separated)')
    .option('--limit <n>', 'show at most n actors')
    .action((options: FileOptions & { actors?: string; limit?: string }) => {
      const format = checkFormat(options.format);
      const result = fragility(loadNetwork(options), {
        actors: options.actors?.split(',').map((a) => a.trim()),
        limit: positiveInteger(options.limit, '--limit'),
      });
      if (format === 'json') return ctx.out(JSON.stringify(result, null, 2) + '\n');
      ctx.out(
        textTable(
          ['actor', 'group', 'components', 'cross-divide reach lost', 'share', 'E-I change'],
          result.map((r) => [
            r.id,
            r.group,
            `${r.componentsBefore} -> ${r.componentsAfter}`,
            r.crossDivideReachLost,
            r.crossDivideReachLostShare,
            r.eiIndexChange,
          ]),
        ),
      );
    });

  withFileOptions(
    network
      .command('track-one-paths')
      .description(
        'Strongest-trust paths from citizen diplomats to Track-I actors (nodes column "track"), and reach within k steps',
      ),
  )
    .option('--steps <k>', 'count Track-I actors within k ties', '2')
    .option(
      '--from <ids>',
      'start from these actors (comma-separated); default: every actor with a track other than 1',
    )
    .option('--paths <n>', 'paths shown per actor', '3')
    .action((options: FileOptions & { steps?: string; from?: string; paths?: string }) => {
      const format = checkFormat(options.format);
      const result = trackOnePaths(loadNetwork(options), {
        steps: positiveInteger(options.steps, '--steps'),
        from: options.from?.split(',').map((a) => a.trim()),
        pathsPerActor: positiveInteger(options.paths, '--paths'),
      });
      if (format === 'json') return ctx.out(JSON.stringify(result, null, 2) + '\n');
      ctx.out(
        textTable(
          ['actor', 'track', 'Track I within k', 'strongest path', 'weakest tie'],
          result.map((r) => [
            r.id,
            r.track,
            r.reachWithinSteps,
            r.paths[0]?.path.join(' > ') ?? '',
            r.paths[0]?.weakestStrength,
          ]),
        ),
      );
    });

  withFileOptions(
    network
      .command('changes')
      .description(
        'How the ties across the divide changed between two dates (needs startDate/endDate columns)',
      ),
  )
    .requiredOption('--from <date>', 'the earlier date (YYYY-MM-DD)')
    .requiredOption('--to <date>', 'the later date (YYYY-MM-DD)')
    .action((options: FileOptions & { from: string; to: string }) => {
      const format = checkFormat(options.format);
      const input = readNetworkFiles(options);
      const { asOf: _ignored, ...filter } = tieFilterOf(options);
      const result = divideChange(input, options.from, options.to, filter);
      if (format === 'json') return ctx.out(JSON.stringify(result, null, 2) + '\n');
      const rows = [
        ...result.newTies.map((t) => ['new', t.source, t.target, t.groups.join(' / ')]),
        ...result.lostTies.map((t) => ['lost', t.source, t.target, t.groups.join(' / ')]),
      ];
      ctx.out(
        `ties across: ${result.crossTiesBefore} on ${result.from}, ${result.crossTiesAfter} on ${result.to}\n\n`,
      );
      ctx.out(textTable(['change', 'source', 'target', 'groups'], rows));
    });
};
