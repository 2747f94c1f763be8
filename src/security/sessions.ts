import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../domain/errors.js';
import { findAccountById } from '../store/repositories/accounts.js';
import {
  deleteSession,
  findSession,
  findTokenByName,
  insertSession,
  tokensOfAccount,
  touchSession,
} from '../store/repositories/sessions.js';
import type { Database } from '../store/schema.js';
import type { SessionKind } from '../store/tables/security.js';
import { verifyCredentials, type Account } from './accounts.js';
import { appendAudit } from './audit.js';
import type { VaultKeys } from './vault.js';
import { requireNotToken, type AccountAuth, type Auth } from './auth.js';
import type { SignInThrottle } from './throttle.js';

export const SESSION_COOKIE_NAME = 'tt_session';
export const TOKEN_PREFIX = 'tt_';
/** A browser session lasts a working day; signing in again is cheap, a stolen cookie is not. */
export const COOKIE_SESSION_TTL_MS = 12 * 60 * 60_000;
export const DEFAULT_TOKEN_TTL_DAYS = 90;
export const MAX_TOKEN_TTL_DAYS = 366;
/** last_used_at is written at most this often per session (not on every request). */
const TOUCH_EVERY_MS = 60_000;

const SECRET = /^[A-Za-z0-9_-]{43}$/;

/**
 * What an API token may do, chosen when it is made: `read` (GET), `write` (every other method). No scope
 * reaches credentials: making or revoking tokens, changing the password, second factors take a cookie
 * session (a person who signed in), so a leaked token cannot mint itself successors or lock its owner out.
 */
export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

function scopesOf(stored: string | null): TokenScope[] {
  const listed = (stored ?? 'read,write').split(',');
  return tokenScopes.filter((scope) => listed.includes(scope));
}
const TOKEN_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$/;

/** The session row id: sha-256 of the secret, so a copy of the database holds no usable session. */
export function sessionIdOf(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Cookie attributes for the session cookie: HttpOnly, SameSite=Strict, Secure behind TLS. */
export function sessionCookieOptions(options: { secure: boolean; maxAgeSeconds?: number }) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: options.secure,
    path: '/',
    maxAge: options.maxAgeSeconds ?? COOKIE_SESSION_TTL_MS / 1000,
  };
}

export interface IssuedSession {
  /** The cookie value: give it to the browser, never store it. */
  secret: string;
  sessionId: string;
  expiresAt: string;
}

/** Starts a browser session for an account that has just proven its password (see signIn). */
export async function createCookieSession(
  trx: Kysely<Database>,
  keys: VaultKeys,
  accountId: string,
  options: { now?: Date; ttlMs?: number } = {},
): Promise<IssuedSession> {
  const now = options.now ?? new Date();
  const secret = newSecret();
  const sessionId = sessionIdOf(secret);
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? COOKIE_SESSION_TTL_MS)).toISOString();
  await insertSession(trx, {
    id: sessionId,
    account_id: accountId,
    kind: 'cookie',
    name: null,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    last_used_at: null,
    scopes: null,
  });
  await appendAudit(
    trx,
    keys,
    { accountId },
    { action: 'session.create', recordType: 'account', recordId: accountId },
    now,
  );
  return { secret, sessionId, expiresAt };
}

export interface AuthenticatedSession extends AccountAuth {
  sessionId: string;
  kind: SessionKind;
  expiresAt: string;
  /** A token's scopes; empty for a cookie session (which holds them all, credentials included). */
  scopes: TokenScope[];
  /** The account still signs in with a one-time password (TT_ERR_PASSWORD_CHANGE_REQUIRED elsewhere). */
  mustChangePassword: boolean;
}

/**
 * Who presents this secret: a cookie value (`kind` 'cookie') or a bearer token (`kind` 'token', `tt_…`).
 * Undefined when it is unknown, of the other kind, expired (the row is then deleted), or its account is
 * disabled.
 */
export async function authenticate(
  db: Kysely<Database>,
  presented: string | undefined,
  kind: SessionKind,
  now: Date = new Date(),
): Promise<AuthenticatedSession | undefined> {
  if (!presented) return undefined;
  let secret = presented;
  if (kind === 'token') {
    if (!presented.startsWith(TOKEN_PREFIX)) return undefined;
    secret = presented.slice(TOKEN_PREFIX.length);
  }
  if (!SECRET.test(secret)) return undefined;
  const session = await findSession(db, sessionIdOf(secret));
  if (!session || session.kind !== kind) return undefined;
  if (session.expires_at <= now.toISOString()) {
    await deleteSession(db, session.id);
    return undefined;
  }
  const account = await findAccountById(db, session.account_id);
  if (!account || account.disabled_at) return undefined;
  if (!session.last_used_at || now.getTime() - Date.parse(session.last_used_at) >= TOUCH_EVERY_MS) {
    await touchSession(db, session.id, now.toISOString());
  }
  return {
    accountId: account.id,
    sessionId: session.id,
    kind,
    expiresAt: session.expires_at,
    scopes: kind === 'token' ? scopesOf(session.scopes) : [],
    mustChangePassword: account.must_change_password === 1,
  };
}

/** Signs out: the cookie's session ends now. Returns whether there was one. */
export async function endCookieSession(
  trx: Kysely<Database>,
  keys: VaultKeys,
  secret: string,
): Promise<boolean> {
  if (!SECRET.test(secret)) return false;
  const session = await findSession(trx, sessionIdOf(secret));
  if (!session || session.kind !== 'cookie') return false;
  await deleteSession(trx, session.id);
  await appendAudit(
    trx,
    keys,
    { accountId: session.account_id },
    { action: 'session.end', recordType: 'account', recordId: session.account_id },
  );
  return true;
}

export interface IssuedToken {
  /** `tt_…`: shown once, never stored. */
  token: string;
  name: string;
  expiresAt: string;
  scopes: TokenScope[];
}

export interface TokenInfo {
  name: string;
  /** The first characters of the row id, to tell tokens apart; it reveals nothing of the secret. */
  fingerprint: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  scopes: TokenScope[];
}

/** Only the account itself (or the operator) manages its tokens. */
function requireSelf(auth: Auth | null | undefined, accountId: string): void {
  if (!auth) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  if (!auth.system && auth.accountId !== accountId)
    throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'account' });
}

/** Issues a named bearer token for the API and the CLI. */
export async function createApiToken(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { accountId: string; name: string; ttlDays?: number; scopes?: readonly TokenScope[]; now?: Date },
): Promise<IssuedToken> {
  requireSelf(auth, input.accountId);
  requireNotToken(auth);
  const scopes = tokenScopes.filter((scope) => (input.scopes ?? tokenScopes).includes(scope));
  if (scopes.length === 0) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'scopes',
      reason: `one or more of ${tokenScopes.join(', ')}`,
    });
  }
  const now = input.now ?? new Date();
  const name = input.name.trim();
  if (!TOKEN_NAME.test(name)) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'name',
      reason: '1-64 letters, digits, spaces, dots, dashes or underscores',
    });
  }
  const ttlDays = input.ttlDays ?? DEFAULT_TOKEN_TTL_DAYS;
  if (!Number.isInteger(ttlDays) || ttlDays < 1 || ttlDays > MAX_TOKEN_TTL_DAYS) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'ttlDays',
      reason: `1-${MAX_TOKEN_TTL_DAYS} days`,
    });
  }
  const account = await findAccountById(trx, input.accountId);
  if (!account || account.disabled_at) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'account' });
  if (await findTokenByName(trx, account.id, name)) {
    throw new TrackTwoError('TT_ERR_TOKEN_NAME_TAKEN', { field: 'name', reason: name });
  }
  const secret = newSecret();
  const expiresAt = new Date(now.getTime() + ttlDays * 24 * 60 * 60_000).toISOString();
  await insertSession(trx, {
    id: sessionIdOf(secret),
    account_id: account.id,
    kind: 'token',
    name,
    created_at: now.toISOString(),
    expires_at: expiresAt,
    last_used_at: null,
    scopes: scopes.join(','),
  });
  await appendAudit(
    trx,
    keys,
    auth!,
    { action: 'token.create', recordType: 'account', recordId: account.id },
    now,
  );
  return { token: TOKEN_PREFIX + secret, name, expiresAt, scopes };
}

/** Revokes a token by name; the next request that presents it is refused. Returns whether one existed. */
export async function revokeApiToken(
  trx: Kysely<Database>,
  keys: VaultKeys,
  auth: Auth | null | undefined,
  input: { accountId: string; name: string },
): Promise<boolean> {
  requireSelf(auth, input.accountId);
  requireNotToken(auth);
  const token = await findTokenByName(trx, input.accountId, input.name.trim());
  if (!token) return false;
  await deleteSession(trx, token.id);
  await appendAudit(trx, keys, auth!, {
    action: 'token.revoke',
    recordType: 'account',
    recordId: input.accountId,
  });
  return true;
}

export async function listApiTokens(
  trx: Kysely<Database>,
  auth: Auth | null | undefined,
  accountId: string,
): Promise<TokenInfo[]> {
  requireSelf(auth, accountId);
  const rows = await tokensOfAccount(trx, accountId);
  return rows.map((row) => ({
    name: row.name ?? '',
    fingerprint: row.id.slice(0, 8),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
    scopes: scopesOf(row.scopes),
  }));
}

/**
 * Signs in with email and password: checks the credentials through the throttle and starts a browser
 * session. The server sets the cookie from `session.secret` with `sessionCookieOptions`.
 */
export async function signIn(
  trx: Kysely<Database>,
  keys: VaultKeys,
  throttle: SignInThrottle,
  input: { email: string; password: string; address?: string },
  now: Date = new Date(),
): Promise<{ account: Account; session: IssuedSession }> {
  const account = await verifyCredentials(trx, throttle, input);
  return { account, session: await createCookieSession(trx, keys, account.id, { now }) };
}
