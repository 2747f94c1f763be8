/** The network core's public surface: pure functions over plain rows and typed arrays. */
export type { ActorRow, TieRow, NetworkInput } from './network-input.js';
export { buildNetwork, type Network } from './network.js';
export { filterTies, type TieFilter } from './tie-filter.js';
export {
  analyzeNetwork,
  parseMetrics,
  actorMetrics,
  networkMetrics,
  type AnalyzeOptions,
  type NetworkReport,
  type ActorMeasures,
  type NetworkMeasures,
  type CommunitySummary,
} from './analyze.js';
export {
  betweenness,
  sampledBetweenness,
  pivotsForErrorBound,
  type SampledBetweenness,
  type ProgressOptions,
} from './betweenness.js';
export { degree } from './degree.js';
export { closeness } from './closeness.js';
export { harmonic } from './harmonic.js';
export { eigenvector } from './eigenvector.js';
export { pagerank } from './pagerank.js';
export { structuralHoles, type StructuralHoles } from './structural-holes.js';
export { clustering } from './clustering.js';
export { brokerage, type BrokerageRoles } from './brokerage.js';
export { componentLabels, density } from './components.js';
export { cutPoints } from './cut-points.js';
export { modularity } from './modularity.js';
export { groupLabels, hasGroups } from './group-partition.js';
export { eiIndex } from './ei-index.js';
export { assortativity } from './assortativity.js';
export { louvain } from './louvain.js';
export { partitionAgreement } from './partition-agreement.js';
export {
  groupBrokers,
  type GroupBrokersResult,
  type GroupPairLinks,
  type PairBroker,
  type CrossTie,
} from './group-brokers.js';
export { introductions, type Introduction, type IntroductionOptions } from './introductions.js';
export { fragility, type ActorLoss } from './fragility.js';
export {
  trackOnePaths,
  type TrackOneReach,
  type TrackOnePath,
  type TrackOneOptions,
} from './track-one-paths.js';
export { divideChange, type DivideChange, type CrossDivideTie } from './divide-change.js';
