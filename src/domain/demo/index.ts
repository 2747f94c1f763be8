/** The demo workspace: a fictional conflict, generated deterministically. */
export { demoSeed, generateDemoWorkspace } from './generate-demo.js';
export { demoConflictName, demoLabel, demoWorkspaceName } from './arvandia-setting.js';
export { metTiesOf } from './met-ties.js';
export { seededRandom, type Random } from './random.js';
