/**
 * A small seeded PRNG (mulberry32). Every random choice in the deliberation core draws from one of
 * these, so the same input and seed always give the same opinion groups.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
}

export function seededPrng(seed: number): Prng {
  let state = seed >>> 0 || 0x9e3779b9;
  return {
    next() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
