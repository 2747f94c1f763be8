import type { FastifyInstance, FastifyReply } from 'fastify';
import * as analysis from '../../services/network/index.js';
import {
  brokersQuerySchema,
  changesQuerySchema,
  fragilityQuerySchema,
  graphQuerySchema,
  introductionsQuerySchema,
  metricsQuerySchema,
  trackOneQuerySchema,
} from '../../services/network/index.js';
import * as questions from '../../services/network/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import {
  brokersAnswerSchema,
  changesAnswerSchema,
  fragilityAnswerSchema,
  graphAnswerSchema,
  graphColumnsAnswerSchema,
  introductionsAnswerSchema,
  metricsAnswerSchema,
  trackOneAnswerSchema,
} from '../../domain/network-answer.js';
import { snakeKeys } from '../../domain/snake-case.js';

/**
 * The network analytics of a conflict's actor map. Every route reads (`actors.read` on the conflict) and
 * answers `{ network, result, actors }`: what was computed on, the result with actors named by their
 * pseudonym, and a legend of those actors (with names only for a caller allowed to see names); the core's
 * camelCase fields are turned to snake_case on the way out, as every body of the API is.
 */
/**
 * Aborted when the connection closes before the reply is written: exact betweenness of a large map runs
 * on worker threads for a while, and nobody is waiting for it any more.
 */
function whileClientWaits(reply: FastifyReply): { signal: AbortSignal } {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return { signal: controller.signal };
}

export function registerNetworkRoutes(app: FastifyInstance): void {
  const tag = 'network';
  const base = '/api/conflicts/:id/network';
  defineRoute(app, {
    method: 'GET',
    url: `${base}/metrics`,
    summary:
      'Per-actor measures (centralities, constraint, brokerage roles, community) and per-network measures of a divide',
    tag,
    access: 'actors.read',
    response: metricsAnswerSchema,
    params: idParams,
    query: metricsQuerySchema,
    handler: async ({ params, query, request, reply }) =>
      snakeKeys(
        await analysis.analyzeConflictNetwork(request.services, params.id, query, whileClientWaits(reply)),
      ),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/brokers`,
    summary:
      'Bridges and brokers: who links each pair of groups, the only ties across, the pairs with no tie',
    tag,
    access: 'actors.read',
    response: brokersAnswerSchema,
    params: idParams,
    query: brokersQuerySchema,
    handler: async ({ params, query, request }) =>
      snakeKeys(await questions.conflictBrokers(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/introductions`,
    summary:
      'Whom to introduce next: cross-divide introductions through a trusted intermediary, with the reason',
    tag,
    access: 'actors.read',
    response: introductionsAnswerSchema,
    params: idParams,
    query: introductionsQuerySchema,
    handler: async ({ params, query, request }) =>
      snakeKeys(await questions.conflictIntroductions(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/fragility`,
    summary: 'Fragility: what the network loses if an actor is removed (components, cross-divide reach, E-I)',
    tag,
    access: 'actors.read',
    response: fragilityAnswerSchema,
    params: idParams,
    query: fragilityQuerySchema,
    handler: async ({ params, query, request }) =>
      snakeKeys(await questions.conflictFragility(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/track-one-paths`,
    summary: 'Paths to Track I: strongest-trust paths to official decision makers, and reach within k ties',
    tag,
    access: 'actors.read',
    response: trackOneAnswerSchema,
    params: idParams,
    query: trackOneQuerySchema,
    handler: async ({ params, query, request }) =>
      snakeKeys(await questions.conflictTrackOnePaths(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/changes`,
    summary: 'How the ties across the divide changed between two dates: new and lost cross-divide ties',
    tag,
    access: 'actors.read',
    response: changesAnswerSchema,
    params: idParams,
    query: changesQuerySchema,
    handler: async ({ params, query, request }) =>
      snakeKeys(await questions.conflictDivideChange(request.services, params.id, query)),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/graph`,
    summary:
      'The map for the browser: nodes (pseudonym, group colour, measures) and the ties that pass the filter',
    tag,
    access: 'actors.read',
    response: graphAnswerSchema,
    params: idParams,
    query: graphQuerySchema,
    handler: async ({ params, query, request, reply }) =>
      snakeKeys(
        await analysis.conflictNetworkGraph(request.services, params.id, query, whileClientWaits(reply)),
      ),
  });
  defineRoute(app, {
    method: 'GET',
    url: `${base}/graph-columns`,
    summary:
      'The map for the browser as columns: per-actor arrays (pseudonym, side, measures, first position) and ties as index pairs',
    tag,
    access: 'actors.read',
    response: graphColumnsAnswerSchema,
    params: idParams,
    query: graphQuerySchema,
    handler: async ({ params, query, request, reply }) =>
      snakeKeys(
        await analysis.conflictNetworkColumns(request.services, params.id, query, whileClientWaits(reply)),
      ),
  });
}
