import { describe, expect, it } from 'vitest';
import {
  changeSummary,
  differenceInDifferences,
  hedgesCorrection,
  independentGroupsEffect,
  morrisPrePostControl,
  pairedChange,
  pairedSummary,
} from '../../src/evaluation/effect-sizes.js';

describe('Hedges correction', () => {
  it('is the exact gamma form, within 1e-5 of 1 - 3/(4m - 1) at m = 98', () => {
    expect(hedgesCorrection(98)).toBeCloseTo(1 - 3 / (4 * 98 - 1), 5);
    // Exact c(m) for m = 2: sqrt(2/2) Γ(1) / Γ(1/2) = 1/sqrt(pi)
    expect(hedgesCorrection(2)).toBeCloseTo(1 / Math.sqrt(Math.PI), 12);
  });
});

describe('Borenstein, Hedges, Higgins & Rothstein (2009), Introduction to Meta-Analysis, ch. 4', () => {
  it('independent groups: d = 0.5970, V = 0.0418, g = 0.5924, V_g = 0.0411 (M 103 vs 100, SD 5.5 and 4.5, n 50 + 50)', () => {
    const e = independentGroupsEffect({ n: 50, mean: 103, sd: 5.5 }, { n: 50, mean: 100, sd: 4.5 });
    expect(e.d).toBeCloseTo(0.597, 4);
    expect(e.varianceD).toBeCloseTo(0.0418, 4);
    expect(e.g).toBeCloseTo(0.5924, 4);
    expect(e.varianceG).toBeCloseTo(0.0411, 4);
    expect(e.se).toBeCloseTo(0.2028, 4);
    // metafor escalc("SMD") gives the same g: 0.592439623
    expect(e.g).toBeCloseTo(0.592439623035, 9);
  });

  it('matched groups: d = 0.3162, V = 0.0084, g = 0.3114, V_g = 0.0081 (mean change 5, S_diff 10, r 0.80, n 50)', () => {
    // With S_pre = S_post = S_within = S_diff / sqrt(2(1 - r)) = 15.8114, as the worked example has.
    const sWithin = 10 / Math.sqrt(2 * (1 - 0.8));
    const e = pairedChange({ n: 50, meanPre: 100, meanPost: 105, sdPre: sWithin, sdPost: sWithin, r: 0.8 });
    expect(e.sdChange).toBeCloseTo(10, 10);
    expect(e.drm.d).toBeCloseTo(0.3162, 4);
    expect(e.drm.varianceD).toBeCloseTo(0.0084, 4);
    expect(e.drm.g).toBeCloseTo(0.3114, 4);
    expect(e.drm.varianceG).toBeCloseTo(0.0081, 4);
    // With equal SDs, d_av equals d_rm.
    expect(e.dav.d).toBeCloseTo(e.drm.d, 12);
  });
});

describe('paired pre/post change against R and metafor (computed here with R 4.2.2 / metafor 3.8-1)', () => {
  const pre = [40, 55, 35, 60, 50, 45, 30, 65, 52, 48];
  const post = [52, 60, 45, 62, 58, 50, 42, 70, 55, 60];
  const summary = pairedSummary(pre, post);
  const change = pairedChange(summary);

  // jStat's t quantile agrees with R's to about 1e-8, so intervals are compared to 6 decimals.
  it('raw change equals t.test(post, pre, paired = TRUE)', () => {
    expect(change.meanChange).toBeCloseTo(7.4, 12);
    expect(change.meanChangeCiLower).toBeCloseTo(4.61510577503, 6);
    expect(change.meanChangeCiUpper).toBeCloseTo(10.184894225, 6);
    expect(change.t).toBeCloseTo(6.01098700792, 9);
    expect(change.pValue).toBeCloseTo(0.000199790663974, 10);
    expect(summary.r).toBeCloseTo(0.951249734484, 10);
  });

  it('d_z equals escalc("SMCC") and d_pre equals escalc("SMCR")', () => {
    expect(change.dz.g).toBeCloseTo(1.73713085686, 9);
    expect(change.dz.varianceG).toBeCloseTo(0.250881180692, 9);
    expect(change.dpre.g).toBeCloseTo(0.620803409727, 9);
    expect(change.dpre.varianceG).toBeCloseTo(0.0290198967796, 9);
    expect(change.dz.ciLower).toBeCloseTo(1.73713085686 - 1.959963985 * Math.sqrt(0.250881180692), 8);
  });

  it('Morris (2008) Table 1 via metafor\u2019s test suite: SMCR per group (test_analysis_example_morris2008.r)', () => {
    // Study 1: treatment n 20, pre 30.6 (SD 15.0), post 38.5 (SD 11.6), r .47 -> 0.5056, v 0.0594
    const t1 = pairedChange({ n: 20, meanPre: 30.6, meanPost: 38.5, sdPre: 15, sdPost: 11.6, r: 0.47 });
    expect(t1.dpre.g).toBeCloseTo(0.5056, 4);
    expect(t1.dpre.varianceG).toBeCloseTo(0.0594, 4);
    expect(t1.dz.g).toBeCloseTo(0.5417, 4);
    expect(t1.dz.varianceG).toBeCloseTo(0.0573, 4);
    // Study 5, control: n 14, pre 34.8 (3.1), post 33.4 (6.9), r .44 -> SMCR -0.4250 (0.0864), SMCC -0.2126 (0.0730)
    const c5 = pairedChange({ n: 14, meanPre: 34.8, meanPost: 33.4, sdPre: 3.1, sdPost: 6.9, r: 0.44 });
    expect(c5.dpre.g).toBeCloseTo(-0.425, 4);
    expect(c5.dpre.varianceG).toBeCloseTo(0.0864, 4);
    expect(c5.dz.g).toBeCloseTo(-0.2126, 4);
    expect(c5.dz.varianceG).toBeCloseTo(0.073, 4);
  });
});

describe('Morris (2008) d_ppc2', () => {
  const treated = [
    { n: 20, pre: 30.6, post: 38.5, sd: 15.0, r: 0.47 },
    { n: 50, pre: 23.5, post: 26.8, sd: 3.1, r: 0.64 },
    { n: 9, pre: 0.5, post: 0.7, sd: 0.1, r: 0.77 },
    { n: 10, pre: 53.4, post: 75.9, sd: 14.5, r: 0.89 },
    { n: 14, pre: 35.6, post: 36.0, sd: 4.7, r: 0.44 },
  ];
  const control = [
    { n: 20, pre: 23.1, post: 19.7, sd: 13.8 },
    { n: 42, pre: 24.9, post: 25.3, sd: 4.1 },
    { n: 9, pre: 0.6, post: 0.6, sd: 0.2 },
    { n: 11, pre: 55.7, post: 60.7, sd: 17.3 },
    { n: 14, pre: 34.8, post: 33.4, sd: 3.1 },
  ];
  const effects = treated.map((t, i) =>
    morrisPrePostControl({
      nT: t.n,
      nC: control[i].n,
      mPreT: t.pre,
      mPostT: t.post,
      sdPreT: t.sd,
      mPreC: control[i].pre,
      mPostC: control[i].post,
      sdPreC: control[i].sd,
      r: t.r,
    }),
  );

  it('reproduces Table 5 of Morris (2008): d_ppc2 = 0.77, 0.80, 1.20, 1.05, 0.44', () => {
    expect(effects.map((e) => Number(e.d.toFixed(2)))).toEqual([0.77, 0.8, 1.2, 1.05, 0.44]);
  });

  it('matches the metafor project\u2019s analyses:morris2008 page to full precision, d and large-sample variance', () => {
    const yi = [0.768447646804, 0.800986848059, 1.20451641144, 1.0476267356, 0.43893419253];
    const vi = [0.113381397323, 0.0350297045927, 0.142523882929, 0.0681314708845, 0.163440414739];
    effects.forEach((e, i) => {
      expect(e.d).toBeCloseTo(yi[i], 10);
      expect(e.varianceLargeSample).toBeCloseTo(vi[i], 10);
    });
  });

  it('gives Morris\u2019s exact variance (eq. 25), slightly above the large-sample one for small groups', () => {
    const e = effects[2]; // n 9 + 9: the small-sample terms matter most
    const n = 18;
    const ratio = (9 + 9) / (9 * 9);
    const expected =
      2 *
        e.correction ** 2 *
        (1 - 0.77) *
        ratio *
        ((n - 2) / (n - 4)) *
        (1 + e.d ** 2 / (2 * (1 - 0.77) * ratio)) -
      e.d ** 2;
    expect(e.variance).toBeCloseTo(expected, 12);
    expect(e.variance).toBeGreaterThan(e.varianceLargeSample);
    expect(e.ciLower).toBeLessThan(e.d);
  });

  it('refuses a correlation outside (-1, 1)', () => {
    expect(() =>
      morrisPrePostControl({
        nT: 10,
        nC: 10,
        mPreT: 1,
        mPostT: 2,
        sdPreT: 1,
        mPreC: 1,
        mPostC: 1,
        sdPreC: 1,
        r: 1,
      }),
    ).toThrowError(/correlation/);
  });
});

describe('difference-in-differences', () => {
  it('equals the Welch t.test on change scores (R 4.2.2)', () => {
    const pre = [40, 55, 35, 60, 50, 45, 30, 65, 52, 48];
    const post = [52, 60, 45, 62, 58, 50, 42, 70, 55, 60];
    const preC = [42, 50, 38, 58, 47, 44, 33, 61];
    const postC = [44, 49, 40, 60, 46, 47, 33, 62];
    const did = differenceInDifferences(changeSummary(pre, post), changeSummary(preC, postC));
    expect(did.estimate).toBeCloseTo(6.4, 12);
    expect(did.ciLower).toBeCloseTo(3.4799862844, 6);
    expect(did.ciUpper).toBeCloseTo(9.3200137156, 6);
    expect(did.t).toBeCloseTo(4.76859660389, 9);
    expect(did.df).toBeCloseTo(12.1577018115, 8);
    expect(did.pValue).toBeCloseTo(0.000441178291164, 10);
  });

  it('needs two respondents per group', () => {
    expect(() =>
      differenceInDifferences({ n: 1, meanChange: 1, sdChange: 1 }, { n: 5, meanChange: 0, sdChange: 1 }),
    ).toThrowError(/Too few/);
  });
});
