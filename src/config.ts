import { z } from 'zod';
import { TrackTwoError } from './domain/errors.js';

/**
 * The server's configuration, read once from the environment and checked with zod, so a typo in a
 * variable stops the start with a coded error instead of running with a surprise.
 */

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .optional()
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/** `true`/`false`, a hop count, or a list of trusted proxy addresses (Fastify's `trustProxy`). */
const trustProxy = z
  .string()
  .optional()
  .transform((value): boolean | number | string[] => {
    if (value === undefined || value === '' || value === '0' || value === 'false') return false;
    if (value === '1' || value === 'true') return true;
    if (/^\d+$/.test(value)) return Number(value);
    return value.split(',').map((part) => part.trim());
  });

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  TRACKTWO_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'sqlite:PATH or postgres://…')
    .default('sqlite:./data/tracktwo.db'),
  TRACKTWO_MASTER_KEY: z.string().min(1).optional(),
  TRACKTWO_MASTER_KEY_FILE: z.string().min(1).default('./data/master.key'),
  TRACKTWO_NO_DEMO: flag,
  TRACKTWO_TRUST_PROXY: trustProxy,
  /** `auto`: Secure cookies when the request came over TLS (directly or, with a trusted proxy, forwarded). */
  TRACKTWO_SECURE_COOKIES: z.enum(['auto', 'always', 'never']).default('auto'),
  TRACKTWO_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(512 * 1024 * 1024)
    .default(1024 * 1024),
  /** Imports (Kumu CSV, workspace JSON) carry whole files, so they get a larger limit of their own. */
  TRACKTWO_IMPORT_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(64 * 1024 * 1024),
  TRACKTWO_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  /**
   * Failed lookups of a participant or survey token (a guess) allowed per client address in a window;
   * the next request to those routes from that address is refused with TT_ERR_RATE_LIMITED until the
   * window passes. Successful requests are not counted, so a participant voting is never slowed.
   */
  TRACKTWO_TOKEN_GUESS_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(100),
  TRACKTWO_TOKEN_GUESS_WINDOW_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 3600)
    .default(600),
  TRACKTWO_WEB_DIR: z.string().min(1).default('dist/web'),
  TRACKTWO_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string;
  masterKey: string | undefined;
  masterKeyFile: string;
  noDemo: boolean;
  trustProxy: boolean | number | string[];
  secureCookies: 'auto' | 'always' | 'never';
  bodyLimit: number;
  importBodyLimit: number;
  sessionHours: number;
  tokenGuessLimit: number;
  tokenGuessWindowSeconds: number;
  webDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrackTwoError('TT_ERR_CONFIGURATION', {
      field: String(issue.path[0] ?? ''),
      reason: issue.message,
    });
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.TRACKTWO_DATABASE_URL,
    masterKey: e.TRACKTWO_MASTER_KEY,
    masterKeyFile: e.TRACKTWO_MASTER_KEY_FILE,
    noDemo: e.TRACKTWO_NO_DEMO,
    trustProxy: e.TRACKTWO_TRUST_PROXY,
    secureCookies: e.TRACKTWO_SECURE_COOKIES,
    bodyLimit: e.TRACKTWO_BODY_LIMIT,
    importBodyLimit: e.TRACKTWO_IMPORT_BODY_LIMIT,
    sessionHours: e.TRACKTWO_SESSION_HOURS,
    tokenGuessLimit: e.TRACKTWO_TOKEN_GUESS_LIMIT,
    tokenGuessWindowSeconds: e.TRACKTWO_TOKEN_GUESS_WINDOW_SECONDS,
    webDir: e.TRACKTWO_WEB_DIR,
    logLevel: e.TRACKTWO_LOG_LEVEL,
  };
}
