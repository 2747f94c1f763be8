import { describe, expect, it } from 'vitest';
import { doseResponse, weightedLinearTrend } from '../../src/evaluation/dose-response.js';
import {
  effectsBySubgroup,
  pairWaves,
  participantDoseResponse,
  surveyEffects,
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

  it('splits by side and tests the difference; notes groups too small to estimate', () => {
    const bySide = effectsBySubgroup(pairWaves(survey(), 'baseline', 'post'), 'side');
    expect(bySide.groups.map((g) => g.level)).toEqual(['A', 'B']);
    expect(bySide.groups[0].effect.participants.n).toBe(4);
    expect(bySide.difference).not.toBeNull();
    expect(bySide.difference!.df).toBe(1);
    const byGender = effectsBySubgroup(pairWaves(survey(), 'baseline', 'post'), 'gender');
    // The comparison group has no gender recorded: it forms its own "unknown" level.
    expect(byGender.groups.map((g) => g.level)).toEqual(['man', 'unknown', 'woman']);
    expect(byGender.groups[1].effect.participants.change).toBeNull();
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
