import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import {
  TrackTwoError,
  errorRegistry,
  isTrackTwoError,
  type ErrorCode,
  type ErrorDetails,
} from '../domain/errors.js';
import { toTrackTwoError as storeErrorOf } from '../store/errors.js';

/** The body of every error reply: the registry's code and message, and where the problem lies. */
export interface ErrorBody {
  error: { code: string; message: string; details?: ErrorDetails };
}

/** A zod failure names the first field at fault (dotted path) and lists every issue. */
export function validationError(error: ZodError, prefix?: 'body' | 'query' | 'params'): TrackTwoError {
  const issues = error.issues.map((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const path = [...issue.path, ...keys.slice(0, 1)].map(String);
    return { field: path.join('.'), reason: reasonOf(issue.code, issue.message, keys) };
  });
  const first = issues[0] ?? { field: '', reason: 'invalid input' };
  return new TrackTwoError(codeOf(error.issues[0]), {
    field: first.field || prefix || '',
    reason: first.reason,
    ...(prefix ? { in: prefix } : {}),
    issues,
  });
}

/** A refinement may stand for a coded error of its own (`params.code`), such as a vote out of range. */
function codeOf(issue: ZodError['issues'][number] | undefined): ErrorCode {
  const code: unknown = issue?.code === 'custom' ? issue.params?.code : undefined;
  return typeof code === 'string' && Object.hasOwn(errorRegistry, code)
    ? (code as ErrorCode)
    : 'TT_ERR_VALIDATION';
}

function reasonOf(code: string, message: string, keys: readonly PropertyKey[]): string {
  if (code === 'unrecognized_keys') return `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`;
  return message;
}

const fastifyCodes: Record<string, TrackTwoError['code']> = {
  FST_ERR_BAD_URL: 'TT_ERR_BAD_URL',
  FST_ERR_MAX_PARAM_LENGTH: 'TT_ERR_URL_TOO_LONG',
  FST_ERR_ASYNC_CONSTRAINT: 'TT_ERR_BAD_REQUEST',
  FST_ERR_CTP_BODY_TOO_LARGE: 'TT_ERR_PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'TT_ERR_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'TT_ERR_BAD_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'TT_ERR_BAD_JSON',
};

/** Maps anything thrown to a coded error; only what no input can explain becomes a 500. */
export function toTrackTwoError(error: unknown): TrackTwoError {
  if (isTrackTwoError(error)) return error;
  if (error instanceof ZodError) return validationError(error);
  // Violations that slip past a service's own checks (a race) are the caller's, not ours.
  const stored = storeErrorOf(error);
  if (isTrackTwoError(stored)) return stored;
  const fastifyError = error as Partial<FastifyError> | null;
  const mapped = fastifyError?.code ? fastifyCodes[fastifyError.code] : undefined;
  if (mapped) return new TrackTwoError(mapped);
  // The parser's own words ("Unexpected token", "Maximum call stack size exceeded") are not the caller's to read.
  if (error instanceof SyntaxError && (fastifyError?.statusCode ?? 0) === 400)
    return new TrackTwoError('TT_ERR_BAD_JSON');
  const status = fastifyError?.statusCode ?? 0;
  if (status === 413) return new TrackTwoError('TT_ERR_PAYLOAD_TOO_LARGE');
  if (status === 415) return new TrackTwoError('TT_ERR_UNSUPPORTED_MEDIA_TYPE');
  if (status === 429) return new TrackTwoError('TT_ERR_RATE_LIMITED');
  if (status === 414) return new TrackTwoError('TT_ERR_URL_TOO_LONG');
  if (status === 431) return new TrackTwoError('TT_ERR_HEADERS_TOO_LARGE');
  if (status >= 400 && status < 500) return new TrackTwoError('TT_ERR_BAD_REQUEST');
  return new TrackTwoError('TT_ERR_INTERNAL');
}

export function errorBody(error: TrackTwoError): ErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details ? { details: error.details } : {}),
    },
  };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((raw: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const error = toTrackTwoError(raw);
    if (error.status >= 500) request.log.error({ err: raw }, 'unexpected error');
    else request.log.debug({ code: error.code }, 'request refused');
    // A coded wait (throttle, token guesses) is said in the HTTP header clients and proxies understand too.
    const wait = error.details?.retryAfterSeconds;
    if (error.status === 429 && typeof wait === 'number') reply.header('retry-after', String(wait));
    return reply.status(error.status).type('application/json; charset=utf-8').send(errorBody(error));
  });
}

/** Fastify's `frameworkErrors`: a path it cannot route (bad percent-encoding, a part over maxParamLength). */
export function replyToFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const coded = toTrackTwoError(error);
  request.log.debug({ code: coded.code }, 'request refused before routing');
  void reply.status(coded.status).type('application/json; charset=utf-8').send(errorBody(coded));
}

/**
 * Fastify's `clientErrorHandler`: HTTP the parser refuses (headers over Node's limit, a broken request line)
 * is answered with one of our error bodies, then the connection is closed, as Node itself would.
 */
export function replyToClientError(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const coded = new TrackTwoError(
    error.code === 'HPE_HEADER_OVERFLOW' ? 'TT_ERR_HEADERS_TOO_LARGE' : 'TT_ERR_BAD_REQUEST',
  );
  const body = JSON.stringify(errorBody(coded));
  socket.end(
    `HTTP/1.1 ${coded.status} ${coded.status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      'Connection: close\r\nContent-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
