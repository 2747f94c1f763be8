import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import { z } from 'zod';
import { TrackTwoError } from '../domain/errors.js';
import { validationError } from './error-handler.js';
import { recordResponseMismatch } from './response-check.js';

/**
 * Who may call a route, for the docs and for the access-control test (which checks every registered route
 * has an entry). The service enforces it; this only names it.
 *  - `public`: anyone; `setup`: anyone, while no account exists; `signed-in`: any account;
 *  - a permission of docs/foundation.md (`actors.read`, ...) checked by the service on the record's scope;
 *  - `admin`: a workspace administrator (or an instance administrator);
 *  - `instance-admin`: the operator or an instance administrator (instance-level rights).
 */
export type RouteAccess =
  'public' | 'setup' | 'signed-in' | 'admin' | 'instance-admin' | `${string}.${string}`;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** What a success answers: a zod schema, or null (204s and file downloads). */
    response?: z.ZodType | null;
    /** Reached with a participant or survey token and no account: failed lookups are rate-limited. */
    tokenGuarded?: boolean;
  }
  interface FastifyInstance {
    /** Whether every answer is checked against its route's response schema (tests: on; serving: off). */
    checkResponses: boolean;
  }
}

type Method = Extract<HTTPMethods, 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'>;

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteDefinition<P, Q, B> {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Media types of a success that is a file rather than JSON (for the docs). */
  produces?: readonly string[];
  /**
   * What a success answers (output side: what the service returns, strict objects so an undeclared field is
   * a mismatch). `null` only for a 204 or a route that `produces` a file.
   */
  response: z.ZodType | null;
  /**
   * The route is reached with a participant or survey token instead of an account: wrong tokens count
   * against the caller's address (token-guessing.ts).
   */
  tokenGuarded?: boolean;
  /** A body limit of the route's own (imports carry whole files); the app's limit otherwise. */
  bodyLimit?: number;
  /** Status of a success: 200 unless given (201 for creations, 204 for deletions without a body). */
  status?: number;
  handler(input: RouteInput<P, Q, B>): Promise<unknown>;
}

const openApiSchemas = {
  input: new WeakMap<z.ZodType, Record<string, unknown>>(),
  output: new WeakMap<z.ZodType, Record<string, unknown>>(),
};

/**
 * The JSON schema of a zod schema as OpenAPI 3.0 wants it (only for the docs: zod validates). Converted
 * once per schema: many routes share one (`idParams`), and every app built in the process reuses them.
 * Requests are described as zod reads them (`input`: defaults optional), answers as they leave (`output`).
 */
export function openApiSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  let json = openApiSchemas[io].get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io, target: 'openapi-3.0', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    openApiSchemas[io].set(schema, json);
  }
  return json;
}

/** The documented success of a route: its JSON schema, no content (204), or a file. */
function successResponse(definition: RouteDefinition<unknown, unknown, unknown>): Record<string, unknown> {
  if (definition.produces) return fileResponse(definition.produces);
  if (definition.response === null) return { description: 'No content', type: 'null' };
  const json = openApiSchema(definition.response, 'output');
  return { description: (json.description as string | undefined) ?? 'Success', ...json };
}

/** A download's documented reply: the file's text in each media type it comes in. */
function fileResponse(types: readonly string[]): Record<string, unknown> {
  return {
    description: 'The file, sent as an attachment (Content-Disposition)',
    content: Object.fromEntries(types.map((type) => [type, { schema: { type: 'string' } }])),
  };
}

/** Routes without a body accept none, or `{}` (what JSON clients send for a body-less POST). */
const noBody = z.union([z.undefined(), z.strictObject({})], { error: 'this route takes no body' });
const noQuery = z.strictObject({});

/**
 * Registers a thin route: parse params, query and body with zod (unknown fields are errors), call the
 * handler (which calls one service), reply. Requests are never validated by Fastify itself, so there is
 * one source of truth for what a field may hold: the zod schema in src/domain or next to the route.
 */
export function defineRoute<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  app: FastifyInstance,
  definition: RouteDefinition<P, Q, B>,
): void {
  const { params, query, body, response } = definition;
  const status = definition.status ?? 200;
  if (response === null && status !== 204 && !definition.produces) {
    throw new Error(
      `${definition.method} ${definition.url}: only a 204 or a file download has no response schema`,
    );
  }
  app.route({
    method: definition.method,
    url: definition.url,
    config: {
      access: definition.access,
      response,
      ...(definition.tokenGuarded ? { tokenGuarded: true } : {}),
    },
    ...(definition.bodyLimit === undefined ? {} : { bodyLimit: definition.bodyLimit }),
    schema: {
      summary: definition.summary,
      tags: [definition.tag],
      ...(params ? { params: openApiSchema(params) } : {}),
      ...(query ? { querystring: openApiSchema(query) } : {}),
      ...(body ? { body: openApiSchema(body) } : {}),
      ...(definition.access === 'public' || definition.access === 'setup' ? { security: [] } : {}),
      response: { [status]: successResponse(definition as RouteDefinition<unknown, unknown, unknown>) },
    },
    handler: async (request, reply) => {
      const parsedParams = parse(params ?? z.object({}), request.params, 'params');
      const parsedQuery = parse(query ?? noQuery, request.query ?? {}, 'query');
      const parsedBody = parse(body ?? noBody, request.body, 'body');
      const result = await definition.handler({
        params: parsedParams as P,
        query: parsedQuery as Q,
        body: parsedBody as B,
        request,
        reply,
      });
      if (reply.sent) return reply;
      if (response && app.checkResponses) checkResponse(response, result, request);
      reply.status(status);
      if (result === undefined) return reply.send();
      return reply.send(result);
    },
  });
}

function parse(schema: z.ZodType, value: unknown, part: 'body' | 'query' | 'params'): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, part);
  return parsed.data;
}

/**
 * A success whose body its schema does not allow is our fault, not the caller's: a 500, with the issues
 * logged and recorded so the test run fails even where a test expected some other failure.
 */
function checkResponse(schema: z.ZodType, result: unknown, request: FastifyRequest): void {
  const checked = schema.safeParse(result);
  if (checked.success) return;
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  request.log.error({ route, issues: checked.error.issues }, 'response does not match its schema');
  recordResponseMismatch({ route, issues: checked.error.issues });
  throw new TrackTwoError('TT_ERR_INTERNAL');
}
