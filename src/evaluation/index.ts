/** The evaluation core's public surface: effect sizes, meta-analysis, dose-response, inclusion, scoring. */
export * from './distributions.js';
export * from './effect-sizes.js';
export * from './meta-analysis.js';
export * from './dose-response.js';
export * from './wave-effects.js';
export * from './inclusion.js';
export * from './forest-plot.js';
export * from './scoring.js';
