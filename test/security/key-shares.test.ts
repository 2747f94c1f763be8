import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { split } from 'shamir-secret-sharing';
import { describe, expect, it } from 'vitest';
import { combineKeyShares, keyFingerprint, splitKey } from '../../src/security/key-shares.js';

/** Every k-subset of the indices 0..n-1 (n is small here). */
function subsets(n: number, k: number): number[][] {
  if (k === 0) return [[]];
  if (n < k) return [];
  return [...subsets(n - 1, k - 1).map((s) => [...s, n - 1]), ...subsets(n - 1, k)];
}

describe('key custody: Shamir shares of the master key', () => {
  it('any 3 of 5 shares recover the key, and each share is one printable line', async () => {
    const key = randomBytes(32);
    const { shares, fingerprint, threshold } = await splitKey(key, 5, 3);
    expect(threshold).toBe(3);
    expect(fingerprint).toBe(keyFingerprint(key));
    for (const share of shares) expect(share).toMatch(/^tt-share-1-3-5-[0-9a-f]{8}-[A-Z2-7]+-[0-9a-f]{4}$/);
    for (const chosen of subsets(5, 3)) {
      expect((await combineKeyShares(chosen.map((i) => shares[i]))).equals(key)).toBe(true);
    }
    // All five work too, in any order, with spaces and case changed as a person may type them.
    const typed = [...shares].reverse().map((s) => ` ${s.toLowerCase()} `);
    expect((await combineKeyShares(typed)).equals(key)).toBe(true);
  });

  it('holds for any key, share count and threshold (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.integer({ min: 2, max: 8 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 2, max: n }))),
        async (key, [n, k]) => {
          const { shares } = await splitKey(key, n, k);
          const chosen = shares.slice(n - k);
          expect(Buffer.from(await combineKeyShares(chosen)).equals(Buffer.from(key))).toBe(true);
          await expect(combineKeyShares(chosen.slice(1))).rejects.toMatchObject({
            code: 'TT_ERR_KEY_SHARES_MISMATCH',
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses fewer shares than the threshold, a repeated share, and shares of another split', async () => {
    const key = randomBytes(32);
    const { shares } = await splitKey(key, 5, 3);
    await expect(combineKeyShares(shares.slice(0, 2))).rejects.toMatchObject({
      code: 'TT_ERR_KEY_SHARES_MISMATCH',
    });
    await expect(combineKeyShares([shares[0], shares[0], shares[1]])).rejects.toMatchObject({
      code: 'TT_ERR_KEY_SHARES_MISMATCH',
    });
    const other = await splitKey(randomBytes(32), 5, 3);
    await expect(combineKeyShares([shares[0], shares[1], other.shares[2]])).rejects.toMatchObject({
      code: 'TT_ERR_KEY_SHARES_MISMATCH',
    });
    // A second split of the same key has the same fingerprint, but its points lie on another polynomial.
    const again = await splitKey(key, 5, 3);
    await expect(combineKeyShares([shares[0], shares[1], again.shares[2]])).rejects.toMatchObject({
      code: 'TT_ERR_KEY_SHARES_MISMATCH',
    });
  });

  it('names a share copied wrongly instead of recovering a wrong key', async () => {
    const { shares } = await splitKey(randomBytes(32), 3, 2);
    const payloadAt = shares[0].lastIndexOf('-') - 3;
    const flipped =
      shares[0].slice(0, payloadAt) +
      (shares[0][payloadAt] === 'A' ? 'B' : 'A') +
      shares[0].slice(payloadAt + 1);
    await expect(combineKeyShares([flipped, shares[1]])).rejects.toMatchObject({
      code: 'TT_ERR_KEY_SHARE_INVALID',
      details: { field: 'shares[0]' },
    });
    await expect(combineKeyShares(['not a share', shares[1]])).rejects.toMatchObject({
      code: 'TT_ERR_KEY_SHARE_INVALID',
    });
  });

  it('refuses counts a split cannot have', async () => {
    const key = randomBytes(32);
    await expect(splitKey(key, 1, 1)).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'shares' },
    });
    await expect(splitKey(key, 5, 6)).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'threshold' },
    });
    await expect(splitKey(key, 5, 1)).rejects.toMatchObject({
      code: 'TT_ERR_VALIDATION',
      details: { field: 'threshold' },
    });
    await expect(splitKey(randomBytes(16), 5, 3)).rejects.toMatchObject({
      code: 'TT_ERR_MASTER_KEY_INVALID',
    });
  });

  it('one share of a 2-of-n split reveals nothing: its bytes are uniform whatever the key (chi-square)', async () => {
    // For each of two opposite keys, the first byte of share 1 over many splits must look uniform on 0-255.
    // chi-square with 255 degrees of freedom: above 380 by chance about once in a million runs.
    const critical = 380;
    for (const fill of [0x00, 0xff]) {
      const secret = new Uint8Array(32).fill(fill);
      const counts = new Array<number>(256).fill(0);
      const runs = 256 * 20;
      for (let i = 0; i < runs; i++) counts[(await split(secret, 3, 2))[0][0]]++;
      const expected = runs / 256;
      const chi = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
      expect(chi).toBeLessThan(critical);
    }
  });
});
