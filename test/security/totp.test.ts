import { describe, expect, it } from 'vitest';
import {
  matchRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpCode,
  totpUri,
  verifyTotp,
  type TotpAlgorithm,
} from '../../src/security/totp.js';

// RFC 6238, appendix B: the seeds are the ASCII strings below; 8-digit codes at each time.
const seeds: Record<TotpAlgorithm, Uint8Array> = {
  sha1: new TextEncoder().encode('12345678901234567890'),
  sha256: new TextEncoder().encode('12345678901234567890123456789012'),
  sha512: new TextEncoder().encode('1234567890123456789012345678901234567890123456789012345678901234'),
};
const vectors: [number, Record<TotpAlgorithm, string>][] = [
  [59, { sha1: '94287082', sha256: '46119246', sha512: '90693936' }],
  [1111111109, { sha1: '07081804', sha256: '68084774', sha512: '25091201' }],
  [1111111111, { sha1: '14050471', sha256: '67062674', sha512: '99943326' }],
  [1234567890, { sha1: '89005924', sha256: '91819424', sha512: '93441116' }],
  [2000000000, { sha1: '69279037', sha256: '90698825', sha512: '38618901' }],
  [20000000000, { sha1: '65353130', sha256: '77737706', sha512: '47863826' }],
];

describe('TOTP (RFC 6238)', () => {
  it.each(vectors)('gives the RFC test vectors at t = %i', async (at, expected) => {
    for (const algorithm of ['sha1', 'sha256', 'sha512'] as const) {
      expect(await totpCode(seeds[algorithm], { algorithm, digits: 8, at })).toBe(expected[algorithm]);
      expect(await verifyTotp(seeds[algorithm], expected[algorithm], { algorithm, digits: 8, at })).toBe(
        Math.floor(at / 30),
      );
    }
  });

  it('accepts a code one step early or late, not two, and never the same step twice', async () => {
    const secret = newTotpSecret();
    const at = 1_800_000_000;
    const code = await totpCode(secret, { at });
    expect(await verifyTotp(secret, code, { at })).toBe(at / 30);
    expect(await verifyTotp(secret, code, { at: at + 30 })).toBe(at / 30);
    expect(await verifyTotp(secret, code, { at: at - 30 })).toBe(at / 30);
    expect(await verifyTotp(secret, code, { at: at + 90 })).toBeNull();
    expect(await verifyTotp(secret, code, { at, lastStep: at / 30 })).toBeNull();
    const next = await totpCode(secret, { at: at + 30 });
    expect(await verifyTotp(secret, next, { at: at + 30, lastStep: at / 30 })).toBe(at / 30 + 1);
  });

  it('refuses codes that are not six digits, and a wrong code', async () => {
    const secret = newTotpSecret();
    const at = 1_800_000_000;
    const code = await totpCode(secret, { at });
    expect(await verifyTotp(secret, `${code.slice(0, 3)} ${code.slice(3)}`, { at })).toBe(at / 30);
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`])
      expect(await verifyTotp(secret, bad, { at })).toBeNull();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await verifyTotp(secret, wrong, { at })).toBeNull();
  });

  it('writes an otpauth URI an authenticator app reads', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, 'amina@example.org'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('tracktwo');
  });

  it('recovery codes: ten distinct codes, matched once as typed, stored only as hashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const hashes = codes.map(recoveryCodeHash);
    for (const hash of hashes) expect(hash).not.toContain(codes[0].replace('-', ''));
    expect(matchRecoveryCode(` ${codes[3].toUpperCase().replace('-', ' ')} `, hashes)).toBe(3);
    expect(matchRecoveryCode('aaaaa-aaaaa', hashes)).toBe(-1);
  });
});
