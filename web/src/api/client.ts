import type { ErrorDetails } from '../../../src/domain/errors.js';

/**
 * The one way the app talks to the server. Errors arrive as `{ error: { code, message, details } }`;
 * they become an ApiError the screens show in words (see ErrorMessage in components/states.tsx).
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

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json', accept: 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(OFFLINE_ERROR, 0, 'The server could not be reached.');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let payload: unknown = undefined;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, payload);
    if (error.status === 401 && !options.quietUnauthenticated) {
      for (const listener of unauthenticatedListeners) listener(error);
    }
    throw error;
  }
  return payload as T;
}

export function toApiError(status: number, payload: unknown): ApiError {
  const shaped = payload as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined;
  const inner = shaped?.error;
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

export const api = {
  get: <T>(path: string, options: RequestOptions = {}) => request<T>('GET', path, undefined, options),
  /** Without a body, none is sent: routes that take none reject even `{}`. */
  post: <T>(path: string, body?: unknown, options: RequestOptions = {}) =>
    request<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options: RequestOptions = {}) =>
    request<T>('PATCH', path, body, options),
  put: <T>(path: string, body: unknown, options: RequestOptions = {}) =>
    request<T>('PUT', path, body, options),
  delete: <T>(path: string, options: RequestOptions = {}) => request<T>('DELETE', path, undefined, options),
};

/** Builds `/api/x?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
