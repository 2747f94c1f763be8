import { describe, expect, it } from 'vitest';
import { doseResponse, weightedLinearTrend } from '../../src/evaluation/dose-response.js';
import {
  effectsBySubgroup,
  pairWaves,
  participantDoseResponse,
  surveyEffects,
  SUBGROUP_MINIMUM_PER_ARM,
  subgroupTooSmall,
  waveEffect,
  type WaveScore,
} from '../../src/evaluation/wave-effects.js';
import { changeSummary, differenceInDifferences } from '../../src/evaluation/effect-sizes.js';
import { TrackTwoError } from '../../src/domain/errors.js';

describe('weighted linear trend (fixed-effect meta-regression)', () => {
  it('reproduces metafor rma(yi, vi, mods = ~ ablat, method = "FE") on dat.bcg (Berkey et al. 1995 data)', () => {
    const yi = [
      -0.8893113339, -1.585388657, -1.348073148, -1.44155119, -0.2175473222, -0.7861155858, -1.620898224,
      0.01195233352, -0.4694176487, -1.371344803, -0.3393588283, 0.4459134006, -0.01731394822,
    ];
    const vi = [
      0.325584765, 0.1945811214, 0.4153679654, 0.0200100319, 0.05121017217, 0.006905618456, 0.2230172476,
      0.003961579298, 0.05643421046, 0.07302479361, 0.01241221397, 0.5325058452, 0.07140465968,
    ];
    const ablat = [44, 55, 42, 52, 13, 44, 19, 13, 27, 42, 18, 33, 33];
    const trend = weightedLinearTrend(yi.map((y, i) => ({ x: ablat[i], y, variance: vi[i] })));
    // metafor 3.8-1: intercept 0.3436 (se 0.0810), slope -0.0292 (se 0.0027), slope CI -0.0344 to -0.0240
    expect(trend.intercept).toBeCloseTo(0.343564577447, 8);
    expect(trend.interceptSe).toBeCloseTo(0.0810487794877, 8);
    expect(trend.slope).toBeCloseTo(-0.0292369342595, 9);
    expect(trend.slopeSe).toBeCloseTo(0.00265242943425, 9);
    expect(trend.slopeCiLower).toBeCloseTo(-0.0344356004222, 9);
    expect(trend.slopeCiUpper).toBeCloseTo(-0.0240382680969, 9);
  });

  it('needs two different doses', () => {
    expect(() =>
      weightedLinearTrend([
        { x: 1, y: 1, variance: 1 },
        { x: 1, y: 2, variance: 1 },
      ]),
    ).toThrow(TrackTwoError);
  });
});

describe('dose-response from respondents\u2019 changes', () => {
  const dose = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 4, 4, 4, 4];
  const change = [2, 5, 1, 4, 6, 3, 7, 8, 5, 9, 10, 7, 12, 9];

  it('matches metafor on per-dose means weighted by n / s^2 (computed here with metafor 3.8-1)', () => {
    const result = doseResponse(dose.map((d, i) => ({ dose: d, change: change[i] })));
    expect(result.levels.map((l) => l.n)).toEqual([3, 4, 3, 4]);
    expect(result.trend.intercept).toBeCloseTo(0.42899408284, 9);
    expect(result.trend.slope).toBeCloseTo(2.27810650888, 9);
    expect(result.trend.slopeSe).toBeCloseTo(0.493548116793, 9);
    expect(result.trend.slopeCiLower).toBeCloseTo(1.31076997532, 8);
    expect(result.trend.slopeCiUpper).toBeCloseTo(3.24544304243, 8);
    expect(result.trend.residualQ).toBeCloseTo(0.00637232589897, 10);
    expect(result.trend.slopePValue).toBeCloseTo(3.91633170134e-6, 10);
  });

  it('leaves out doses with a single respondent and says so', () => {
    const result = doseResponse([
      ...dose.map((d, i) => ({ dose: d, change: change[i] })),
      { dose: 9, change: 30 },
    ]);
    expect(result.skippedDoses).toEqual([9]);
    expect(result.trend.slope).toBeCloseTo(2.27810650888, 9);
  });
});

/** A small three-wave survey: participants on two sides, a comparison group, varied meetings attended. */
function survey(): WaveScore[] {
  const rows: WaveScore[] = [];
  const participants = [
    { id: 'p1', side: 'A', gender: 'woman', pre: 40, post: 55, follow: 50, meetings: 1 },
    { id: 'p2', side: 'A', gender: 'man', pre: 35, post: 45, follow: 44, meetings: 2 },
    { id: 'p3', side: 'A', gender: 'woman', pre: 50, post: 62, follow: 60, meetings: 3 },
    { id: 'p4', side: 'A', gender: 'man', pre: 45, post: 50, follow: 47, meetings: 1 },
    { id: 'p5', side: 'B', gender: 'woman', pre: 30, post: 48, follow: 45, meetings: 3 },
    { id: 'p6', side: 'B', gender: 'man', pre: 38, post: 46, follow: null, meetings: 2 },
    { id: 'p7', side: 'B', gender: 'woman', pre: 42, post: 60, follow: 52, meetings: 3 },
    { id: 'p8', side: 'B', gender: 'man', pre: 33, post: 37, follow: 36, meetings: 1 },
  ];
  for (const p of participants) {
    const base = {
      respondentId: p.id,
      arm: 'participant' as const,
      attributes: { side: p.side, gender: p.gender },
      meetingsAttended: p.meetings,
    };
    rows.push(
      { ...base, wave: 'baseline', score: p.pre },
      { ...base, wave: 'post', score: p.post },
      { ...base, wave: 'follow_up', score: p.follow },
    );
  }
  const comparison = [
    { id: 'c1', side: 'A', pre: 41, post: 43 },
    { id: 'c2', side: 'A', pre: 36, post: 35 },
    { id: 'c3', side: 'B', pre: 48, post: 50 },
    { id: 'c4', side: 'B', pre: 32, post: 31 },
    { id: 'c5', side: 'A', pre: 44, post: 47 },
    { id: 'c6', side: 'B', pre: 40, post: 40 },
  ];
  for (const c of comparison) {
    const base = { respondentId: c.id, arm: 'comparison' as const, attributes: { side: c.side } };
    rows.push({ ...base, wave: 'baseline', score: c.pre }, { ...base, wave: 'post', score: c.post });
  }
  return rows;
}

describe('effects from survey waves', () => {
  it('pairs respondents who answered both waves', () => {
    const post = pairWaves(survey(), 'baseline', 'post');
    expect(post).toHaveLength(14);
    const follow = pairWaves(survey(), 'baseline', 'follow_up');
    expect(follow.map((p) => p.respondentId)).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p7', 'p8']);
  });

  it('gives change, difference-in-differences and d_ppc2 consistent with the direct computations', () => {
    const pairs = pairWaves(survey(), 'baseline', 'post');
    const effect = waveEffect(pairs);
    expect(effect.participants.n).toBe(8);
    expect(effect.comparison.n).toBe(6);
    expect(effect.participants.change?.meanChange).toBeCloseTo(11.25, 12);
    const treated = pairs.filter((p) => p.arm === 'participant');
    const control = pairs.filter((p) => p.arm === 'comparison');
    const direct = differenceInDifferences(
      changeSummary(
        treated.map((p) => p.pre),
        treated.map((p) => p.post),
      ),
      changeSummary(
        control.map((p) => p.pre),
        control.map((p) => p.post),
      ),
    );
    expect(effect.differenceInDifferences?.estimate).toBeCloseTo(11.25 - 5 / 6, 12);
    expect(effect.differenceInDifferences?.ciLower).toBe(direct.ciLower);
    expect(effect.primary?.kind).toBe('d_ppc2');
    expect(effect.prePostControl!.d).toBeGreaterThan(0);
    expect(effect.notes).toEqual([]);
  });

  it('suppresses every subgroup below 10 per arm: counts, a coded reason and no estimate', () => {
    const bySide = effectsBySubgroup(pairWaves(survey(), 'baseline', 'post'), 'side');
    expect(bySide.groups.map((g) => [g.level, g.participants, g.comparison])).toEqual([
      ['A', 4, 3],
      ['B', 4, 3],
    ]);
    for (const g of bySide.groups) {
      expect(g.effect).toBeNull();
      expect(g.suppressed).toEqual({ reason: 'too_few_per_arm', minimum: SUBGROUP_MINIMUM_PER_ARM });
    }
    expect(bySide.difference).toBeNull();
    const byGender = effectsBySubgroup(pairWaves(survey(), 'baseline', 'post'), 'gender');
    // The comparison group has no gender recorded: it forms its own "unknown" level.
    expect(byGender.groups.map((g) => [g.level, g.participants, g.comparison])).toEqual([
      ['man', 4, 0],
      ['unknown', 0, 6],
      ['woman', 4, 0],
    ]);
    expect(byGender.groups.every((g) => g.effect === null)).toBe(true);
  });

  it('states the rule: 10 in each arm present, an empty comparison arm not counting against', () => {
    expect(SUBGROUP_MINIMUM_PER_ARM).toBe(10);
    expect(subgroupTooSmall(9, 0)).toBe(true);
    expect(subgroupTooSmall(10, 0)).toBe(false);
    expect(subgroupTooSmall(10, 9)).toBe(true);
    expect(subgroupTooSmall(10, 10)).toBe(false);
    expect(subgroupTooSmall(3, 40)).toBe(true);
    expect(subgroupTooSmall(0, 0)).toBe(true);
  });

  it('gives the effect and tests the difference once each arm has 10; one small level stays hidden', () => {
    // Ten times the survey: sides A and B with 40 participants and 30 comparison each; one extra
    // participant on side C who must not be shown (n = 1), nor enter the test of differences.
    const rows: WaveScore[] = [];
    for (let copy = 0; copy < 10; copy++) {
      for (const r of survey()) {
        const jitter = ((copy * 7 + r.respondentId.length * 3) % 5) - 2;
        rows.push({
          ...r,
          respondentId: `${r.respondentId}-${copy}`,
          score: r.score === null ? null : r.score + (r.wave === 'baseline' ? 0 : jitter),
        });
      }
    }
    rows.push(
      { respondentId: 'lone', wave: 'baseline', arm: 'participant', score: 10, attributes: { side: 'C' } },
      { respondentId: 'lone', wave: 'post', arm: 'participant', score: 90, attributes: { side: 'C' } },
    );
    const bySide = effectsBySubgroup(pairWaves(rows, 'baseline', 'post'), 'side');
    expect(bySide.groups.map((g) => [g.level, g.participants, g.comparison])).toEqual([
      ['A', 40, 30],
      ['B', 40, 30],
      ['C', 1, 0],
    ]);
    expect(bySide.groups[0].suppressed).toBeNull();
    expect(bySide.groups[0].effect!.primary!.kind).toBe('d_ppc2');
    expect(bySide.groups[1].effect!.participants.n).toBe(40);
    expect(bySide.groups[2].effect).toBeNull();
    expect(bySide.groups[2].suppressed!.reason).toBe('too_few_per_arm');
    // Only A and B enter the Q test: one degree of freedom.
    expect(bySide.difference!.df).toBe(1);
  });

  it('fits the dose-response of participants', () => {
    const dose = participantDoseResponse(pairWaves(survey(), 'baseline', 'post'));
    expect(dose.levels.map((l) => l.dose)).toEqual([1, 2, 3]);
    expect(dose.trend.slope).toBeGreaterThan(0);
  });

  it('reports overall, subgroup and dose effects in one call, noting what cannot be estimated', () => {
    const report = surveyEffects(survey(), { to: 'follow_up', subgroupAttributes: ['side'] });
    expect(report.respondents).toBe(7);
    expect(report.overall.primary?.kind).toBe('g_rm');
    expect(report.subgroups[0].attribute).toBe('side');
    expect(report.doseResponse?.levels.length).toBeGreaterThan(0);
    const sameDose = survey().map((s) => ({ ...s, meetingsAttended: 2 }));
    const flat = surveyEffects(sameDose);
    expect(flat.doseResponse).toBeNull();
    expect(flat.notes[0]).toContain('dose-response');
  });

  it('refuses a respondent who changes arm between waves', () => {
    const rows = survey();
    rows.push({ respondentId: 'p1', wave: 'post', arm: 'comparison', score: 50 });
    expect(() =>
      pairWaves(
        rows.filter((r) => !(r.respondentId === 'p1' && r.wave === 'post' && r.arm === 'participant')),
        'baseline',
        'post',
      ),
    ).toThrowError(/participant in one wave/);
  });
});
