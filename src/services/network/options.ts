import { z } from 'zod';
import { actorMetrics, networkMetrics } from '../../network/analyze.js';
import { checkDateOrder, isoDateSchema } from '../../domain/scalars.js';
import { snakeName } from '../../domain/snake-case.js';
import { tieKindSchema } from '../../domain/vocabulary.js';

/**
 * The questions put to a conflict's actor map, as the API's query strings and the CLI's options state
 * them. One schema per question, validated by zod at both doors, so both refuse the same mistakes.
 */

/** `true`/`false` as a URL writes them, or a real boolean from the CLI. */
const flag = z
  .union([z.boolean(), z.enum(['true', 'false'])])
  .transform((value) => value === true || value === 'true');

/** A list given once comma-separated (`kinds=knows,trusts`) or by repeating the field; blanks dropped. */
function listOf<T extends z.ZodType<string, string>>(item: T, max: number) {
  return z
    .union([z.string(), z.array(z.string())])
    .transform((value) =>
      (Array.isArray(value) ? value : [value])
        .flatMap((part) => part.split(','))
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    )
    .pipe(z.array(item).min(1).max(max));
}

/**
 * Measures named as the answers name them (`ei_index`, `effective_size`), turned into the core's names
 * (`eiIndex`, `effectiveSize`) for the computation.
 */
function metricList<M extends string>(metrics: readonly M[], max: number) {
  const byApiName = new Map(metrics.map((metric) => [snakeName(metric), metric]));
  return listOf(z.enum([...byApiName.keys()] as [string, ...string[]]), max).transform((names) =>
    names.map((name) => byApiName.get(name)!),
  );
}

/** An actor named by its pseudonym (`A-7K3F9Q`) or its id. */
const actorRef = z.string().min(1).max(60);
const count = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Which actors and ties make the network: shared by every question. */
const mapShape = {
  divide: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .describe("The divide whose groups are the sides (its id or its name); default: the conflict's first"),
  kinds: listOf(tieKindSchema, 7)
    .optional()
    .describe(
      'Tie kinds to keep, comma-separated; default: every kind but `hostile` (not a channel of trust)',
    ),
  min_confidence: z.coerce
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Leave out ties whose confidence is below this'),
  directed: flag
    .default(false)
    .describe('Ties in their direction (undirected ties count both ways); default: all ties undirected'),
  names: flag
    .default(true)
    .describe('Add names from the vault for a caller allowed to see them; `false` keeps to pseudonyms'),
};
const periodShape = {
  as_of: isoDateSchema.optional().describe('The network as of this date (ties valid on that day)'),
  from: isoDateSchema.optional().describe('Keep ties valid at some time on or after this date'),
  to: isoDateSchema.optional().describe('Keep ties valid at some time on or before this date'),
};
const betweennessShape = {
  pivots: count(1, 1_000_000)
    .optional()
    .describe(
      'Estimate betweenness from this many sampled sources (error bound reported) instead of exactly',
    ),
  seed: count(0, 2 ** 31 - 1)
    .optional()
    .describe('Seed of the community search (and of the sampled sources); default 42 (1 for sources)'),
};

const checkPeriod = (value: Record<string, unknown>, ctx: z.RefinementCtx) =>
  checkDateOrder(value, ctx, 'from', 'to');

type Renamed<T> = Omit<T, 'as_of' | 'min_confidence' | 'min_trust'> & {
  asOf?: string;
  minConfidence?: number;
  minTrust?: number;
};

/**
 * Query strings are snake_case like every field of the API (`as_of`, `min_confidence`, `min_trust`); the
 * network core's filter names them in camelCase, so each parsed question is renamed once, here.
 */
function coreNames<T extends { as_of?: string; min_confidence?: number; min_trust?: number }>(
  value: T,
): Renamed<T> {
  const { as_of: asOf, min_confidence: minConfidence, min_trust: minTrust, ...rest } = value;
  return {
    ...rest,
    ...(asOf === undefined ? {} : { asOf }),
    ...(minConfidence === undefined ? {} : { minConfidence }),
    ...(minTrust === undefined ? {} : { minTrust }),
  };
}

export const actorMapQuerySchema = z
  .strictObject({ ...mapShape, ...periodShape })
  .superRefine(checkPeriod)
  .transform(coreNames);

export const metricsQuerySchema = z
  .strictObject({
    ...mapShape,
    ...periodShape,
    ...betweennessShape,
    metrics: metricList([...actorMetrics, ...networkMetrics], 32)
      .optional()
      .describe('Measures to compute, comma-separated (e.g. `betweenness,pagerank`); default: all'),
  })
  .superRefine(checkPeriod)
  .transform(coreNames);

export const brokersQuerySchema = actorMapQuerySchema;

export const introductionsQuerySchema = z
  .strictObject({
    ...mapShape,
    ...periodShape,
    min_trust: z.coerce
      .number()
      .min(1)
      .max(5)
      .optional()
      .describe('A tie is trusted (fit to introduce through) from this strength up; default 1: every tie'),
    limit: count(1, 500).default(20).describe('At most this many introductions, best first'),
  })
  .superRefine(checkPeriod)
  .transform(coreNames);

export const fragilityQuerySchema = z
  .strictObject({
    ...mapShape,
    ...periodShape,
    actors: listOf(actorRef, 100)
      .optional()
      .describe('What if these actors (pseudonyms or ids) were removed; default: every actor, worst first'),
    limit: count(1, 10_000).default(20).describe('At most this many actors, worst loss first'),
  })
  .superRefine(checkPeriod)
  .transform(coreNames);

export const trackOneQuerySchema = z
  .strictObject({
    ...mapShape,
    ...periodShape,
    actors: listOf(actorRef, 100)
      .optional()
      .describe('Start from these actors (pseudonyms or ids); default: every actor not on Track 1'),
    steps: count(1, 10).default(2).describe('Count the Track-I actors within this many ties'),
    paths: count(1, 20).default(3).describe('Strongest-trust paths given per actor'),
    limit: count(1, 10_000).default(100).describe('At most this many actors, widest reach first'),
  })
  .superRefine(checkPeriod)
  .transform(coreNames);

export const changesQuerySchema = z
  .strictObject({
    ...mapShape,
    from: isoDateSchema.optional().describe('The earlier date; default: a year before `to`'),
    to: isoDateSchema.optional().describe('The later date; default: today (UTC)'),
  })
  .superRefine(checkPeriod)
  .transform(coreNames);

export const graphQuerySchema = z
  .strictObject({
    ...mapShape,
    ...periodShape,
    ...betweennessShape,
    metrics: metricList(actorMetrics, 16)
      .optional()
      .describe('Per-actor measures put on each node; default: degree,betweenness,pagerank,community'),
  })
  .superRefine(checkPeriod)
  .transform(coreNames);

export type ActorMapQuery = z.output<typeof actorMapQuerySchema>;
export type MetricsQuery = z.output<typeof metricsQuerySchema>;
export type BrokersQuery = z.output<typeof brokersQuerySchema>;
export type IntroductionsQuery = z.output<typeof introductionsQuerySchema>;
export type FragilityQuery = z.output<typeof fragilityQuerySchema>;
export type TrackOneQuery = z.output<typeof trackOneQuerySchema>;
export type ChangesQuery = z.output<typeof changesQuerySchema>;
export type GraphQuery = z.output<typeof graphQuerySchema>;
