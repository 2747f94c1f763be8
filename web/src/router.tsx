import { useSyncExternalStore, type AnchorHTMLAttributes, type ReactNode } from 'react';

/**
 * A hash router: the server serves one index.html at `/`, so every screen lives after `#`
 * and no server-side fallback route is needed.
 */
export function currentPath(): string {
  const raw = window.location.hash.replace(/^#/, '');
  return raw.startsWith('/') ? raw : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function usePath(): string {
  return useSyncExternalStore(subscribe, currentPath, () => '/');
}

export function navigate(path: string): void {
  if (currentPath() !== path) window.location.hash = path;
}

/** Splits `/a/b?x=1` into its path and query parameters. */
export function splitQuery(path: string): { pathname: string; query: URLSearchParams } {
  const at = path.indexOf('?');
  if (at < 0) return { pathname: path, query: new URLSearchParams() };
  return { pathname: path.slice(0, at), query: new URLSearchParams(path.slice(at + 1)) };
}

/** Matches `/w/:workspaceId/actors` against a path; returns the named segments or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = splitQuery(path).pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i];
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(have[i]);
    else if (part !== have[i]) return null;
  }
  return params;
}

export function hrefTo(path: string): string {
  return `#${path}`;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string; children: ReactNode };

export function Link({ to, children, ...rest }: LinkProps) {
  const here = usePath();
  const current = splitQuery(here).pathname === splitQuery(to).pathname;
  return (
    <a href={hrefTo(to)} aria-current={current ? 'page' : undefined} {...rest}>
      {children}
    </a>
  );
}
