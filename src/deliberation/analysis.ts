import { byText } from '../domain/order.js';
import {
  allGroupInformedConsensus,
  consensusStatements,
  enoughVotesPerGroup,
  fewestGroupVotes,
  scoredConsensus,
  type ConsensusStatement,
} from './consensus.js';
import type { DialogueData, IndexedDialogue } from './dialogue-data.js';
import { indexDialogue } from './dialogue-data.js';
import { tallyGroups, type GroupTallies } from './group-tallies.js';
import { clusterableParticipants, findOpinionGroups, type OpinionGroups } from './opinion-groups.js';
import {
  computePca,
  projectParticipants,
  projectParticipantsIn,
  statementExtremity,
  supportedDimensions,
  type Pca,
} from './pca.js';
import { refineGroupsOnVotes } from './refine-groups.js';
import { replayOpinionGroups } from './replay.js';
import { representativeStatements, type RepresentativeStatement } from './repness.js';
import { routingPriority } from './routing.js';
import {
  selectParticipants,
  tallyStatements,
  type StatementTallies,
  type VoteMatrix,
} from './vote-matrix.js';

export interface AnalysisOptions {
  seed?: number;
  /** Use these opinion groups (per participant index, -1 = none) instead of computing them. */
  fixedGroups?: Int32Array;
  /** Declared groups (sides) per participant index, -1 = none declared. */
  sides?: Int32Array;
  /** Replay the vote log in time order with warm starts, as Pol.is lived the conversation. */
  replay?: boolean;
}

export interface GroupResults {
  groupCount: number;
  groupOf: Int32Array;
  tallies: GroupTallies;
  /** Pol.is' GIC for every statement, minimum-votes rule not applied. */
  groupInformedConsensus: Float64Array;
  /** Per statement: 1 when every group has at least MINIMUM_VOTES_PER_GROUP votes on it. */
  enoughVotes: Uint8Array;
  /** Per statement: the fewest votes any group cast on it. */
  fewestVotes: Int32Array;
  repness: RepresentativeStatement[][];
}

export interface MatrixAnalysis {
  pca: Pca;
  /** Interleaved x, y per participant. */
  projection: Float64Array;
  clustered: Uint8Array;
  opinionGroups: OpinionGroups | null;
  groups: GroupResults;
  sides: GroupResults | null;
  statementTallies: StatementTallies;
  consensus: { agree: ConsensusStatement[]; disagree: ConsensusStatement[] };
  extremity: Float64Array;
  priority: Float64Array;
}

/** GIC and repness over any partition of participants: opinion groups or declared sides. */
export function groupResults(
  dialogue: IndexedDialogue,
  groupOf: Int32Array,
  groupCount: number,
  excluded: Uint8Array,
  seenOverall: ArrayLike<number>,
): GroupResults {
  const tallies = tallyGroups(dialogue.matrix, groupOf, groupCount);
  return {
    groupCount,
    groupOf,
    tallies,
    groupInformedConsensus: allGroupInformedConsensus(tallies),
    enoughVotes: enoughVotesPerGroup(tallies, seenOverall),
    fewestVotes: fewestGroupVotes(tallies, seenOverall),
    repness: representativeStatements(tallies, excluded),
  };
}

/**
 * Opinion groups are found in as many PCA dimensions as the votes support (components above the noise
 * edge, `supportedDimensions`), at most this many; the opinion map keeps the first two.
 */
export const MAX_CLUSTER_DIMENSIONS = 8;
/**
 * The dimensions are chosen on at most this many participants (every n / CLUSTER_SAMPLE-th voter), so
 * that a dialogue of 100,000 does not pay for nine components over all its votes; the map's two
 * components are always computed over everybody.
 */
export const CLUSTER_SAMPLE = 5_000;

/**
 * The components for clustering: up to MAX_CLUSTER_DIMENSIONS + 1 (one more than used, to see the gap
 * after the last), to a looser tolerance than the map's (at most 12 iterations: the eigenvalues settle
 * long before noise directions do).
 */
export function clusteringPca(matrix: VoteMatrix, moderatedOut: Uint8Array, map?: Pca): Pca {
  const n = matrix.participantCount;
  let sample = matrix;
  if (n > CLUSTER_SAMPLE) {
    const voters: number[] = [];
    for (let r = 0; r < n; r++) if (matrix.rowStart[r + 1] > matrix.rowStart[r]) voters.push(r);
    const step = voters.length / CLUSTER_SAMPLE;
    const rows = Array.from(
      { length: Math.min(CLUSTER_SAMPLE, voters.length) },
      (_, i) => voters[Math.floor(i * step)],
    );
    sample = selectParticipants(matrix, rows);
  }
  return computePca(sample, {
    moderatedOut,
    components: MAX_CLUSTER_DIMENSIONS + 1,
    // Started from the map's two components, which it then only refines.
    start: map?.components,
    tolerance: 1e-6,
    extraTolerance: 1e-4,
    maxIterations: 12,
  });
}

/** The full recompute: PCA, projection, opinion groups, then all statistics. */
export function analyzeMatrix(dialogue: IndexedDialogue, options: AnalysisOptions = {}): MatrixAnalysis {
  const { matrix, moderatedOut } = dialogue;
  const pca = computePca(matrix, { moderatedOut });
  const projection = projectParticipants(matrix, pca, moderatedOut);
  const wide = options.fixedGroups || options.replay ? null : clusteringPca(matrix, moderatedOut, pca);
  const dims = wide ? supportedDimensions(wide, MAX_CLUSTER_DIMENSIONS) : 2;
  const clustered = clusterableParticipants(matrix, pca.columnCount);
  let opinionGroups: OpinionGroups | null = null;
  let groupOf: Int32Array;
  let groupCount: number;
  if (options.fixedGroups) {
    groupOf = options.fixedGroups;
    groupCount = groupOf.reduce((max, g) => Math.max(max, g + 1), 0);
  } else {
    opinionGroups = options.replay
      ? replayOpinionGroups(dialogue, { seed: options.seed ?? 0 })
      : findOpinionGroups(
          wide && dims > 2 ? projectParticipantsIn(matrix, wide, dims, moderatedOut) : projection,
          clustered,
          {
            seed: options.seed ?? 0,
            dims,
            // k camps span k - 1 dimensions; on the map alone, Pol.is' five at most.
            maxGroups: dims > 2 ? dims + 1 : 5,
          },
        );
    groupOf = opinionGroups.groupOf;
    groupCount = opinionGroups.groupCount;
    if (dims > 2 && !options.replay && groupCount > 1) {
      // Found in more than the map's dimensions: refine on the votes themselves.
      const refined = refineGroupsOnVotes(matrix, groupOf, groupCount);
      groupOf = refined.groupOf;
      groupCount = refined.groupCount;
      opinionGroups = { ...opinionGroups, groupOf, groupCount };
    }
  }
  const statementTallies = tallyStatements(matrix);
  const m = matrix.statementCount;
  const seen = new Int32Array(m);
  for (let s = 0; s < m; s++) {
    seen[s] = statementTallies.agree[s] + statementTallies.disagree[s] + statementTallies.pass[s];
  }
  const groups = groupResults(dialogue, groupOf, groupCount, moderatedOut, seen);
  let sides: GroupResults | null = null;
  if (options.sides) {
    const sideCount = options.sides.reduce((max, g) => Math.max(max, g + 1), 0);
    sides = groupResults(dialogue, options.sides, sideCount, moderatedOut, seen);
  }
  const consensus = consensusStatements(
    statementTallies.agree,
    statementTallies.disagree,
    seen,
    moderatedOut,
    {
      enoughVotes: groups.enoughVotes,
      groups: groups.tallies,
    },
  );
  const extremity = statementExtremity(pca);
  const priority = new Float64Array(m);
  for (let s = 0; s < m; s++) {
    priority[s] = routingPriority(
      statementTallies.agree[s],
      statementTallies.pass[s],
      seen[s],
      extremity[s],
      dialogue.isMeta[s] === 1,
    );
  }
  return {
    pca,
    projection,
    clustered,
    opinionGroups,
    groups,
    sides,
    statementTallies,
    consensus,
    extremity,
    priority,
  };
}

/** Labels (group ids as the caller knows them) to dense indices; numeric labels keep numeric order. */
export function labelIndex(labels: Iterable<string>): string[] {
  const unique = [...new Set(labels)];
  const numeric = unique.every((l) => /^-?\d+(\.\d+)?$/.test(l));
  return unique.sort((a, b) => (numeric ? Number(a) - Number(b) : byText(a, b)));
}

export interface DialogueReportOptions {
  seed?: number;
  /** Fixed opinion groups by participant id (e.g. Pol.is' own group-id). */
  groups?: Map<string, string>;
  /** Declared groups (sides) by participant id. */
  sides?: Map<string, string>;
  replay?: boolean;
}

export interface GroupReport {
  id: number | string;
  members: string[];
}

export interface RepnessReport {
  id: string;
  type: 'agree' | 'disagree';
  metric: number;
  probability: number;
  repness: number;
  successes: number;
  trials: number;
}

export interface StatementReport {
  id: string;
  /** GIC under the minimum-votes rule: null when some group has too few votes ("not enough votes"). */
  groupInformedConsensus: number | null;
  /** Pol.is' GIC, computed whatever the votes (its smoothing gives an unvoted statement 0.5 per group). */
  polisGroupInformedConsensus: number;
  /** The fewest votes any opinion group cast on the statement. */
  fewestGroupVotes: number;
  agree: number;
  disagree: number;
  pass: number;
  priority: number;
  extremity: number;
  /** Where a lone agree on the statement lands on the opinion map. */
  x: number;
  y: number;
  moderatedOut: boolean;
  /** GIC over declared groups, when sides were given (null: not enough votes in some side). */
  sideInformedConsensus?: number | null;
}

export interface DialogueReport {
  participants: number;
  statements: number;
  groups: GroupReport[];
  statementStats: StatementReport[];
  repness: Record<string, RepnessReport[]>;
  consensus: { agree: string[]; disagree: string[] };
  groupSource: 'computed' | 'replayed' | 'given';
  k: number;
  silhouettes: Record<string, number>;
  opinionMap: { id: string; x: number; y: number; group: number | string | null }[];
  sides?: { groups: GroupReport[]; repness: Record<string, RepnessReport[]> };
}

function partition(ids: string[], byId: Map<string, string>) {
  const labels = labelIndex(byId.values());
  const index = new Map(labels.map((l, i) => [l, i]));
  const groupOf = new Int32Array(ids.length).fill(-1);
  ids.forEach((id, r) => {
    const label = byId.get(id);
    if (label !== undefined) groupOf[r] = index.get(label)!;
  });
  const reportId = (i: number): number | string =>
    /^-?\d+$/.test(labels[i]) ? Number(labels[i]) : labels[i];
  return { groupOf, labels, reportId };
}

function reportGroups(ids: string[], results: GroupResults, reportId: (i: number) => number | string) {
  const groups: GroupReport[] = Array.from({ length: results.groupCount }, (_, g) => ({
    id: reportId(g),
    members: [],
  }));
  ids.forEach((id, r) => {
    if (results.groupOf[r] >= 0) groups[results.groupOf[r]].members.push(id);
  });
  return groups;
}

function reportRepness(
  statementIds: string[],
  results: GroupResults,
  reportId: (i: number) => number | string,
) {
  const out: Record<string, RepnessReport[]> = {};
  results.repness.forEach((list, g) => {
    out[String(reportId(g))] = list.map((r) => ({
      id: statementIds[r.statement],
      type: r.type,
      metric: r.metric,
      probability: r.probability,
      repness: r.repness,
      successes: r.successes,
      trials: r.trials,
    }));
  });
  return out;
}

/** Analyses a dialogue given as plain records and returns the JSON-ready report. */
export function analyzeDialogue(data: DialogueData, options: DialogueReportOptions = {}): DialogueReport {
  const dialogue = indexDialogue(data);
  const ids = dialogue.participantIds;
  const fixed = options.groups ? partition(ids, options.groups) : undefined;
  const sidePartition = options.sides ? partition(ids, options.sides) : undefined;
  const analysis = analyzeMatrix(dialogue, {
    seed: options.seed,
    fixedGroups: fixed?.groupOf,
    sides: sidePartition?.groupOf,
    replay: options.replay,
  });
  const groupId = fixed ? fixed.reportId : (g: number) => g;
  const { pca } = analysis;
  const scale = Math.sqrt(pca.columnCount);
  const statementStats = dialogue.statementIds.map((id, s) => {
    const d = 1 - pca.center[s];
    const report: StatementReport = {
      id,
      groupInformedConsensus: scoredConsensus(
        analysis.groups.groupInformedConsensus[s],
        analysis.groups.enoughVotes[s],
      ),
      polisGroupInformedConsensus: analysis.groups.groupInformedConsensus[s],
      fewestGroupVotes: analysis.groups.fewestVotes[s],
      agree: analysis.statementTallies.agree[s],
      disagree: analysis.statementTallies.disagree[s],
      pass: analysis.statementTallies.pass[s],
      priority: analysis.priority[s],
      extremity: analysis.extremity[s],
      x: scale * d * pca.components[0][s],
      y: scale * d * pca.components[1][s],
      moderatedOut: dialogue.moderatedOut[s] === 1,
    };
    if (analysis.sides)
      report.sideInformedConsensus = scoredConsensus(
        analysis.sides.groupInformedConsensus[s],
        analysis.sides.enoughVotes[s],
      );
    return report;
  });
  const report: DialogueReport = {
    participants: ids.filter((_, r) => dialogue.matrix.rowStart[r + 1] > dialogue.matrix.rowStart[r]).length,
    statements: dialogue.statementIds.length,
    groups: reportGroups(ids, analysis.groups, groupId),
    statementStats,
    repness: reportRepness(dialogue.statementIds, analysis.groups, groupId),
    consensus: {
      agree: analysis.consensus.agree.map((c) => dialogue.statementIds[c.statement]),
      disagree: analysis.consensus.disagree.map((c) => dialogue.statementIds[c.statement]),
    },
    groupSource: fixed ? 'given' : options.replay ? 'replayed' : 'computed',
    k: analysis.groups.groupCount,
    silhouettes: Object.fromEntries(
      Object.entries(analysis.opinionGroups?.silhouettes ?? {}).map(([k, v]) => [k, v.mean]),
    ),
    opinionMap: ids.map((id, r) => ({
      id,
      x: analysis.projection[2 * r],
      y: analysis.projection[2 * r + 1],
      group: analysis.groups.groupOf[r] >= 0 ? groupId(analysis.groups.groupOf[r]) : null,
    })),
  };
  if (analysis.sides && sidePartition) {
    report.sides = {
      groups: reportGroups(ids, analysis.sides, sidePartition.reportId),
      repness: reportRepness(dialogue.statementIds, analysis.sides, sidePartition.reportId),
    };
  }
  return report;
}
