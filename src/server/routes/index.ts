import type { FastifyInstance } from 'fastify';
import type { SignInThrottle } from '../../security/throttle.js';
import type { CookiePolicy } from '../request-context.js';
import { registerAccountRoutes } from './accounts.js';
import { registerActorRoutes } from './actors.js';
import { registerAuthRoutes } from './auth.js';
import { registerConflictRoutes } from './conflicts.js';
import { registerErasureRoutes } from './erasure.js';
import { registerEventRoutes } from './events.js';
import { registerPrivacyRoutes } from './privacy.js';
import { registerEvidenceRoutes } from './evidence.js';
import { registerDialogueRoutes } from './dialogues.js';
import { registerJoinLinkRoutes } from './join-links.js';
import { registerSurveyJoinLinkRoutes } from './survey-join-links.js';
import { registerInvitationRoutes } from './invitations.js';
import { registerTranslationRoutes } from './translations.js';
import { registerSurveyTranslationRoutes } from './survey-translations.js';
import { registerInitiativeRoutes } from './initiatives.js';
import { registerInterchangeRoutes } from './interchange.js';
import { registerMeetingRoutes } from './meetings.js';
import { registerNetworkRoutes } from './network.js';
import { registerOutcomeRoutes } from './outcomes.js';
import { registerTrackOneRoutes } from './track-one.js';
import { registerSecondFactorRoutes } from './second-factor.js';
import { registerSurveyRoutes } from './surveys.js';
import { registerTieRoutes } from './ties.js';
import { registerWorkspaceRoutes } from './workspaces.js';
import { registerChannelRoutes } from './channels.js';

export interface ApiRouteOptions {
  throttle: SignInThrottle;
  cookies: CookiePolicy;
  /** The body limit of imports (whole files), larger than the app's. */
  importBodyLimit: number;
}

/** Every resource of the API; each module holds the routes of one feature (services/<feature>). */
export function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): void {
  registerAuthRoutes(app, options.throttle, options.cookies);
  registerSecondFactorRoutes(app, options.throttle, options.cookies);
  registerAccountRoutes(app);
  registerWorkspaceRoutes(app);
  registerConflictRoutes(app);
  registerActorRoutes(app);
  registerTieRoutes(app);
  registerInitiativeRoutes(app);
  registerInvitationRoutes(app, options.cookies);
  registerMeetingRoutes(app);
  registerOutcomeRoutes(app);
  registerTrackOneRoutes(app);
  registerNetworkRoutes(app);
  registerSurveyRoutes(app);
  registerEvidenceRoutes(app);
  registerDialogueRoutes(app);
  registerJoinLinkRoutes(app);
  registerSurveyJoinLinkRoutes(app);
  registerTranslationRoutes(app);
  registerSurveyTranslationRoutes(app);
  registerInterchangeRoutes(app, options.importBodyLimit);
  registerEventRoutes(app, options.importBodyLimit);
  registerErasureRoutes(app);
  registerPrivacyRoutes(app);
  registerChannelRoutes(app);
}
