import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { TrackTwoError } from '../domain/errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

/** scrypt cost: N = 2^15, r = 8, p = 1 (OWASP's floor for scrypt); 32 MiB of memory per hash. */
const LOG_N = 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const SALT_BYTES = 16;
const HASH_BYTES = 32;

// A few passwords that meet the length rule but are the first an attacker tries.
const COMMON = new Set([
  '1234567890',
  '12345678910',
  '0123456789',
  '1111111111',
  '0000000000',
  'qwertyuiop',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'iloveyou123',
  'abcdefghij',
  'letmein1234',
  'administrator',
  'tracktwo123',
  'trackii1234',
]);

/** Throws a coded error when a new password breaks the policy. */
export function checkPasswordPolicy(password: string, email?: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new TrackTwoError('TT_ERR_PASSWORD_TOO_SHORT', {
      field: 'password',
      reason: `${length} characters`,
    });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new TrackTwoError('TT_ERR_PASSWORD_TOO_LONG', {
      field: 'password',
      reason: `${length} characters`,
    });
  }
  const lower = password.toLowerCase();
  const local = email?.toLowerCase().split('@')[0];
  if (COMMON.has(lower) || new Set(lower).size < 4 || (local && local.length >= 4 && lower.includes(local))) {
    throw new TrackTwoError('TT_ERR_PASSWORD_TOO_COMMON', { field: 'password' });
  }
}

function scryptAsync(
  password: string,
  salt: Buffer,
  keylen: number,
  options: ScryptOptions,
): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keylen, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function scryptOptions(logN: number, r: number, p: number): ScryptOptions {
  const N = 2 ** logN;
  // Node refuses above 32 MiB by default; give it twice what the parameters need.
  return { N, r, p, maxmem: 256 * N * r * p };
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** Hashes a password as `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (PHC string format, unpadded base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const hash = await scryptAsync(password, salt, HASH_BYTES, scryptOptions(LOG_N, BLOCK_SIZE, PARALLELISM));
  return `$scrypt$ln=${LOG_N},r=${BLOCK_SIZE},p=${PARALLELISM}$${b64(salt)}$${b64(hash)}`;
}

const PHC = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/**
 * Checks a password against a stored hash in constant time. Reads the cost from the string, so hashes made
 * with older parameters still verify; `needsRehash` says when to upgrade them.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const match = PHC.exec(stored);
  if (!match) return false;
  const [logN, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (logN < 10 || logN > 22 || r < 1 || p < 1) return false;
  const salt = Buffer.from(match[4], 'base64');
  const expected = Buffer.from(match[5], 'base64');
  if (expected.length < 16) return false;
  const actual = await scryptAsync(password, salt, expected.length, scryptOptions(logN, r, p));
  return timingSafeEqual(actual, expected);
}

/** True when a stored hash is weaker than what `hashPassword` makes today. */
export function needsRehash(stored: string): boolean {
  const match = PHC.exec(stored);
  if (!match) return true;
  return Number(match[1]) < LOG_N || Number(match[2]) < BLOCK_SIZE;
}

/**
 * A hash of a random password, verified against when the email is unknown so that a wrong email costs as
 * long as a wrong password (no account enumeration by timing).
 */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(18).toString('base64'));
  return decoyHash;
}

/** A random password for accounts made on the command line or by the first start (printed once). */
export function generatePassword(): string {
  return randomBytes(15).toString('base64url');
}
