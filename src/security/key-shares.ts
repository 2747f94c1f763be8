import { createHash, timingSafeEqual } from 'node:crypto';
import { base32nopad } from '@scure/base';
import { combine, split } from 'shamir-secret-sharing';
import { TrackTwoError } from '../domain/errors.js';
import { KEY_BYTES } from './envelope.js';

/**
 * Key custody: the master key split into n shares of which any k recover it (Shamir's secret sharing over
 * GF(256), the audited `shamir-secret-sharing`), so that losing one custodian does not lose the data and
 * seizing fewer than k shares reveals nothing about the key.
 *
 * A share is one line a person can write down or print:
 *   tt-share-1-<k>-<n>-<fingerprint>-<share, base32>-<check>
 * `fingerprint` (8 hex) names the key the shares belong to, without revealing it, so shares of different
 * splits are refused; `check` (4 hex) catches a share copied wrongly. The library does not verify what it
 * reconstructs, so `combineKeyShares` compares the result with the fingerprint before handing it back.
 */
const PREFIX = 'tt-share-1';

export interface KeySplit {
  threshold: number;
  shares: string[];
  fingerprint: string;
}

/** The short public name of a master key: enough to tell splits apart, useless to an attacker. */
export function keyFingerprint(key: Uint8Array): string {
  return createHash('sha256').update('tracktwo/key-fingerprint/v1').update(key).digest('hex').slice(0, 8);
}

export async function splitKey(key: Uint8Array, shares: number, threshold: number): Promise<KeySplit> {
  if (key.length !== KEY_BYTES)
    throw new TrackTwoError('TT_ERR_MASTER_KEY_INVALID', { reason: 'not 32 bytes' });
  checkCounts(shares, threshold);
  const fingerprint = keyFingerprint(key);
  const parts = await split(Uint8Array.from(key), shares, threshold);
  return {
    threshold,
    fingerprint,
    shares: parts.map((part) => encodeShare(threshold, shares, fingerprint, part)),
  };
}

/** Recovers the key from at least `threshold` shares of one split; any wrong or foreign share is refused. */
export async function combineKeyShares(texts: readonly string[]): Promise<Buffer> {
  const shares = texts.map((text, index) => decodeShare(text, index));
  if (shares.length === 0)
    throw new TrackTwoError('TT_ERR_KEY_SHARES_MISMATCH', { reason: 'no share given' });
  const [first] = shares;
  for (const share of shares) {
    if (
      share.fingerprint !== first.fingerprint ||
      share.threshold !== first.threshold ||
      share.count !== first.count
    )
      throw new TrackTwoError('TT_ERR_KEY_SHARES_MISMATCH', {
        reason: 'the shares come from different splits',
      });
  }
  const distinct = new Map(shares.map((share) => [Buffer.from(share.bytes).toString('hex'), share.bytes]));
  if (distinct.size < first.threshold) {
    throw new TrackTwoError('TT_ERR_KEY_SHARES_MISMATCH', {
      reason: `${distinct.size} different share(s) given, ${first.threshold} needed`,
    });
  }
  const key = Buffer.from(await combine([...distinct.values()]));
  const expected = Buffer.from(first.fingerprint, 'hex');
  const actual = Buffer.from(keyFingerprint(key), 'hex');
  if (key.length !== KEY_BYTES || !timingSafeEqual(expected, actual))
    throw new TrackTwoError('TT_ERR_KEY_SHARES_MISMATCH', {
      reason: 'the shares do not recover the named key',
    });
  return key;
}

function checkCounts(shares: number, threshold: number): void {
  if (!Number.isInteger(shares) || shares < 2 || shares > 255)
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'shares', reason: 'a whole number from 2 to 255' });
  if (!Number.isInteger(threshold) || threshold < 2 || threshold > shares)
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: 'threshold',
      reason: `a whole number from 2 to the number of shares (${shares})`,
    });
}

interface DecodedShare {
  threshold: number;
  count: number;
  fingerprint: string;
  bytes: Uint8Array;
}

function encodeShare(threshold: number, count: number, fingerprint: string, bytes: Uint8Array): string {
  const body = `${PREFIX}-${threshold}-${count}-${fingerprint}-${base32nopad.encode(bytes)}`;
  return `${body}-${check(body)}`;
}

function decodeShare(text: string, index: number): DecodedShare {
  const invalid = (reason: string) =>
    new TrackTwoError('TT_ERR_KEY_SHARE_INVALID', { field: `shares[${index}]`, reason });
  const cleaned = text.trim().replace(/\s+/g, '').toLowerCase();
  const match = /^tt-share-1-(\d{1,3})-(\d{1,3})-([0-9a-f]{8})-([a-z2-7]+)-([0-9a-f]{4})$/.exec(cleaned);
  if (!match) throw invalid('not of the form tt-share-1-K-N-FINGERPRINT-SHARE-CHECK');
  const [, k, n, fingerprint, payload, sum] = match;
  const body = `${PREFIX}-${k}-${n}-${fingerprint}-${payload.toUpperCase()}`;
  if (check(body) !== sum) throw invalid('its check digits do not match: a character was copied wrongly');
  let bytes: Uint8Array;
  try {
    bytes = base32nopad.decode(payload.toUpperCase());
  } catch {
    throw invalid('its share part is not base32');
  }
  if (bytes.length !== KEY_BYTES + 1) throw invalid('its share part has the wrong length');
  return { threshold: Number(k), count: Number(n), fingerprint, bytes };
}

function check(body: string): string {
  return createHash('sha256').update(body).digest('hex').slice(0, 4);
}
