import type { InclusionReport, SurveyEffects } from '../../../src/services/evidence/index.js';
import type { DialogueResults } from '../../../src/services/dialogues/index.js';
import type { MeetingAttended } from '../../../src/services/initiatives/index.js';
import type {
  IssuedLink,
  RespondentStatus,
  SurveyDetail,
  SurveyForm,
} from '../../../src/services/surveys/index.js';
import type { GroupBrokersResult } from '../../../src/network/group-brokers.js';
import type { DialogueStatement } from '../../../src/domain/dialogue.js';
import type { Survey } from '../../../src/domain/survey.js';
import type { TokenInfo } from '../components/api-tokens.js';
import type { DialogueItem } from '../components/dialogue-list.js';
import type { ActorLoss, Introduction, NetworkAnswer } from '../map/network-panels.js';
import type { CommonGroundView, DialogueView, NextView } from '../screens/dialogue.js';
import type {
  Actor,
  Attendance,
  Conflict,
  Initiative,
  Meeting,
  Outcome,
  PageOf,
  Tie,
  Transfer,
  Workspace,
} from './records.js';

/** An actor as the server sends it: names ride along only for those allowed to see them. */
export type NamedActor = Actor & Record<string, unknown>;

/**
 * What the routes answer, by path and method, where the OpenAPI document gives no response schema yet.
 * ResponseOf (client.ts) takes a documented schema first, so an entry here is dead once its route has one
 * and can be deleted (and with the last one, this file).
 */
export interface FallbackResponses {
  '/api/setup': { get: { open: boolean }; post: { workspace?: { id: string } } };
  '/api/auth/tokens': { get: { items: TokenInfo[] }; post: { token: string } };
  '/api/workspaces/{id}': { get: Workspace };
  '/api/workspaces/{id}/conflicts': { get: PageOf<Conflict> };
  '/api/workspaces/{id}/initiatives': { get: PageOf<Initiative> };
  '/api/conflicts/{id}': { get: Conflict };
  '/api/conflicts/{id}/actors': { get: PageOf<NamedActor> };
  '/api/conflicts/{id}/ties': { get: PageOf<Tie> };
  '/api/conflicts/{id}/network/introductions': { get: NetworkAnswer<Introduction[]> };
  '/api/conflicts/{id}/network/fragility': { get: NetworkAnswer<ActorLoss[]> };
  '/api/conflicts/{id}/network/brokers': { get: NetworkAnswer<GroupBrokersResult> };
  '/api/actors': { post: Actor };
  '/api/actors/{id}': { get: NamedActor; patch: Actor };
  '/api/actors/{id}/identity': { get: { identity: { names: string[] } | null } };
  '/api/actors/{id}/meetings': { get: { items: MeetingAttended[] } };
  '/api/initiatives/{id}': { get: Initiative };
  '/api/initiatives/{id}/meetings': { get: PageOf<Meeting> };
  '/api/initiatives/{id}/outcomes': { get: PageOf<Outcome> };
  '/api/initiatives/{id}/transfers': { get: PageOf<Transfer> };
  '/api/initiatives/{id}/dialogues': { get: { items: DialogueItem[] }; post: { id: string } };
  '/api/initiatives/{id}/surveys': { get: { items: Survey[] } };
  '/api/initiatives/{id}/evidence/effects': { get: { items: SurveyEffects[] } };
  '/api/initiatives/{id}/evidence/inclusion': { get: InclusionReport };
  '/api/meetings': { post: Meeting };
  '/api/meetings/{id}': { get: Meeting };
  '/api/meetings/{id}/attendance': { get: PageOf<Attendance> };
  '/api/dialogues/{id}': { get: DialogueView };
  '/api/dialogues/{id}/next': { get: NextView };
  '/api/dialogues/{id}/statements': { get: { items: { id: string }[] } };
  '/api/dialogues/{id}/common-ground': { get: { items: CommonGroundView[] } };
  '/api/dialogues/{id}/results': { get: DialogueResults };
  '/api/dialogues/{id}/moderation': { get: { items: DialogueStatement[] } };
  '/api/surveys': { post: Survey };
  '/api/surveys/{id}': { get: SurveyDetail };
  '/api/surveys/{id}/respondents': { get: { items: RespondentStatus[] } };
  '/api/surveys/{id}/waves/{waveId}/links': { post: { items: IssuedLink[] } };
  '/api/surveys/{id}/waves/{waveId}/form': { post: SurveyForm };
  '/api/surveys/{id}/waves/{waveId}/answers': { post: { replaced: boolean } };
  '/api/surveys/{id}/waves/{waveId}/entries': { post: { replaced: boolean } };
}
