import { useCallback, useEffect, useState } from 'react';
import {
  apiGet,
  type ApiGet,
  type ApiPath,
  type CallInit,
  type InitArgs,
  type ResponseOf,
} from './api/client.js';

export type Resource<T> =
  | { state: 'loading'; data: undefined; error: undefined; reload: () => void }
  | { state: 'ready'; data: T; error: undefined; reload: () => void }
  | { state: 'error'; data: undefined; error: unknown; reload: () => void };

/**
 * Loads `input` (a request, a list of requests) and keeps it with its loading and error states; `null` waits.
 * `id` names the input: a new input with the same id does not load again, and an answer that arrives
 * after the id changed (or after a reload) is dropped.
 */
function useLoaded<I, T>(
  input: I | null,
  id: string,
  load: (input: I, signal: AbortSignal) => Promise<T>,
): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ key: string; data?: T; error?: unknown } | null>(null);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const key = `${id}#${generation}`;

  useEffect(() => {
    if (input === null) return;
    const controller = new AbortController();
    load(input, controller.signal)
      .then((data) => setResult({ key, data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, error });
      });
    return () => controller.abort();
  }, [key]);

  if (input === null || !result || result.key !== key) {
    return { state: 'loading', data: undefined, error: undefined, reload };
  }
  if (result.error !== undefined) return { state: 'error', data: undefined, error: result.error, reload };
  return { state: 'ready', data: result.data as T, error: undefined, reload };
}

/**
 * GETs a documented path and keeps it with its loading and error states, typed by the path:
 * `useResource('/api/actors/{id}', { params: { path: { id } } })`. To wait (e.g. for an id), pass a
 * request or null: `useResource(id ? apiGet('/api/actors/{id}', …) : null)`.
 */
export function useResource<P extends ApiPath<'get'>, I extends CallInit<'get', P>>(
  path: P,
  ...init: InitArgs<I>
): Resource<ResponseOf<'get', P>>;
export function useResource<T>(request: ApiGet<T> | null): Resource<T>;
export function useResource(target: string | ApiGet<unknown> | null, ...init: unknown[]): Resource<unknown> {
  const request =
    typeof target === 'string'
      ? (apiGet as (path: string, ...rest: unknown[]) => ApiGet<unknown>)(target, ...init)
      : target;
  return useLoaded(request, `${request?.key}`, (from, signal) => from.load(signal));
}

/** GETs several requests at once (e.g. the meetings of each initiative); `null` waits. */
export function useAll<T>(requests: ApiGet<T>[] | null): Resource<T[]> {
  return useLoaded(requests, `${requests?.map((request) => request.key).join('|')}`, (from, signal) =>
    Promise.all(from.map((request) => request.load(signal))),
  );
}
