import { TrackTwoError } from '../domain/errors.js';

export interface ThrottleOptions {
  /** Failures allowed per account before each further one costs a growing wait. */
  accountFreeFailures: number;
  /** Failures allowed per client address (spraying many accounts from one place). */
  addressFreeFailures: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait (the lockout). */
  maxDelayMs: number;
  /** A counter with no failure for this long starts again from zero. */
  forgetAfterMs: number;
  /** At most this many counters are kept; the oldest go first (memory stays bounded under attack). */
  maxEntries: number;
  now: () => number;
}

const defaults: ThrottleOptions = {
  accountFreeFailures: 5,
  addressFreeFailures: 20,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  maxEntries: 100_000,
  now: () => Date.now(),
};

interface Counter {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

/**
 * Slows down password guessing: per account and per client address, in memory. After the free failures,
 * each failure blocks further attempts for a doubling delay up to the lockout. Blocked attempts are refused
 * with TT_ERR_TOO_MANY_ATTEMPTS (429) before any password is checked, so they cost the server nothing.
 */
export class SignInThrottle {
  private readonly options: ThrottleOptions;
  private readonly counters = new Map<string, Counter>();

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...defaults, ...options };
  }

  /** Throws TT_ERR_TOO_MANY_ATTEMPTS when this account or this address must wait. */
  check(email: string, address?: string): void {
    const now = this.options.now();
    const wait = Math.max(
      this.remaining(accountKey(email), now),
      address ? this.remaining(addressKey(address), now) : 0,
    );
    if (wait > 0) {
      throw new TrackTwoError('TT_ERR_TOO_MANY_ATTEMPTS', { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
  }

  recordFailure(email: string, address?: string): void {
    const now = this.options.now();
    this.bump(accountKey(email), this.options.accountFreeFailures, now);
    if (address) this.bump(addressKey(address), this.options.addressFreeFailures, now);
  }

  /** A success clears the account's counter; the address keeps its count (one good password among many). */
  recordSuccess(email: string): void {
    this.counters.delete(accountKey(email));
  }

  /** Failures currently counted against an account (for tests and monitoring). */
  failuresOf(email: string): number {
    return this.counters.get(accountKey(email))?.failures ?? 0;
  }

  private remaining(key: string, now: number): number {
    const counter = this.live(key, now);
    return counter ? Math.max(0, counter.blockedUntil - now) : 0;
  }

  private live(key: string, now: number): Counter | undefined {
    const counter = this.counters.get(key);
    if (counter && now - counter.lastFailureAt > this.options.forgetAfterMs && counter.blockedUntil <= now) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  private bump(key: string, freeFailures: number, now: number): void {
    const counter = this.live(key, now) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
    counter.failures += 1;
    counter.lastFailureAt = now;
    const over = counter.failures - freeFailures;
    if (over > 0) {
      const delay = Math.min(this.options.maxDelayMs, this.options.baseDelayMs * 2 ** Math.min(over - 1, 30));
      counter.blockedUntil = now + delay;
    }
    // Re-insert so the map's order is least recently failed first.
    this.counters.delete(key);
    this.counters.set(key, counter);
    while (this.counters.size > this.options.maxEntries) {
      const oldest = this.counters.keys().next().value;
      if (oldest === undefined) break;
      this.counters.delete(oldest);
    }
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;
