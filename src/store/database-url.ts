import { TrackTwoError } from '../domain/errors.js';

export type DialectName = 'sqlite' | 'postgres';

export type DatabaseLocation =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; connectionString: string };

export const DEFAULT_DATABASE_URL = 'sqlite:./data/tracktwo.db';
export const DATABASE_URL_VARIABLE = 'TRACKTWO_DATABASE_URL';

function badUrl(reason: string): TrackTwoError {
  return new TrackTwoError('TT_ERR_CONFIGURATION', { field: DATABASE_URL_VARIABLE, reason });
}

/**
 * `sqlite:PATH` (relative or absolute; `sqlite:///abs/path` and `sqlite::memory:` also work) or
 * `postgres://…` / `postgresql://…`. The password never appears in an error.
 */
export function parseDatabaseUrl(url: string | undefined = DEFAULT_DATABASE_URL): DatabaseLocation {
  const text = (url ?? '').trim() || DEFAULT_DATABASE_URL;
  if (text.startsWith('sqlite:')) {
    let path = text.slice('sqlite:'.length);
    if (path.startsWith('//')) path = path.slice(2);
    if (path === '') throw badUrl('give a file after "sqlite:", e.g. sqlite:./data/tracktwo.db');
    if (path.includes('\0')) throw badUrl('the SQLite path holds a NUL character');
    return { dialect: 'sqlite', path };
  }
  if (/^postgres(ql)?:\/\//.test(text)) {
    let parsed: URL;
    try {
      parsed = new URL(text);
    } catch {
      throw badUrl('the PostgreSQL URL cannot be parsed; use postgres://USER:PASSWORD@HOST:PORT/DATABASE');
    }
    if (!parsed.hostname && !parsed.searchParams.get('host')) {
      throw badUrl('the PostgreSQL URL names no host; use postgres://USER:PASSWORD@HOST:PORT/DATABASE');
    }
    return { dialect: 'postgres', connectionString: text };
  }
  throw badUrl('use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE');
}

/** The URL without its password, for logs and messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.startsWith('sqlite:') ? url : '(unparseable URL)';
  }
}
