import { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import { changePassword } from '../../security/accounts.js';
import { requireNotToken } from '../../security/auth.js';
import { createCookieSession, type IssuedSession } from '../../security/sessions.js';
import type { SignInThrottle } from '../../security/throttle.js';
import { requireSignedIn } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/** The password policy itself (length, common words) is checked by `changePassword`, with its own codes. */
export const passwordChangeSchema = z.strictObject({
  current_password: z.string().min(1).max(1_024),
  new_password: z.string().min(1).max(1_024),
});
export type PasswordChange = z.output<typeof passwordChangeSchema>;

/**
 * Changes the signed-in account's own password. Every session of the account ends (a stolen cookie or
 * token stops working); when `renewCookie` is set, the browser that asked gets a fresh cookie session in
 * the same transaction, so the person who changed it stays signed in.
 */
export function changeOwnPassword(
  ctx: ServiceContext,
  input: PasswordChange,
  options: { renewCookie: boolean; ttlMs?: number; throttle: SignInThrottle; address?: string },
): Promise<IssuedSession | null> {
  return inTransaction(ctx, async (trx) => {
    const accountId = await requireSignedIn(trx, ctx.auth);
    if (accountId === null) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
    requireNotToken(ctx.auth);
    await changePassword(trx, ctx.keys, ctx.auth, {
      currentPassword: input.current_password,
      newPassword: input.new_password,
      throttle: options.throttle,
      address: options.address,
    });
    return options.renewCookie
      ? createCookieSession(trx, ctx.keys, accountId, { ttlMs: options.ttlMs })
      : null;
  });
}
