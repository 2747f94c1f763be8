import { useCallback, useEffect, useState } from 'react';
import { api } from './api/client.js';

export type Resource<T> =
  | { state: 'loading'; data: undefined; error: undefined; reload: () => void }
  | { state: 'ready'; data: T; error: undefined; reload: () => void }
  | { state: 'error'; data: undefined; error: unknown; reload: () => void };

/** GETs a path and keeps it with its loading and error states; `null` waits (e.g. for an id). */
export function useResource<T>(path: string | null): Resource<T> {
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ key: string; data?: T; error?: unknown } | null>(null);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const key = `${path}#${generation}`;

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    api
      .get<T>(path, { signal: controller.signal })
      .then((data) => setResult({ key, data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, error });
      });
    return () => controller.abort();
  }, [path, key]);

  if (path === null || !result || result.key !== key) {
    return { state: 'loading', data: undefined, error: undefined, reload };
  }
  if ('error' in result && result.error !== undefined) {
    return { state: 'error', data: undefined, error: result.error, reload };
  }
  return { state: 'ready', data: result.data as T, error: undefined, reload };
}

/** GETs several paths at once (e.g. the meetings of each initiative); `null` waits. */
export function useAll<T>(paths: string[] | null): Resource<T[]> {
  const [generation, setGeneration] = useState(0);
  const [result, setResult] = useState<{ key: string; data?: T[]; error?: unknown } | null>(null);
  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  const key = `${paths?.join('|')}#${generation}`;

  useEffect(() => {
    if (paths === null) return;
    const controller = new AbortController();
    Promise.all(paths.map((path) => api.get<T>(path, { signal: controller.signal })))
      .then((data) => setResult({ key, data }))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setResult({ key, error });
      });
    return () => controller.abort();
    // The key stands for the paths: a new array with the same paths must not refetch.
  }, [key]);

  if (paths === null || !result || result.key !== key) {
    return { state: 'loading', data: undefined, error: undefined, reload };
  }
  if (result.error !== undefined) return { state: 'error', data: undefined, error: result.error, reload };
  return { state: 'ready', data: result.data as T[], error: undefined, reload };
}
