import type { Command } from 'commander';
import type { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import type { ServiceContext } from '../../services/context.js';
import { firstIssue } from '../validation.js';
import { analyzeConflictNetwork, conflictNetworkGraph } from '../../services/network/index.js';
import type { NetworkAnswer } from '../../services/network/index.js';
import {
  brokersQuerySchema,
  changesQuerySchema,
  fragilityQuerySchema,
  graphQuerySchema,
  introductionsQuerySchema,
  metricsQuerySchema,
  trackOneQuerySchema,
} from '../../services/network/index.js';
import {
  conflictBrokers,
  conflictDivideChange,
  conflictFragility,
  conflictIntroductions,
  conflictTrackOnePaths,
} from '../../services/network/index.js';
import { databaseHelp, withServices } from '../database.js';
import type { CommandContext } from '../io.js';
import { textTable } from '../text-table.js';
import { snakeName } from '../../domain/snake-case.js';

/** Each option of the command and the query field it fills (so a refused field is named as typed). */
const optionFields = {
  divide: '--divide',
  kinds: '--kinds',
  asOf: '--as-of',
  from: '--from',
  to: '--to',
  minConfidence: '--min-confidence',
  directed: '--directed',
  names: '--names',
  metrics: '--metrics',
  pivots: '--pivots',
  seed: '--seed',
  minTrust: '--min-trust',
  limit: '--limit',
  actors: '--actors',
  steps: '--steps',
  paths: '--paths',
} as const;
type Field = keyof typeof optionFields;

interface ReportOptions extends Partial<Record<Field, string | boolean>> {
  conflict: string;
  database?: string;
  workers?: string;
  format?: string;
}

type Ask = (services: ServiceContext, conflictId: string, query: never, workers?: number) => Promise<unknown>;

/** The questions, each with the same schema and service its API route uses. */
const questions: Record<string, { schema: z.ZodType; ask: Ask }> = {
  metrics: {
    schema: metricsQuerySchema,
    ask: (s, id, q, workers) => analyzeConflictNetwork(s, id, q, { workers }),
  },
  brokers: { schema: brokersQuerySchema, ask: (s, id, q) => conflictBrokers(s, id, q) },
  introductions: { schema: introductionsQuerySchema, ask: (s, id, q) => conflictIntroductions(s, id, q) },
  fragility: { schema: fragilityQuerySchema, ask: (s, id, q) => conflictFragility(s, id, q) },
  'track-one-paths': { schema: trackOneQuerySchema, ask: (s, id, q) => conflictTrackOnePaths(s, id, q) },
  changes: { schema: changesQuerySchema, ask: (s, id, q) => conflictDivideChange(s, id, q) },
  graph: {
    schema: graphQuerySchema,
    ask: (s, id, q, workers) => conflictNetworkGraph(s, id, q, { workers }),
  },
};

/** The options given, as the query the question's schema checks; a refusal names the option. */
function queryOf(schema: z.ZodType, options: ReportOptions): unknown {
  // The query's fields are the API's snake_case names (`--as-of` fills `as_of`).
  const query: Record<string, unknown> = { names: options.names === true };
  const byQueryField = new Map<string, Field>();
  for (const field of Object.keys(optionFields) as Field[]) {
    byQueryField.set(snakeName(field), field);
    if (field !== 'names' && options[field] !== undefined) query[snakeName(field)] = options[field];
  }
  const parsed = schema.safeParse(query);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  const queryField = issue.field.split('.')[0];
  const field = (byQueryField.get(queryField) ?? queryField) as Field;
  throw new TrackTwoError('TT_ERR_VALIDATION', {
    field: optionFields[field] ?? field,
    reason:
      optionFields[field] && issue.unknownField
        ? `${optionFields[field]} does not apply to this question`
        : issue.reason,
  });
}

/** Shown in tables: the actor's name where the legend holds one, else the pseudonym. */
function labeller(answer: NetworkAnswer<unknown>): (pseudonym: string) => string {
  return (pseudonym) => answer.actors[pseudonym]?.name ?? pseudonym;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- each question's result has its own shape */
function asTable(question: string, answer: NetworkAnswer<any>): string {
  const name = labeller(answer);
  const r = answer.result;
  switch (question) {
    case 'brokers':
      return (
        textTable(
          ['groups', 'ties across', 'bridges', 'top brokers (pairs linked)'],
          r.pairs.map((p: any) => [
            p.groups.join(' / '),
            p.crossTies.length,
            p.crossTies.filter((t: any) => t.isBridge).length,
            p.brokers
              .slice(0, 5)
              .map((b: any) => `${name(b.id)} (${b.pairsLinked})`)
              .join(', '),
          ]),
        ) +
        (r.unlinkedPairs.length
          ? `\nno tie between: ${r.unlinkedPairs.map((p: string[]) => p.join(' / ')).join('; ')}\n`
          : '')
      );
    case 'introductions':
      return textTable(
        ['introduce', 'to', 'through', 'gain'],
        r.map((i: any) => [name(i.first.id), name(i.second.id), name(i.intermediary.id), i.gain]),
      );
    case 'fragility':
      return textTable(
        ['actor', 'group', 'components', 'cross-divide reach lost', 'share', 'E-I change'],
        r.map((l: any) => [
          name(l.id),
          l.group,
          `${l.componentsBefore} -> ${l.componentsAfter}`,
          l.crossDivideReachLost,
          l.crossDivideReachLostShare,
          l.eiIndexChange,
        ]),
      );
    case 'track-one-paths':
      return textTable(
        ['actor', 'track', 'Track I within k', 'strongest path', 'weakest tie'],
        r.map((a: any) => [
          name(a.id),
          a.track,
          a.reachWithinSteps,
          a.paths[0]?.path.map(name).join(' > ') ?? '',
          a.paths[0]?.weakestStrength,
        ]),
      );
    case 'changes':
      return (
        `ties across: ${r.crossTiesBefore} on ${r.from}, ${r.crossTiesAfter} on ${r.to}\n\n` +
        textTable(
          ['change', 'source', 'target', 'groups'],
          [
            ...r.newTies.map((t: any) => ['new', name(t.source), name(t.target), t.groups.join(' / ')]),
            ...r.lostTies.map((t: any) => ['lost', name(t.source), name(t.target), t.groups.join(' / ')]),
          ],
        )
      );
    default: {
      const nodes: any[] =
        question === 'graph' ? r.nodes.map((n: any) => ({ id: n.id, ...n.metrics })) : r.nodes;
      const columns = [...new Set(nodes.flatMap((n) => Object.keys(n)))].filter((c) => c !== 'brokerage');
      // The network's own measures first (numbers and counts; lists such as bridges are in the JSON).
      const summary =
        question === 'metrics'
          ? Object.entries(r.graph as Record<string, unknown>)
              .filter(([, v]) => v === null || typeof v !== 'object')
              .map(
                ([k, v]) =>
                  `${k}: ${v === null ? '' : typeof v === 'number' ? Number(v.toPrecision(6)) : String(v)}\n`,
              )
              .join('') + '\n'
          : '';
      return (
        summary +
        textTable(
          columns.map((c) => (c === 'id' ? 'actor' : c)),
          nodes.map((n) => columns.map((c) => (c === 'id' ? name(n.id) : n[c]))),
        )
      );
    }
  }
}
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * `tracktwo network report QUESTION --conflict ID`: the same questions as the API, on a conflict's actor
 * map read from the database through the same services. Pseudonyms unless `--names` is given.
 */
export function registerNetworkReportCommand(network: Command, ctx: CommandContext): void {
  network
    .command('report')
    .description(
      "Ask a question of a conflict's actor map in the database (as the API does): " +
        Object.keys(questions).join(', '),
    )
    .argument('<question>', Object.keys(questions).join(' | '))
    .requiredOption('--conflict <id>', 'the conflict whose actor map to analyse')
    .option('--database <url>', databaseHelp)
    .option('--divide <id-or-name>', "the divide whose groups are the sides (default: the conflict's first)")
    .option('--kinds <list>', 'tie kinds to keep, comma-separated (default: all but hostile)')
    .option('--as-of <date>', 'the network as of this date (YYYY-MM-DD)')
    .option('--from <date>', 'ties valid on or after this date; for `changes`, the earlier date')
    .option('--to <date>', 'ties valid on or before this date; for `changes`, the later date')
    .option('--min-confidence <number>', 'leave out ties whose confidence is below this')
    .option('--directed', 'ties in their direction (undirected ties count both ways)')
    .option('--names', 'show names from the identity vault (default: pseudonyms only)')
    .option('--metrics <list>', 'metrics, graph: measures to compute (comma-separated)')
    .option('--pivots <k>', 'metrics, graph: estimate betweenness from k sampled sources')
    .option('--seed <n>', 'metrics, graph: seed of the community search and of the sampled sources')
    .option('--workers <n>', 'metrics, graph: worker threads for exact betweenness')
    .option('--min-trust <strength>', 'introductions: a tie is trusted from this strength up')
    .option('--limit <n>', 'introductions, fragility, track-one-paths: at most n rows')
    .option('--actors <list>', 'fragility: what if these were removed; track-one-paths: start from these')
    .option('--steps <k>', 'track-one-paths: count Track-I actors within k ties')
    .option('--paths <n>', 'track-one-paths: paths shown per actor')
    .option('--format <format>', 'json or table', 'json')
    .action(async (question: string, options: ReportOptions) => {
      const chosen = questions[question];
      if (!chosen) {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: 'question',
          reason: `"${question}": ask one of ${Object.keys(questions).join(', ')}`,
        });
      }
      const format = options.format ?? 'json';
      if (format !== 'json' && format !== 'table') {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: '--format',
          reason: `"${format}": use json or table`,
        });
      }
      let workers: number | undefined;
      if (options.workers !== undefined) {
        workers = Number(options.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: '--workers',
            reason: `"${options.workers}" is not a whole number from 1 to 64`,
          });
        }
      }
      const query = queryOf(chosen.schema, options);
      const answer = (await withServices(options.database, (services) =>
        chosen.ask(services, options.conflict, query as never, workers),
      )) as NetworkAnswer<unknown>;
      ctx.out(format === 'json' ? JSON.stringify(answer, null, 2) + '\n' : asTable(question, answer));
    });
}
