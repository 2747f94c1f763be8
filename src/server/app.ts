import { measuresOf } from '../services/network/analysis.js';
import { measureWarmer } from '../services/network/measure-warmer.js';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { z } from 'zod';
import type { Config } from '../config.js';
import { TrackTwoError } from '../domain/errors.js';
import { installJsonBodies } from './body-parsing.js';
import {
  errorBody,
  installErrorHandler,
  replyToClientError,
  replyToFrameworkError,
} from './error-handler.js';
import { installCompression } from './compression.js';
import { installOpenApi } from './openapi.js';
import { installSecurityHeaders } from './security-headers.js';
import { installWebApp } from './web-app.js';
import { registerHealthRoutes } from './routes/health.js';
import type { AppStore } from './app-store.js';
import type { RouteAccess } from './route.js';
import { SignInThrottle } from '../security/throttle.js';
import type { VaultKeys } from '../security/vault.js';
import { installRequestContext } from './request-context.js';
import { installTokenGuessLimit } from './token-guessing.js';
import { registerApiRoutes } from './routes/index.js';
import {
  scheduleRetention,
  type RetentionSchedule,
  type RetentionScheduleOptions,
} from '../services/privacy/index.js';

export type AppSettings = Pick<
  Config,
  | 'bodyLimit'
  | 'importBodyLimit'
  | 'trustProxy'
  | 'secureCookies'
  | 'sessionHours'
  | 'webDir'
  | 'tokenGuessLimit'
  | 'tokenGuessWindowSeconds'
> & {
  /** Check every answer against its route's response schema (route.ts): on in tests, off when serving. */
  checkResponses: boolean;
};

export const defaultSettings: AppSettings = {
  bodyLimit: 1024 * 1024,
  importBodyLimit: 64 * 1024 * 1024,
  trustProxy: false,
  secureCookies: 'auto',
  sessionHours: 12,
  tokenGuessLimit: 100,
  tokenGuessWindowSeconds: 600,
  webDir: 'dist/web',
  checkResponses: false,
};

/** A route as registered, with who may call it: the access-control test walks this list. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  /** The success's schema; null for a 204 or a file; undefined for a route not made by defineRoute. */
  response: z.ZodType | null | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RegisteredRoute[];
    /** The retention schedule, when the app runs one. */
    retention?: RetentionSchedule;
  }
}

export interface BuildAppOptions {
  store: AppStore;
  /** The vault's keys (from the master key). */
  keys: VaultKeys;
  /** Sign-in throttle; one per process (tests pass their own to start clean). */
  throttle?: SignInThrottle;
  settings?: Partial<AppSettings>;
  /** Fastify's logger: false in tests, pino options when serving. */
  logger?: FastifyServerOptions['logger'];
  /**
   * The retention job: on start and daily (`serve` turns it on; tests pass a clock and an interval).
   * Stopped when the app closes.
   */
  retention?: Omit<RetentionScheduleOptions, 'onReport' | 'onError'>;
  /** Recompute the measures of a changed map in the background (measure-warmer.ts); on unless false. */
  warmMeasures?: boolean;
}

/** A hop count trusts that many proxies nearest to us (what proxy-addr does with a number). */
function trustProxyOption(
  value: AppSettings['trustProxy'],
): boolean | string[] | ((a: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/**
 * The whole HTTP application, without listening (listen.ts does that), so tests drive it with inject().
 * Order matters: body parsing and errors first, then the docs (which collect routes as they register),
 * then the API, then the browser app whose fallback must not swallow /api/.
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const settings: AppSettings = { ...defaultSettings, ...options.settings };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: settings.bodyLimit,
    trustProxy: trustProxyOption(settings.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    // A bad percent-encoding or an over-long path part is refused before routing; the answer is ours.
    frameworkErrors: replyToFrameworkError,
    // Malformed HTTP and headers over Node's 16 KB limit never reach Fastify's error handler.
    clientErrorHandler: replyToClientError,
  });
  const routeTable: RegisteredRoute[] = [];
  app.decorate('routeTable', routeTable);
  app.decorate('checkResponses', settings.checkResponses);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      routeTable.push({
        method,
        url: route.url,
        access: route.config?.access,
        response: route.config?.response,
      });
    }
  });
  // Validation is zod's alone (route.ts); the JSON schemas handed to Fastify are documentation.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  installJsonBodies(app, settings.bodyLimit);
  installErrorHandler(app);
  installSecurityHeaders(app);
  await installCompression(app);
  await installOpenApi(app);

  await installRequestContext(app, options.store, options.keys);
  await installTokenGuessLimit(app, {
    max: settings.tokenGuessLimit,
    windowMs: settings.tokenGuessWindowSeconds * 1000,
  });
  const throttle = options.throttle ?? new SignInThrottle();
  await app.register(async (api) => {
    registerHealthRoutes(api, options.store);
    registerApiRoutes(api, { throttle, cookies: settings, importBodyLimit: settings.importBodyLimit });
  });

  if (options.retention) {
    const schedule = scheduleRetention(
      { db: options.store.db, dialect: options.store.dialect, keys: options.keys },
      {
        ...options.retention,
        onReport: (report) => {
          // Counts only: which initiatives and how many records, never what they held.
          if (report.initiatives.length > 0) app.log.info({ retention: report.initiatives }, 'retention ran');
        },
        onError: (error) => app.log.error({ err: error }, 'retention failed'),
      },
    );
    app.decorate('retention', schedule);
    app.addHook('onClose', () => schedule.stop());
  }

  // Measures of a changed map recomputed in the background for the questions readers asked last.
  if (options.warmMeasures !== false) {
    measureWarmer.start(options.store.db, (map, question) => measuresOf(map, question));
    app.addHook('onClose', () => measureWarmer.stop());
  }

  const webApp = await installWebApp(app, settings.webDir);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (webApp && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api') {
      return reply.type('text/html; charset=utf-8').sendFile('index.html');
    }
    return reply.status(404).send(errorBody(new TrackTwoError('TT_ERR_ROUTE_NOT_FOUND')));
  });
  return app;
}
