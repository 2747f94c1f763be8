/** The deliberation core: pure functions over votes, usable in Node and in the browser. */
export { analyzeDialogue, analyzeMatrix, groupResults, labelIndex } from './analysis.js';
export type {
  AnalysisOptions,
  DialogueReport,
  DialogueReportOptions,
  GroupReport,
  GroupResults,
  MatrixAnalysis,
  RepnessReport,
  StatementReport,
} from './analysis.js';
export { indexDialogue } from './dialogue-data.js';
export type { DialogueData, DialogueStatement, DialogueVote, IndexedDialogue } from './dialogue-data.js';
export { DeliberationState } from './deliberation-state.js';
export type { LiveResults } from './deliberation-state.js';
export { buildVoteMatrix, selectParticipants, tallyStatements } from './vote-matrix.js';
export type { VoteMatrix, VoteValue } from './vote-matrix.js';
export { computePca, projectParticipants, projectParticipant, statementExtremity } from './pca.js';
export { findOpinionGroups, clusterableParticipants, oneStandardErrorK } from './opinion-groups.js';
export { replayOpinionGroups } from './replay.js';
export {
  allGroupInformedConsensus,
  groupInformedConsensus,
  consensusStatements,
  enoughVotesPerGroup,
  scoredConsensus,
  MINIMUM_VOTES_PER_GROUP,
} from './consensus.js';
export { representativeStatements } from './repness.js';
export type { RepresentativeStatement } from './repness.js';
export { routingPriority } from './routing.js';
export { adjustedRandIndex, spearmanCorrelation, topOverlap, median } from './agreement.js';
