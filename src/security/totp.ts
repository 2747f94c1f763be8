import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { base32nopad } from '@scure/base';
import { generate, generateSecret, generateURI, verify } from 'otplib';

/**
 * Time-based one-time passwords (RFC 6238) for two-factor sign-in, with the defaults every authenticator
 * app understands: HMAC-SHA-1, 6 digits, 30-second steps. A code is accepted one step early or late (clocks
 * drift) and only once: the step of the last code used is kept, and a code of that step or an earlier one is
 * refused, so a code seen over someone's shoulder cannot be replayed.
 */
export const TOTP_ISSUER = 'tracktwo';
const PERIOD_SECONDS = 30;

export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: 6 | 8;
  /** Unix time in seconds; now by default. */
  at?: number;
}

/** A fresh base32 secret (160 bits, as RFC 4226 recommends) to show once as a QR code. */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, accountLabel: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: accountLabel, secret });
}

/** The code of a secret (base32 text, or raw bytes as the RFC's test vectors give them) at a time. */
export function totpCode(secret: string | Uint8Array, options: TotpOptions = {}): Promise<string> {
  return generate({
    secret,
    algorithm: options.algorithm ?? 'sha1',
    digits: options.digits ?? 6,
    period: PERIOD_SECONDS,
    ...(options.at === undefined ? {} : { epoch: options.at }),
  });
}

/**
 * The time step a code belongs to, or null when it is wrong, out of the one-step window, or not later than
 * `lastStep` (already used). The caller stores the step it returns as the new `lastStep`.
 */
export async function verifyTotp(
  secret: string | Uint8Array,
  code: string,
  options: TotpOptions & { lastStep?: number | null } = {},
): Promise<number | null> {
  const digits = options.digits ?? 6;
  const token = code.replace(/[\s-]/g, '');
  if (!new RegExp(`^\\d{${digits}}$`).test(token)) return null;
  const result = await verify({
    secret,
    token,
    algorithm: options.algorithm ?? 'sha1',
    digits,
    period: PERIOD_SECONDS,
    epochTolerance: PERIOD_SECONDS,
    ...(options.at === undefined ? {} : { epoch: options.at }),
    ...(options.lastStep === undefined || options.lastStep === null
      ? {}
      : { afterTimeStep: options.lastStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/**
 * Recovery codes for a lost phone: ten codes of 50 random bits each, shown once, kept only as hashes. With
 * that much entropy a plain SHA-256 is enough (they are not passwords a person chose).
 */
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const text = base32nopad.encode(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
}

export function recoveryCodeHash(code: string): string {
  const normalised = code.trim().toLowerCase().replace(/[\s-]/g, '');
  return createHash('sha256').update('tracktwo/recovery-code/v1').update(normalised).digest('hex');
}

/** Which of the stored hashes a typed code matches (compared in constant time), or -1. */
export function matchRecoveryCode(code: string, hashes: readonly string[]): number {
  const given = Buffer.from(recoveryCodeHash(code), 'hex');
  let found = -1;
  hashes.forEach((hash, index) => {
    if (timingSafeEqual(given, Buffer.from(hash, 'hex')) && found < 0) found = index;
  });
  return found;
}
