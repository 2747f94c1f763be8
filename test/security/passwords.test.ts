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
      accountFreeFailures: 3,
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
