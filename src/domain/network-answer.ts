import { z } from 'zod';
import { actorGroupSchema } from './actor.js';
import type { NetworkGraphColumns } from './network-graph-columns.js';
import { idSchema, isoDateSchema } from './scalars.js';
import { actorKindSchema, actorRoleSchema, genderSchema, trackSchema } from './vocabulary.js';

/**
 * The network analytics' answers: `{ network, result, actors }`, what was computed on, the network core's
 * result with actors named by pseudonym, and the legend of those actors. The core names its fields in
 * camelCase; the API gives them in snake_case (snake-case.ts) like every other body.
 */

/** The network a result was computed on, stated beside it so a reader knows what was asked. */
export const networkSelectionSchema = z.strictObject({
  conflict_id: idSchema,
  divide: z
    .strictObject({
      id: idSchema,
      name: z.string(),
      groups: z.array(z.strictObject({ id: idSchema, name: z.string(), color: z.string().nullable() })),
    })
    .nullable(),
  kinds: z.array(z.string()),
  as_of: isoDateSchema.nullable(),
  from: isoDateSchema.nullable(),
  to: isoDateSchema.nullable(),
  min_confidence: z.number().nullable(),
  directed: z.boolean(),
  actors: z.number().int().min(0),
  ties: z.number().int().min(0),
  /** Whether the legend carries names (the caller may see them and did not ask for pseudonyms only). */
  names: z.boolean(),
});

/** How an actor is shown beside a result: the pseudonymous record's fields, and a name only if allowed. */
export const actorLegendEntrySchema = z.strictObject({
  actor_id: idSchema,
  pseudonym: z.string(),
  kind: actorKindSchema,
  role: actorRoleSchema,
  track: trackSchema,
  group: z.string().nullable(),
  erased: z.boolean(),
  name: z.string().optional(),
});

export function networkAnswerOf<T extends z.ZodType>(result: T) {
  return z.strictObject({
    network: networkSelectionSchema,
    result,
    actors: z.record(z.string(), actorLegendEntrySchema).describe('The legend, keyed by pseudonym'),
  });
}

const betweennessSampleSchema = z.strictObject({
  pivots: z.number().int(),
  /** With probability `confidence`, every estimate lies within this of the exact value. */
  error_bound: z.number(),
  confidence: z.number(),
});

/** Per-actor measures; each present only when asked for (or all, by default). */
const actorMeasuresShape = {
  degree: z.number().optional(),
  betweenness: z.number().optional(),
  closeness: z.number().optional(),
  harmonic: z.number().optional(),
  eigenvector: z.number().optional(),
  pagerank: z.number().optional(),
  constraint: z.number().nullable().optional(),
  effective_size: z.number().nullable().optional(),
  clustering: z.number().optional(),
  brokerage: z
    .strictObject({
      coordinator: z.number().int(),
      itinerant: z.number().int(),
      representative: z.number().int(),
      gatekeeper: z.number().int(),
      liaison: z.number().int(),
      total: z.number().int(),
    })
    .optional(),
  community: z.number().int().optional(),
};

export const networkReportSchema = z.strictObject({
  graph: z.strictObject({
    nodes: z.number().int(),
    edges: z.number().int(),
    directed: z.boolean(),
    weighted: z.boolean(),
    density: z.number().optional(),
    components: z.number().int().optional(),
    bridges: z.array(z.tuple([z.string(), z.string()])).optional(),
    articulation_points: z.array(z.string()).optional(),
    modularity: z.number().optional(),
    ei_index: z.number().nullable().optional(),
    assortativity: z.number().nullable().optional(),
    communities: z
      .strictObject({
        count: z.number().int(),
        seed: z.number().int(),
        modularity: z.number(),
        agreement_with_groups: z.strictObject({ ari: z.number(), nmi: z.number() }).nullable(),
      })
      .optional(),
  }),
  nodes: z.array(z.strictObject({ id: z.string(), ...actorMeasuresShape })),
  betweenness_sample: betweennessSampleSchema.optional(),
});

const groupPairSchema = z.tuple([z.string(), z.string()]);

export const groupBrokersSchema = z.strictObject({
  pairs: z.array(
    z.strictObject({
      groups: groupPairSchema,
      cross_ties: z.array(
        z.strictObject({
          source: z.string(),
          target: z.string(),
          strength: z.number(),
          /** The only path between its two sides: losing it splits a component. */
          is_bridge: z.boolean(),
        }),
      ),
      single_tie: z.boolean(),
      brokers: z.array(
        z.strictObject({
          id: z.string(),
          group: z.string().nullable(),
          pairs_linked: z.number().int(),
          contacts_in_first: z.number().int(),
          contacts_in_second: z.number().int(),
        }),
      ),
    }),
  ),
  /** Group pairs with no tie across at all: the gaps. */
  unlinked_pairs: z.array(groupPairSchema),
});
export type GroupBrokers = z.infer<typeof groupBrokersSchema>;

export const introductionSchema = z.strictObject({
  first: z.strictObject({ id: z.string(), group: z.string() }),
  second: z.strictObject({ id: z.string(), group: z.string() }),
  intermediary: z.strictObject({
    id: z.string(),
    group: z.string().nullable(),
    trust_with_first: z.number(),
    trust_with_second: z.number(),
  }),
  other_intermediaries: z.number().int(),
  new_reach_of_first: z.number().int(),
  new_reach_of_second: z.number().int(),
  gain: z.number().int(),
  reason: z.string(),
});

export const actorLossSchema = z.strictObject({
  id: z.string(),
  group: z.string().nullable(),
  components_before: z.number().int(),
  components_after: z.number().int(),
  cross_divide_reach_before: z.number().int(),
  cross_divide_reach_after: z.number().int(),
  cross_divide_reach_lost: z.number().int(),
  /** Share of the others' cross-divide reach that is lost (0 when there was none). */
  cross_divide_reach_lost_share: z.number(),
  ei_index_before: z.number().nullable(),
  ei_index_after: z.number().nullable(),
  ei_index_change: z.number().nullable(),
});
export type ActorLoss = z.infer<typeof actorLossSchema>;

export const trackOneReachSchema = z.strictObject({
  id: z.string(),
  track: z.string().nullable(),
  reach_within_steps: z.number().int(),
  paths: z.array(
    z.strictObject({
      target: z.string(),
      path: z.array(z.string()),
      distance: z.number(),
      steps: z.number().int(),
      weakest_strength: z.number(),
    }),
  ),
});

const crossDivideTieSchema = z.strictObject({
  source: z.string(),
  target: z.string(),
  groups: groupPairSchema,
});

export const divideChangeSchema = z.strictObject({
  from: isoDateSchema,
  to: isoDateSchema,
  new_ties: z.array(crossDivideTieSchema),
  lost_ties: z.array(crossDivideTieSchema),
  cross_ties_before: z.number().int(),
  cross_ties_after: z.number().int(),
});

/** The map for the browser: nodes by pseudonym with their group, colour and measures, and the ties. */
export const networkGraphSchema = z.strictObject({
  nodes: z.array(
    z.strictObject({
      id: z.string(),
      kind: actorKindSchema,
      role: actorRoleSchema,
      track: trackSchema,
      gender: genderSchema.nullable(),
      group: z.string().nullable(),
      color: z.string().nullable(),
      groups: z.array(actorGroupSchema),
      metrics: z.strictObject(actorMeasuresShape),
    }),
  ),
  ties: z.array(
    z.strictObject({
      id: idSchema,
      source: z.string(),
      target: z.string(),
      kind: z.string(),
      directed: z.boolean(),
      strength: z.number(),
      confidence: z.number(),
      valid_from: isoDateSchema.nullable(),
      valid_to: isoDateSchema.nullable(),
      /** Both ends have a group in the chosen divide, and not the same one. */
      across_divide: z.boolean(),
    }),
  ),
  betweenness_sample: betweennessSampleSchema.optional(),
});

export const metricsAnswerSchema = networkAnswerOf(networkReportSchema);
export const brokersAnswerSchema = networkAnswerOf(groupBrokersSchema);
export const introductionsAnswerSchema = networkAnswerOf(z.array(introductionSchema));
export const fragilityAnswerSchema = networkAnswerOf(z.array(actorLossSchema));
export type FragilityAnswer = z.infer<typeof fragilityAnswerSchema>;
export const trackOneAnswerSchema = networkAnswerOf(z.array(trackOneReachSchema));
export const changesAnswerSchema = networkAnswerOf(divideChangeSchema);
export const graphAnswerSchema = networkAnswerOf(networkGraphSchema);
export type NetworkGraphAnswer = z.infer<typeof graphAnswerSchema>;
/** The map for the browser as columns (network-graph-columns.ts). */
export const networkGraphColumnsSchema = z.strictObject({
  /** The version of the map the columns were computed on: it changes with any actor or tie. */
  version: z.string(),
  /** The divide's groups, in the divide's order; `side` points into these. */
  groups: z.array(z.strictObject({ name: z.string(), color: z.string().nullable() })),
  /** The tie kinds present; `tie_kind` points into these. */
  kinds: z.array(z.string()),
  tracks: z.array(z.string()),
  /** Per actor: the pseudonym, the record's id, side, track, community and measures, seed position. */
  ids: z.array(z.string()),
  actor_ids: z.array(z.string()),
  /** The actor's name, for a caller who may see names; otherwise absent. Null where none is known. */
  names: z.array(z.string().nullable()).optional(),
  side: z.array(z.number().int().min(-1)),
  track: z.array(z.number().int().min(-1)),
  community: z.array(z.number().int().min(-1)),
  degree: z.array(z.number()),
  betweenness: z.array(z.number()),
  pagerank: z.array(z.number()),
  x: z.array(z.number()),
  y: z.array(z.number()),
  /** Per tie: its ends (positions in `ids`), kind, strength, whether directed (1) and across sides (1). */
  tie_source: z.array(z.number().int().min(0)),
  tie_target: z.array(z.number().int().min(0)),
  tie_kind: z.array(z.number().int().min(0)),
  tie_strength: z.array(z.number()),
  tie_directed: z.array(z.union([z.literal(0), z.literal(1)])),
  tie_across: z.array(z.union([z.literal(0), z.literal(1)])),
});

export const graphColumnsAnswerSchema = networkAnswerOf(networkGraphColumnsSchema);

// The schema and the zod-free type the web app decodes with describe the same columns, both ways.
type SchemaColumns = z.infer<typeof networkGraphColumnsSchema>;
export const columnsTypeCheck: [SchemaColumns, NetworkGraphColumns] extends [
  NetworkGraphColumns,
  SchemaColumns,
]
  ? true
  : never = true;
