import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/interchange/csv.js';
import { metaAnalysis, subgroupDifference, type StudyEffect } from '../../src/evaluation/meta-analysis.js';
import { TrackTwoError } from '../../src/domain/errors.js';

const paluckCsv = readFileSync(
  new URL('../fixtures/contact/paluck-green-green-2019.csv', import.meta.url),
  'utf8',
);
const paluck: StudyEffect[] = parseCsv(paluckCsv).rows.map((row) => ({
  effect: Number(row.d),
  variance: Number(row.var_d),
  label: row.name_short,
}));

/**
 * BCG vaccine trials (Colditz et al. 1994; metafor's dat.bcg), log risk ratios as escalc("RR")
 * gives them. Reference figures: metafor's documentation and tests (DL tau^2 = 0.3088, REML
 * tau^2 = 0.3132, REML estimate -0.7145), full digits from metafor 3.8-1 run here.
 */
const bcgYi = [
  -0.8893113339, -1.585388657, -1.348073148, -1.44155119, -0.2175473222, -0.7861155858, -1.620898224,
  0.01195233352, -0.4694176487, -1.371344803, -0.3393588283, 0.4459134006, -0.01731394822,
];
const bcgVi = [
  0.325584765, 0.1945811214, 0.4153679654, 0.0200100319, 0.05121017217, 0.006905618456, 0.2230172476,
  0.003961579298, 0.05643421046, 0.07302479361, 0.01241221397, 0.5325058452, 0.07140465968,
];
const bcg: StudyEffect[] = bcgYi.map((effect, i) => ({ effect, variance: bcgVi[i] }));

describe('meta-analysis of Paluck, Green & Green (2019), 27 contact studies', () => {
  it('DerSimonian-Laird reproduces the issue figures (0.3925, 0.2309 to 0.5542, tau^2 0.1373, Q 173.04, I^2 85.0%)', () => {
    const dl = metaAnalysis(paluck, { method: 'dl' });
    expect(dl.k).toBe(27);
    expect(dl.estimate).toBeCloseTo(0.3925, 4);
    expect(dl.ciLower).toBeCloseTo(0.2309, 4);
    expect(dl.ciUpper).toBeCloseTo(0.5542, 4);
    expect(dl.tau2).toBeCloseTo(0.1373, 4);
    expect(dl.q).toBeCloseTo(173.04, 2);
    expect(dl.i2).toBeCloseTo(85.0, 1);
    // metafor 3.8-1: rma(d, var_d, method = "DL"); predict() gives the normal-based interval.
    expect(dl.se).toBeCloseTo(0.08246594163, 8);
    expect(dl.h2).toBeCloseTo(6.655519911, 7);
    expect(dl.predictionInterval.lower).toBeCloseTo(-0.351539003, 8);
    expect(dl.predictionInterval.upper).toBeCloseTo(1.136601381, 8);
    expect(dl.weights[0]).toBeCloseTo(2.965540577, 7);
    expect(dl.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });

  it('REML matches metafor 3.8-1 rma(method = "REML")', () => {
    const reml = metaAnalysis(paluck, { method: 'reml' });
    // metafor with its default threshold (1e-5) to 4 decimals ...
    expect(reml.estimate).toBeCloseTo(0.4019, 4);
    expect(reml.se).toBeCloseTo(0.0951, 4);
    expect(reml.ciLower).toBeCloseTo(0.2156, 4);
    expect(reml.ciUpper).toBeCloseTo(0.5883, 4);
    expect(reml.tau2).toBeCloseTo(0.1958, 4);
    expect(reml.i2).toBeCloseTo(88.97, 2);
    // ... and with control = list(threshold = 1e-12) to 8.
    expect(reml.tau2).toBeCloseTo(0.195773117908, 8);
    expect(reml.estimate).toBeCloseTo(0.401924668904, 8);
    expect(reml.tau2Se).toBeCloseTo(0.066906721585, 7);
    expect(reml.h2).toBeCloseTo(9.06280307034, 6);
    expect(reml.predictionInterval.lower).toBeCloseTo(-0.485079202137, 8);
    expect(reml.predictionInterval.upper).toBeCloseTo(1.28892853995, 8);
  });

  it('the fixed-effect model matches metafor (0.2847, 0.2270 to 0.3424, I^2 84.97%, H^2 6.66)', () => {
    const fe = metaAnalysis(paluck, { method: 'fe' });
    expect(fe.estimate).toBeCloseTo(0.2846953388, 9);
    expect(fe.se).toBeCloseTo(0.02942537462, 9);
    expect(fe.tau2).toBe(0);
    expect(fe.i2).toBeCloseTo(84.9748778, 6);
    expect(fe.h2).toBeCloseTo(6.655519911, 7);
    expect(fe.weights[0]).toBeCloseTo(0.941144208, 8);
  });

  it('Q p-value matches metafor on the first six studies (QEp 8.064e-8)', () => {
    const six = paluck.slice(0, 6);
    const dl = metaAnalysis(six, { method: 'dl' });
    expect(dl.q).toBeCloseTo(41.3254878653, 8);
    expect(dl.qp / 8.06418117544e-8).toBeCloseTo(1, 5);
    expect(dl.tau2).toBeCloseTo(0.775358794425, 9);
    const reml = metaAnalysis(six, { method: 'reml' });
    expect(reml.tau2).toBeCloseTo(0.714795609137, 8);
    expect(reml.estimate).toBeCloseTo(0.975491135163, 8);
    expect(reml.i2).toBeCloseTo(87.0089743826, 6);
  });
});

describe('meta-analysis of the BCG vaccine trials (metafor dat.bcg)', () => {
  it('DL: tau^2 = 0.3088, estimate -0.7141', () => {
    const dl = metaAnalysis(bcg, { method: 'dl' });
    expect(dl.tau2).toBeCloseTo(0.3088, 4);
    expect(dl.estimate).toBeCloseTo(-0.7141, 4);
    expect(dl.ciLower).toBeCloseTo(-1.0644, 4);
    expect(dl.ciUpper).toBeCloseTo(-0.3638, 4);
    expect(dl.q).toBeCloseTo(152.233, 3);
    expect(dl.i2).toBeCloseTo(92.12, 2);
    expect(dl.predictionInterval.lower).toBeCloseTo(-1.8582, 4);
    expect(dl.predictionInterval.upper).toBeCloseTo(0.4299, 4);
  });

  it('REML: tau^2 = 0.3132, estimate -0.7145 (CI -1.0669 to -0.3622, I^2 92.22%)', () => {
    const reml = metaAnalysis(bcg, { method: 'reml' });
    expect(reml.tau2).toBeCloseTo(0.3132, 4);
    expect(reml.estimate).toBeCloseTo(-0.7145, 4);
    expect(reml.se).toBeCloseTo(0.1798, 4);
    expect(reml.ciLower).toBeCloseTo(-1.0669, 4);
    expect(reml.ciUpper).toBeCloseTo(-0.3622, 4);
    expect(reml.i2).toBeCloseTo(92.22, 2);
    expect(reml.h2).toBeCloseTo(12.86, 2);
    expect(reml.tau2Se).toBeCloseTo(0.1664, 4);
    expect(reml.predictionInterval.lower).toBeCloseTo(-1.8667, 4);
    expect(reml.predictionInterval.upper).toBeCloseTo(0.4376, 4);
  });

  it('FE: -0.4303 (CI -0.5097 to -0.3509)', () => {
    const fe = metaAnalysis(bcg, { method: 'fe' });
    expect(fe.estimate).toBeCloseTo(-0.4303, 4);
    expect(fe.ciLower).toBeCloseTo(-0.5097, 4);
    expect(fe.ciUpper).toBeCloseTo(-0.3509, 4);
    expect(fe.h2).toBeCloseTo(12.6861, 4);
  });
});

describe('homogeneous studies', () => {
  it('REML and DL stop at tau^2 = 0 and agree with the fixed effect (metafor 3.8-1)', () => {
    const homogeneous = [0.1, 0.12, 0.11, 0.3].map((effect, i) => ({
      effect,
      variance: [0.01, 0.02, 0.015, 0.05][i],
    }));
    for (const method of ['reml', 'dl'] as const) {
      const result = metaAnalysis(homogeneous, { method });
      expect(result.tau2).toBe(0);
      expect(result.estimate).toBeCloseTo(0.123943661972, 11);
      expect(result.se).toBeCloseTo(0.0650027085026, 11);
      expect(result.i2).toBe(0);
      expect(result.h2).toBe(1);
      expect(result.q).toBeCloseTo(0.690985915493, 11);
      expect(result.qp).toBeCloseTo(0.87532207722, 9);
    }
  });
});

describe('bad input', () => {
  it('refuses k < 2 for tau^2 but pools one study under the fixed-effect model', () => {
    expect(() => metaAnalysis([paluck[0]], { method: 'dl' })).toThrow(TrackTwoError);
    expect(() => metaAnalysis([paluck[0]], { method: 'reml' })).toThrowError(/Too few studies/);
    expect(metaAnalysis([paluck[0]], { method: 'fe' }).estimate).toBe(paluck[0].effect);
  });

  it('refuses a negative or zero variance with its own code', () => {
    try {
      metaAnalysis([paluck[0], { effect: 0.2, variance: -0.1 }], { method: 'dl' });
      expect.unreachable();
    } catch (error) {
      expect((error as TrackTwoError).code).toBe('TT_ERR_EVIDENCE_BAD_VARIANCE');
      expect((error as TrackTwoError).details?.field).toBe('studies[1].variance');
    }
  });

  it('tests subgroup differences by Q between', () => {
    const test = subgroupDifference([
      { estimate: 0.5, se: 0.1 },
      { estimate: 0.1, se: 0.1 },
    ]);
    // Q = (0.4)^2 / (0.01 + 0.01) = 8 on 1 df; P(chi2_1 > 8) = 0.004677735
    expect(test.qBetween).toBeCloseTo(8, 10);
    expect(test.pValue).toBeCloseTo(0.004677735, 8);
  });
});
