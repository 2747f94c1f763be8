import { describe, expect, it } from 'vitest';
import {
  checkPasswordPolicy,
  hashPassword,
  needsRehash,
  verifyPassword,
} from '../../src/security/passwords.js';
import { SignInThrottle } from '../../src/security/throttle.js';

describe('password hashes (scrypt)', () => {
  it('verifies the right password only, with a PHC string and a fresh salt', async () => {
    const hash = await hashPassword('mountain river 42');
    expect(hash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(hash).not.toContain('mountain');
    expect(await verifyPassword('mountain river 42', hash)).toBe(true);
    expect(await verifyPassword('mountain river 43', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
    expect(await hashPassword('mountain river 42')).not.toBe(hash);
    expect(needsRehash(hash)).toBe(false);
  });

  it('refuses malformed or absurd stored hashes without throwing', async () => {
    expect(await verifyPassword('x', 'plaintext')).toBe(false);
    expect(
      await verifyPassword(
        'x',
        '$scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      ),
    ).toBe(false);
    expect(needsRehash('$scrypt$ln=14,r=8,p=1$AAAA$AAAA')).toBe(true);
  });

  it('applies the policy with coded errors', () => {
    expect(() => checkPasswordPolicy('short')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_PASSWORD_TOO_SHORT' }),
    );
    expect(() => checkPasswordPolicy('ééééééééé')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_PASSWORD_TOO_SHORT' }),
    );
    expect(() => checkPasswordPolicy('x'.repeat(257))).toThrow(
      expect.objectContaining({ code: 'TT_ERR_PASSWORD_TOO_LONG' }),
    );
    expect(() => checkPasswordPolicy('Password123')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_PASSWORD_TOO_COMMON' }),
    );
    expect(() => checkPasswordPolicy('aaaaaaaaaaaa')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_PASSWORD_TOO_COMMON' }),
    );
    expect(() => checkPasswordPolicy('nasra.abdi-2026', 'nasra.abdi@example.org')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_PASSWORD_TOO_COMMON' }),
    );
    expect(() => checkPasswordPolicy('mountain river 42', 'nasra@example.org')).not.toThrow();
  });
});

describe('sign-in throttle', () => {
  function clock() {
    let now = 1_000_000;
    return { now: () => now, advance: (ms: number) => void (now += ms) };
  }

  it('lets the free failures through, then blocks with a doubling wait and a coded 429', () => {
    const time = clock();
    const throttle = new SignInThrottle({
      now: time.now,
      pairFreeFailures: 3,
      baseDelayMs: 1_000,
      maxDelayMs: 8_000,
    });
    for (let i = 0; i < 3; i++) {
      throttle.check('a@example.org');
      throttle.recordFailure('a@example.org');
    }
    expect(() => throttle.check('a@example.org')).not.toThrow();
    throttle.recordFailure('a@example.org');
    expect(() => throttle.check('A@Example.org ')).toThrow(
      expect.objectContaining({
        code: 'TT_ERR_TOO_MANY_ATTEMPTS',
        status: 429,
        details: { retryAfterSeconds: 1 },
      }),
    );
    time.advance(1_000);
    throttle.check('a@example.org');
    throttle.recordFailure('a@example.org');
    expect(() => throttle.check('a@example.org')).toThrow(
      expect.objectContaining({ details: { retryAfterSeconds: 2 } }),
    );
    for (let i = 0; i < 10; i++) {
      time.advance(60_000);
      throttle.recordFailure('a@example.org');
    }
    expect(() => throttle.check('a@example.org')).toThrow(
      expect.objectContaining({ details: { retryAfterSeconds: 8 } }),
    );
    // Another account is not affected; a success clears the account.
    expect(() => throttle.check('b@example.org')).not.toThrow();
    throttle.recordSuccess('a@example.org');
    expect(() => throttle.check('a@example.org')).not.toThrow();
  });

  it('blocks one address spraying many accounts', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now, addressFreeFailures: 5 });
    for (let i = 0; i < 6; i++) throttle.recordFailure(`user${i}@example.org`, '203.0.113.9');
    expect(() => throttle.check('fresh@example.org', '203.0.113.9')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_TOO_MANY_ATTEMPTS' }),
    );
    expect(() => throttle.check('fresh@example.org', '198.51.100.1')).not.toThrow();
  });

  it('throttles per (account, address): guessing elsewhere does not lock the owner out', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now });
    // The owner signed in from home once; an attacker then tries 200 passwords from one other address.
    throttle.recordSuccess('owner@example.org', '192.0.2.10');
    let refused = 0;
    for (let i = 0; i < 200; i++) {
      try {
        throttle.check('owner@example.org', '203.0.113.66');
        throttle.recordFailure('owner@example.org', '203.0.113.66');
      } catch {
        refused += 1;
        time.advance(1_000);
      }
    }
    expect(refused).toBeGreaterThan(150);
    expect(() => throttle.check('owner@example.org', '203.0.113.66')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_TOO_MANY_ATTEMPTS' }),
    );
    // The owner, from home and from a new address, is not made to wait.
    expect(() => throttle.check('owner@example.org', '192.0.2.10')).not.toThrow();
    expect(() => throttle.check('owner@example.org', '198.51.100.7')).not.toThrow();
    // Seven wrong passwords do not lock out the owner (as the old per-account count did) ...
    const fresh = new SignInThrottle({ now: time.now });
    for (let i = 0; i < 7; i++) fresh.recordFailure('admin@example.org', '203.0.113.1');
    expect(() => fresh.check('admin@example.org', '192.0.2.10')).not.toThrow();
    // ... and 21 failures from one address do not block every sign-in from it.
    for (let i = 0; i < 21; i++) fresh.recordFailure(`user${i}@example.org`, '198.51.100.200');
    expect(() => fresh.check('colleague@example.org', '198.51.100.200')).not.toThrow();
  });

  it('keeps an account ceiling for distributed guessing, not applied to its usual address', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now, accountFreeFailures: 20, distributedAddresses: 5 });
    throttle.recordSuccess('owner@example.org', '192.0.2.10');
    // Twenty addresses, two guesses each: no pair nor address reaches its own ceiling.
    for (let i = 0; i < 20; i++) {
      for (let j = 0; j < 2; j++) throttle.recordFailure('owner@example.org', `203.0.113.${i}`);
    }
    expect(() => throttle.check('owner@example.org', '203.0.113.250')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_TOO_MANY_ATTEMPTS' }),
    );
    expect(() => throttle.check('owner@example.org', '192.0.2.10')).not.toThrow();
    // Many failures from one address alone never trip the account ceiling.
    const single = new SignInThrottle({ now: time.now, accountFreeFailures: 20, pairFreeFailures: 1_000 });
    for (let i = 0; i < 50; i++) single.recordFailure('owner@example.org', '203.0.113.9');
    expect(() => single.check('owner@example.org', '198.51.100.3')).not.toThrow();
  });

  it('forgets old failures and keeps memory bounded', () => {
    const time = clock();
    const throttle = new SignInThrottle({ now: time.now, forgetAfterMs: 10_000, maxEntries: 100 });
    throttle.recordFailure('old@example.org');
    time.advance(20_000);
    throttle.recordFailure('old@example.org');
    expect(throttle.failuresOf('old@example.org')).toBe(1);
    for (let i = 0; i < 500; i++) throttle.recordFailure(`spray${i}@example.org`);
    expect(throttle.failuresOf('spray0@example.org')).toBe(0);
    expect(throttle.failuresOf('spray499@example.org')).toBe(1);
  });
});
