import { useCallback, useEffect, useState } from 'react';
import { api } from './api/client.js';

export type Resource<T> =
  | { state: 'loading'; data: undefined; error: undefined; reload: () => void }
  | { state: 'ready'; data: T; error: undefined; reload: () => void }
  | { state: 'error'; data: undefined; error: unknown; reload: () => void };

/**
 * Loads `input` (a path, a list of paths) and keeps it with its loading and error states; `null` waits.
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

/** GETs a path and keeps it with its loading and error states; `null` waits (e.g. for an id). */
export function useResource<T>(path: string | null): Resource<T> {
  return useLoaded(path, `${path}`, (from, signal) => api.get<T>(from, { signal }));
}

/** GETs several paths at once (e.g. the meetings of each initiative); `null` waits. */
export function useAll<T>(paths: string[] | null): Resource<T[]> {
  return useLoaded(paths, `${paths?.join('|')}`, (from, signal) =>
    Promise.all(from.map((path) => api.get<T>(path, { signal }))),
  );
}
