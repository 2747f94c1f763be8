import createClient, {
  createFinalURL,
  defaultPathSerializer,
  type ClientPathsWithMethod,
  type MaybeOptionalInit,
  type MethodResponse,
} from 'openapi-fetch';
import type { ErrorDetails } from '../../../src/domain/errors.js';
import type { paths } from './schema.js';

/**
 * The one way the app talks to the server: openapi-fetch over the types `npm run contract` generates from
 * the server's OpenAPI document, so a path, its parameters and its body are checked against the routes.
 * Errors arrive as `{ error: { code, message, details } }`; they become an ApiError the screens show in
 * words (see ErrorMessage in components/states.tsx).
 * ErrorDetails is the server's own type, imported as a type only, so nothing of the server is bundled.
 */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: string, status: number, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.details = details;
  }
}

/** Code used when the server cannot be reached at all (offline, server down). */
export const OFFLINE_ERROR = 'TT_ERR_OFFLINE';

type Listener = (error: ApiError) => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called when any request answers 401, so the shell can drop a stale session and show sign-in. */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Do not broadcast a 401 (the sign-in and session probe handle their own). */
  quietUnauthenticated?: boolean;
}

/** Empty values are left out of a query, so a form's blank filter means "any". */
function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

const raw = createClient<paths>({
  baseUrl: '',
  credentials: 'same-origin',
  headers: { accept: 'application/json' },
  querySerializer: serializeQuery,
});

/**
 * Participant tokens of dialogues joined by link on this device (no account): requests about such a
 * dialogue carry its token in x-participant-token. Set by the join page from the device's storage.
 */
const participantTokens = new Map<string, string>();

export function setParticipantToken(dialogueId: string, token: string | null): void {
  if (token) participantTokens.set(dialogueId, token);
  else participantTokens.delete(dialogueId);
}

/** The header a queued request about a dialogue joined by link must carry (offline/queue.ts sends it later). */
export function participantHeaders(dialogueId: string): Record<string, string> {
  const token = participantTokens.get(dialogueId);
  return token ? { 'x-participant-token': token } : {};
}

raw.use({
  onRequest({ request }) {
    const match = /\/api\/dialogues\/([^/?]+)/.exec(new URL(request.url, 'http://local').pathname);
    const token = match ? participantTokens.get(decodeURIComponent(match[1])) : undefined;
    if (token) request.headers.set('x-participant-token', token);
    return request;
  },
});

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
/** The paths the server documents for a method. */
export type ApiPath<M extends Method> = ClientPathsWithMethod<typeof raw, M>;

type Documented<M extends Method, P extends ApiPath<M>> = MethodResponse<typeof raw, M, P>;
/**
 * What a call answers: the document's response schema (every JSON route declares one); nothing for a 204.
 */
export type ResponseOf<M extends Method, P extends ApiPath<M>> = [Documented<M, P>] extends [never]
  ? undefined
  : Documented<M, P>;

type Parts<M extends Method, P extends ApiPath<M>> = Pick<
  NonNullable<MaybeOptionalInit<paths[P], M>>,
  'params' | 'body'
>;
/** A call's parameters and body as the document types them, with this client's own options. */
export type CallInit<M extends Method, P extends ApiPath<M>> = Parts<M, P> & RequestOptions;
/**
 * The init may be left out where the route needs no parameter and no body. It is its own type parameter
 * (as in openapi-fetch): a condition on the path alone stays undecided while the path is being inferred.
 */
export type InitArgs<I> = [RequiredKeys<I>] extends [never] ? [init?: I] : [init: I];
type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

interface LooseInit extends RequestOptions {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
}

async function call(method: Method, path: string, init: LooseInit, as: 'json' | 'text'): Promise<unknown> {
  const { signal, quietUnauthenticated, params, body } = init;
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    // As text: a 2xx whose body is no JSON is read as no payload, as before, instead of throwing.
    result = await (raw.request as (m: string, p: string, i: object) => Promise<typeof result>)(
      method,
      path,
      {
        params,
        body,
        signal,
        parseAs: 'text',
      },
    );
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(OFFLINE_ERROR, 0, 'The server could not be reached.');
  }
  const { response } = result;
  if (response.status === 204) return undefined;
  if (!response.ok) {
    const error = toApiError(response.status, result.error);
    if (error.status === 401 && !quietUnauthenticated) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }
  const text = typeof result.data === 'string' ? result.data : '';
  if (as === 'text') return text;
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export function toApiError(status: number, payload: unknown): ApiError {
  const shaped = payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  const inner = typeof shaped === 'object' ? shaped?.error : undefined;
  if (inner && typeof inner.code === 'string') {
    return new ApiError(
      inner.code,
      status,
      typeof inner.message === 'string' ? inner.message : inner.code,
      (inner.details ?? undefined) as ErrorDetails | undefined,
    );
  }
  const fallback = status >= 500 ? 'TT_ERR_INTERNAL' : status === 404 ? 'TT_ERR_NOT_FOUND' : 'TT_ERR_HTTP';
  return new ApiError(fallback, status, `HTTP ${status}`);
}

function caller<M extends Method>(method: M) {
  return <P extends ApiPath<M>, I extends CallInit<M, P>>(path: P, ...[init]: InitArgs<I>) =>
    call(method, path, (init ?? {}) as LooseInit, 'json') as Promise<ResponseOf<M, P>>;
}

export const api = {
  get: caller('get'),
  /** Without a body, none is sent: routes that take none reject even `{}`. */
  post: caller('post'),
  patch: caller('patch'),
  put: caller('put'),
  delete: caller('delete'),
  /** A GET whose answer is kept as text (an export to save as a file); errors still become ApiError. */
  getText: <P extends ApiPath<'get'>, I extends CallInit<'get', P>>(path: P, ...[init]: InitArgs<I>) =>
    call('get', path, (init ?? {}) as LooseInit, 'text') as Promise<string>,
};

function urlOf(path: string, init: LooseInit): string {
  return createFinalURL(path, {
    baseUrl: '',
    params: init.params ?? {},
    querySerializer: serializeQuery,
    pathSerializer: defaultPathSerializer,
  });
}

/** The address of a GET, for what the browser fetches itself (an image, a link). */
export function apiUrl<P extends ApiPath<'get'>, I extends CallInit<'get', P>>(
  path: P,
  ...[init]: InitArgs<I>
): string {
  return urlOf(path, (init ?? {}) as LooseInit);
}

/** A GET described before it is made, for useResource and useAll to load, compare and reload. */
export interface ApiGet<T> {
  readonly path: string;
  readonly init: LooseInit;
  /** Names the request: the same key is the same request. */
  readonly key: string;
  readonly load: (signal: AbortSignal) => Promise<T>;
}

export function apiGet<P extends ApiPath<'get'>, I extends CallInit<'get', P>>(
  path: P,
  ...[init]: InitArgs<I>
): ApiGet<ResponseOf<'get', P>> {
  const loose = (init ?? {}) as LooseInit;
  return {
    path,
    init: loose,
    key: urlOf(path, loose),
    load: (signal) => call('get', path, { ...loose, signal }, 'json') as Promise<ResponseOf<'get', P>>,
  };
}
