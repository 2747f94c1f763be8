import type { FastifyInstance } from 'fastify';
import type { SignInThrottle } from '../../security/throttle.js';
import type { CookiePolicy } from '../request-context.js';
import { registerAuthRoutes } from './auth.js';

export interface ApiRouteOptions {
  throttle: SignInThrottle;
  cookies: CookiePolicy;
}

/** Every resource of the API; each module holds the routes of one record. */
export function registerApiRoutes(app: FastifyInstance, options: ApiRouteOptions): void {
  registerAuthRoutes(app, options.throttle, options.cookies);
}
