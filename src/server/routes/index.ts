import type { FastifyInstance } from 'fastify';
import type { SignInThrottle } from '../../security/throttle.js';
import type { CookiePolicy } from '../request-context.js';
import { registerAccountExtraRoutes } from './account-extras.js';
import { registerActorRoutes } from './actors.js';
import { registerAuthRoutes } from './auth.js';
import { registerConflictRoutes } from './conflicts.js';
import { registerEvidenceRoutes } from './evidence.js';
import { registerDialogueRoutes } from './dialogues.js';
import { registerInitiativeRoutes } from './initiatives.js';
import { registerInterchangeRoutes } from './interchange.js';
import { registerMeetingRoutes } from './meetings.js';
import { registerNetworkRoutes } from './network.js';
import { registerSurveyRoutes } from './surveys.js';
import { registerWorkspaceRoutes } from './workspaces.js';

export interface ApiRouteOptions {
  throttle: SignInThrottle;
  cookies: CookiePolicy;
  /** The body limit of imports (whole files), larger than the app's. */
  importBodyLimit: number;
}

/** Every resource of the API; each module holds the routes of one record. */
export function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): void {
  registerAuthRoutes(app, options.throttle, options.cookies);
  registerAccountExtraRoutes(app, options.cookies);
  registerWorkspaceRoutes(app);
  registerConflictRoutes(app);
  registerActorRoutes(app);
  registerInitiativeRoutes(app);
  registerMeetingRoutes(app);
  registerNetworkRoutes(app);
  registerSurveyRoutes(app);
  registerEvidenceRoutes(app);
  registerDialogueRoutes(app);
  registerInterchangeRoutes(app, options.importBodyLimit);
}
