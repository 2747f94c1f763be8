import { analyzeMatrix } from '../../src/deliberation/analysis.js';
import { adjustedRandIndex, spearmanCorrelation, topOverlap } from '../../src/deliberation/agreement.js';
import { indexDialogue, type IndexedDialogue } from '../../src/deliberation/dialogue-data.js';
import { seededPrng } from '../../src/deliberation/prng.js';
import { selectParticipants } from '../../src/deliberation/vote-matrix.js';
import { polisGroups, polisToDialogue } from '../../src/interchange/polis-dialogue.js';
import type { PolisExport } from '../../src/interchange/polis-export.js';

/** How our recomputation of a Pol.is conversation compares with Pol.is' own groups. */
export interface PolisComparison {
  k: number;
  polisK: number;
  ari: number;
  topTenShared: number;
  spearman: number;
  reproducible: boolean;
  /** ARI with the full result over the participants kept, per leave-10%-out trial. */
  stability: number[];
}

export const conversations = [
  '15-per-hour-seattle',
  'bg2050-volunteers',
  'brexit-consensus',
  'canadian-electoral-reform',
  'football-concussions',
  'vtaiwan.uberx',
];

export function comparePolis(
  data: PolisExport,
  options: { seed?: number; trials?: number; replay?: boolean } = {},
) {
  const dialogue = indexDialogue(polisToDialogue(data));
  const seed = options.seed ?? 0;
  const ours = analyzeMatrix(dialogue, { seed, replay: options.replay });
  const again = analyzeMatrix(dialogue, { seed, replay: options.replay });
  const theirLabels = polisGroups(data);
  const theirs = Int32Array.from(dialogue.participantIds, (id) => Number(theirLabels.get(id) ?? -1));
  const given = analyzeMatrix(dialogue, { fixedGroups: relabel(theirs) });
  const live = dialogue.statementIds.map((_, s) => s).filter((s) => !dialogue.moderatedOut[s]);
  const gicOurs = live.map((s) => ours.groups.groupInformedConsensus[s]);
  const gicTheirs = live.map((s) => given.groups.groupInformedConsensus[s]);
  const stability: number[] = [];
  const random = seededPrng(seed + 1);
  for (let t = 0; t < (options.trials ?? 3); t++) {
    const kept = dialogue.participantIds.map((_, r) => r).filter(() => random.next() >= 0.1);
    const part = leaveOut(dialogue, kept);
    const result = analyzeMatrix(part, { seed, replay: options.replay });
    stability.push(
      adjustedRandIndex(
        kept.map((r) => ours.groups.groupOf[r]),
        result.groups.groupOf,
      ),
    );
  }
  return {
    k: ours.groups.groupCount,
    polisK: given.groups.groupCount,
    ari: adjustedRandIndex(ours.groups.groupOf, theirs),
    topTenShared: topOverlap(gicOurs, gicTheirs, 10),
    spearman: spearmanCorrelation(gicOurs, gicTheirs),
    reproducible: ours.groups.groupOf.every((g, r) => again.groups.groupOf[r] === g),
    stability,
  } satisfies PolisComparison;
}

function relabel(groups: Int32Array): Int32Array {
  const labels = [...new Set(groups)].filter((g) => g >= 0).sort((a, b) => a - b);
  return groups.map((g) => (g < 0 ? -1 : labels.indexOf(g)));
}

function leaveOut(dialogue: IndexedDialogue, kept: number[]): IndexedDialogue {
  const keptSet = new Uint8Array(dialogue.participantIds.length);
  const newIndex = new Int32Array(dialogue.participantIds.length).fill(-1);
  kept.forEach((r, i) => {
    keptSet[r] = 1;
    newIndex[r] = i;
  });
  const rows: number[] = [];
  for (let i = 0; i < dialogue.log.participant.length; i++)
    if (keptSet[dialogue.log.participant[i]]) rows.push(i);
  return {
    ...dialogue,
    participantIds: kept.map((r) => dialogue.participantIds[r]),
    matrix: selectParticipants(dialogue.matrix, kept),
    log: {
      participant: Int32Array.from(rows, (i) => newIndex[dialogue.log.participant[i]]),
      statement: Int32Array.from(rows, (i) => dialogue.log.statement[i]),
      value: Int8Array.from(rows, (i) => dialogue.log.value[i]),
      timestamp: Float64Array.from(rows, (i) => dialogue.log.timestamp[i]),
    },
  };
}
