import { TrackTwoError } from '../domain/errors.js';

export interface ThrottleOptions {
  /**
   * Failures allowed for one account from one address before each further one costs a growing wait. This is
   * the counter that stops someone guessing one account's password from one place; it never touches the
   * same account signing in from elsewhere.
   */
  pairFreeFailures: number;
  /**
   * Failures allowed from one client address across all accounts (spraying many accounts from one place).
   * Much higher than the pair's: a whole office behind one NAT address mistyping must not lock itself out.
   */
  addressFreeFailures: number;
  /**
   * Failures allowed for one account across all addresses, counted only once they come from at least
   * `distributedAddresses` different addresses (distributed guessing). High, so that locking an owner out
   * takes many addresses and many guesses, and never applied to an address the account recently signed in
   * from (its owner's usual place).
   */
  accountFreeFailures: number;
  /** How many different failing addresses make guessing "distributed" (the account ceiling's trigger). */
  distributedAddresses: number;
  /** The first wait; each further failure doubles it. */
  baseDelayMs: number;
  /** The longest wait (the lockout). */
  maxDelayMs: number;
  /** A counter with no failure for this long starts again from zero. */
  forgetAfterMs: number;
  /** An address the account signed in from is its owner's usual place for this long. */
  knownAddressMs: number;
  /** At most this many counters are kept; the oldest go first (memory stays bounded under attack). */
  maxEntries: number;
  now: () => number;
}

const defaults: ThrottleOptions = {
  pairFreeFailures: 5,
  addressFreeFailures: 100,
  accountFreeFailures: 50,
  distributedAddresses: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
  knownAddressMs: 30 * 24 * 60 * 60_000,
  maxEntries: 100_000,
  now: () => Date.now(),
};

/** The addresses a counter remembers per account: enough to tell "distributed" and a few usual places. */
const ADDRESSES_KEPT = 16;

interface Counter {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
  /** Per-account counters: the different addresses the failures came from (at most ADDRESSES_KEPT). */
  addresses?: Set<string>;
}

/** Requests that name no address (the CLI, direct service calls) count as one address of their own. */
const NO_ADDRESS = '-';

/**
 * Slows down password guessing, in memory, with three counters, each blocking for a doubling delay up to
 * the lockout once its free failures are spent:
 *  - per (account, address): the ordinary guard. An attacker elsewhere cannot lock the owner out from the
 *    owner's usual address, because the owner's pair has its own counter;
 *  - per address, much higher: one place spraying many accounts;
 *  - per account, higher still and only once failures come from many addresses (distributed guessing), and
 *    never for an address the account signed in from lately: so it is no cheap lockout of its owner.
 * Blocked attempts are refused with TT_ERR_TOO_MANY_ATTEMPTS (429) before any password is checked, so they
 * cost the server nothing. Used for sign-in and for the current password of a password change.
 */
export class SignInThrottle {
  private readonly options: ThrottleOptions;
  private readonly counters = new Map<string, Counter>();
  /** account key -> address -> when it last signed in from there. */
  private readonly known = new Map<string, Map<string, number>>();

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...defaults, ...options };
  }

  /** Throws TT_ERR_TOO_MANY_ATTEMPTS when this account from this address must wait. */
  check(email: string, address?: string): void {
    const now = this.options.now();
    const account = accountKey(email);
    const place = address ?? NO_ADDRESS;
    const waits = [this.remaining(pairKey(account, place), now), this.remaining(addressKey(place), now)];
    if (!this.isKnownAddress(account, place, now)) waits.push(this.accountWait(account, now));
    const wait = Math.max(...waits);
    if (wait > 0) {
      throw new TrackTwoError('TT_ERR_TOO_MANY_ATTEMPTS', { retryAfterSeconds: Math.ceil(wait / 1000) });
    }
  }

  recordFailure(email: string, address?: string): void {
    const now = this.options.now();
    const account = accountKey(email);
    const place = address ?? NO_ADDRESS;
    this.bump(pairKey(account, place), this.options.pairFreeFailures, now);
    this.bump(addressKey(place), this.options.addressFreeFailures, now);
    const counter = this.bump(account, this.options.accountFreeFailures, now);
    counter.addresses ??= new Set();
    if (counter.addresses.size < ADDRESSES_KEPT) counter.addresses.add(place);
  }

  /**
   * A success clears this account's counter from this address and remembers the address as a usual place
   * of the account. The address's own count stays (one good password among many guesses), and so does the
   * account's distributed count: the guessing elsewhere has not stopped because the owner signed in.
   */
  recordSuccess(email: string, address?: string): void {
    const now = this.options.now();
    const account = accountKey(email);
    const place = address ?? NO_ADDRESS;
    this.counters.delete(pairKey(account, place));
    const places = this.known.get(account) ?? new Map<string, number>();
    places.delete(place);
    places.set(place, now);
    while (places.size > ADDRESSES_KEPT) places.delete(places.keys().next().value!);
    this.known.delete(account);
    this.known.set(account, places);
    while (this.known.size > this.options.maxEntries) this.known.delete(this.known.keys().next().value!);
  }

  /** Failures currently counted against an account from one address (for tests and monitoring). */
  failuresOf(email: string, address?: string): number {
    return this.counters.get(pairKey(accountKey(email), address ?? NO_ADDRESS))?.failures ?? 0;
  }

  private accountWait(account: string, now: number): number {
    const counter = this.live(account, now);
    if (!counter || (counter.addresses?.size ?? 0) < this.options.distributedAddresses) return 0;
    return Math.max(0, counter.blockedUntil - now);
  }

  private isKnownAddress(account: string, place: string, now: number): boolean {
    const at = this.known.get(account)?.get(place);
    return at !== undefined && now - at <= this.options.knownAddressMs;
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

  private bump(key: string, freeFailures: number, now: number): Counter {
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
    return counter;
  }
}

const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
const pairKey = (account: string, address: string) => `pair:${address}|${account}`;
const addressKey = (address: string) => `address:${address}`;
