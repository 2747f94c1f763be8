import { TrackTwoError } from '../domain/errors.js';
import { byText } from '../domain/order.js';
import {
  changeSummary,
  differenceInDifferences,
  morrisPrePostControl,
  pairedChange,
  pairedSummary,
  type DifferenceInDifferences,
  type PairedChange,
  type PrePostControlEffect,
} from './effect-sizes.js';
import { subgroupDifference, type SubgroupDifference } from './meta-analysis.js';
import { doseResponse, type DoseResponse } from './dose-response.js';

/**
 * From respondents' scored answers per wave to the effects a convener reads: participants' change,
 * the comparison group's change, the difference in differences and Morris's d_ppc2, split by any
 * attribute (side, gender, role, ground rule) and by dose (meetings attended).
 */

export const waves = ['baseline', 'post', 'follow_up'] as const;
export type Wave = (typeof waves)[number];
export type Arm = 'participant' | 'comparison';

/** One respondent's scale score in one wave (see scoring.ts), with what we may split by. */
export interface WaveScore {
  respondentId: string;
  wave: Wave;
  arm: Arm;
  score: number | null;
  /** e.g. { side: 'A', gender: 'woman', role: 'elder', groundRule: 'chatham_house' } */
  attributes?: Record<string, string | null | undefined>;
  meetingsAttended?: number | null;
}

export interface RespondentChange {
  respondentId: string;
  arm: Arm;
  pre: number;
  post: number;
  attributes: Record<string, string | null | undefined>;
  meetingsAttended: number | null;
}

/** Pairs each respondent's score in two waves; respondents missing either wave are left out. */
export function pairWaves(scores: readonly WaveScore[], from: Wave, to: Wave): RespondentChange[] {
  const first = new Map<string, WaveScore>();
  const second = new Map<string, WaveScore>();
  for (const s of scores) {
    if (s.score === null || !Number.isFinite(s.score)) continue;
    if (s.wave === from) first.set(s.respondentId, s);
    if (s.wave === to) second.set(s.respondentId, s);
  }
  const pairs: RespondentChange[] = [];
  for (const [id, a] of [...first].sort((x, y) => byText(x[0], y[0]))) {
    const b = second.get(id);
    if (!b) continue;
    if (a.arm !== b.arm) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'arm',
        reason: `respondent ${id} is a participant in one wave and comparison in another`,
      });
    }
    pairs.push({
      respondentId: id,
      arm: a.arm,
      pre: a.score as number,
      post: b.score as number,
      attributes: { ...a.attributes, ...b.attributes },
      meetingsAttended: b.meetingsAttended ?? a.meetingsAttended ?? null,
    });
  }
  return pairs;
}

export interface WaveEffect {
  participants: { n: number; change: PairedChange | null };
  comparison: { n: number; change: PairedChange | null };
  differenceInDifferences: DifferenceInDifferences | null;
  prePostControl: PrePostControlEffect | null;
  /**
   * The effect to compare and pool: d_ppc2 when there is a comparison group, else the participants'
   * repeated-measures g (d_rm), which is on the scale of a between-groups d (Lakens 2013).
   */
  primary: { kind: 'd_ppc2' | 'g_rm'; estimate: number; se: number } | null;
  /** Why a figure is missing (too few respondents, no variation). */
  notes: string[];
}

function tryPaired(pairs: readonly RespondentChange[], notes: string[], who: string): PairedChange | null {
  if (pairs.length < 3) {
    if (pairs.length > 0) notes.push(`${who}: ${pairs.length} respondents answered both waves; 3 are needed`);
    return null;
  }
  try {
    return pairedChange(
      pairedSummary(
        pairs.map((p) => p.pre),
        pairs.map((p) => p.post),
      ),
    );
  } catch (error) {
    notes.push(`${who}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

export function waveEffect(pairs: readonly RespondentChange[]): WaveEffect {
  const notes: string[] = [];
  const treated = pairs.filter((p) => p.arm === 'participant');
  const control = pairs.filter((p) => p.arm === 'comparison');
  const participants = tryPaired(treated, notes, 'participants');
  const comparison = tryPaired(control, notes, 'comparison group');
  let did: DifferenceInDifferences | null = null;
  let ppc: PrePostControlEffect | null = null;
  if (participants && comparison) {
    try {
      did = differenceInDifferences(
        changeSummary(
          treated.map((p) => p.pre),
          treated.map((p) => p.post),
        ),
        changeSummary(
          control.map((p) => p.pre),
          control.map((p) => p.post),
        ),
      );
      // Morris assumes one pre-post correlation; the pooled within-group one is the natural estimate.
      const r =
        ((participants.n - 1) * participants.r + (comparison.n - 1) * comparison.r) /
        (participants.n + comparison.n - 2);
      const sT = pairedSummary(
        treated.map((p) => p.pre),
        treated.map((p) => p.post),
      );
      const sC = pairedSummary(
        control.map((p) => p.pre),
        control.map((p) => p.post),
      );
      ppc = morrisPrePostControl({
        nT: sT.n,
        nC: sC.n,
        mPreT: sT.meanPre,
        mPostT: sT.meanPost,
        sdPreT: sT.sdPre,
        mPreC: sC.meanPre,
        mPostC: sC.meanPost,
        sdPreC: sC.sdPre,
        r,
      });
    } catch (error) {
      notes.push(`comparison: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const primary = ppc
    ? { kind: 'd_ppc2' as const, estimate: ppc.d, se: Math.sqrt(ppc.variance) }
    : participants
      ? { kind: 'g_rm' as const, estimate: participants.drm.g, se: participants.drm.se }
      : null;
  return {
    participants: { n: treated.length, change: participants },
    comparison: { n: control.length, change: comparison },
    differenceInDifferences: did,
    prePostControl: ppc,
    primary,
    notes,
  };
}

/**
 * The least number of respondents in each arm of a subgroup for its effect to be shown: below it an
 * estimate is noise (and a cell of three people can point at individuals), so it is suppressed and
 * only the counts are given. An arm with nobody in it (no comparison group) does not count against.
 */
export const SUBGROUP_MINIMUM_PER_ARM = 10;

/** Why a subgroup's effect is not given: an arm below the minimum. */
export interface SubgroupSuppression {
  reason: 'too_few_per_arm';
  minimum: number;
}

export interface SubgroupGroup {
  level: string;
  /** Respondents who answered both waves, per arm; always given, even when the effect is not. */
  participants: number;
  comparison: number;
  /** null when suppressed: no estimate at all. */
  effect: WaveEffect | null;
  suppressed: SubgroupSuppression | null;
}

/** Whether a subgroup with these arm sizes is too small to show (the rule stated above). */
export function subgroupTooSmall(participants: number, comparison: number): boolean {
  return participants < SUBGROUP_MINIMUM_PER_ARM || (comparison > 0 && comparison < SUBGROUP_MINIMUM_PER_ARM);
}

export interface SubgroupEffects {
  attribute: string;
  groups: SubgroupGroup[];
  /** Do the subgroups differ? Q between their primary effects; null with fewer than two estimable groups. */
  difference: SubgroupDifference | null;
}

/** Effects split by one attribute (side, gender, role, groundRule ...); a missing value is "unknown". */
export function effectsBySubgroup(pairs: readonly RespondentChange[], attribute: string): SubgroupEffects {
  const byLevel = new Map<string, RespondentChange[]>();
  for (const p of pairs) {
    const level = p.attributes[attribute] ?? 'unknown';
    const list = byLevel.get(level) ?? [];
    list.push(p);
    byLevel.set(level, list);
  }
  const groups = [...byLevel]
    .sort((a, b) => byText(a[0], b[0]))
    .map(([level, list]): SubgroupGroup => {
      const participants = list.filter((p) => p.arm === 'participant').length;
      const comparison = list.length - participants;
      if (subgroupTooSmall(participants, comparison)) {
        return {
          level,
          participants,
          comparison,
          effect: null,
          suppressed: { reason: 'too_few_per_arm', minimum: SUBGROUP_MINIMUM_PER_ARM },
        };
      }
      return { level, participants, comparison, effect: waveEffect(list), suppressed: null };
    });
  const estimable = groups.flatMap((g) =>
    g.effect?.primary && g.effect.primary.se > 0 ? [g.effect.primary] : [],
  );
  const kinds = new Set(estimable.map((e) => e.kind));
  return {
    attribute,
    groups,
    difference: estimable.length >= 2 && kinds.size === 1 ? subgroupDifference(estimable) : null,
  };
}

/** Participants' change against the number of meetings they attended. */
export function participantDoseResponse(pairs: readonly RespondentChange[]): DoseResponse {
  return doseResponse(
    pairs
      .filter((p) => p.arm === 'participant' && p.meetingsAttended !== null)
      .map((p) => ({ dose: p.meetingsAttended as number, change: p.post - p.pre })),
  );
}

export interface SurveyEffectsReport {
  from: Wave;
  to: Wave;
  respondents: number;
  overall: WaveEffect;
  subgroups: SubgroupEffects[];
  doseResponse: DoseResponse | null;
  notes: string[];
}

/**
 * Everything a convener reads for one instrument between two waves: the overall effect, the splits
 * asked for, and the dose-response where meetings attended vary.
 */
export function surveyEffects(
  scores: readonly WaveScore[],
  options: { from?: Wave; to?: Wave; subgroupAttributes?: readonly string[] } = {},
): SurveyEffectsReport {
  const from = options.from ?? 'baseline';
  const to = options.to ?? 'post';
  const pairs = pairWaves(scores, from, to);
  const notes: string[] = [];
  let dose: DoseResponse | null = null;
  try {
    dose = participantDoseResponse(pairs);
  } catch (error) {
    notes.push(`dose-response: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    from,
    to,
    respondents: pairs.length,
    overall: waveEffect(pairs),
    subgroups: (options.subgroupAttributes ?? ['side', 'gender', 'role', 'groundRule']).map((attribute) =>
      effectsBySubgroup(pairs, attribute),
    ),
    doseResponse: dose,
    notes,
  };
}
