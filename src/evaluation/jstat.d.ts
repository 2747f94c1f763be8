// jstat ships no types; this declares only the distribution functions the evaluation core uses.
declare module 'jstat' {
  interface ContinuousDistribution {
    cdf(x: number, ...parameters: number[]): number;
    inv(p: number, ...parameters: number[]): number;
    pdf(x: number, ...parameters: number[]): number;
  }
  interface JStatStatic {
    normal: ContinuousDistribution;
    studentt: ContinuousDistribution;
    chisquare: ContinuousDistribution;
    gammaln(x: number): number;
    lowRegGamma(a: number, x: number): number;
  }
  const jStat: JStatStatic;
  export default jStat;
}
