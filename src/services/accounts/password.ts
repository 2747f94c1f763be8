import { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import { changePassword } from '../../security/accounts.js';
import { createCookieSession, type IssuedSession } from '../../security/sessions.js';
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
  options: { renewCookie: boolean; ttlMs?: number },
): Promise<IssuedSession | null> {
  const auth = ctx.auth;
  if (!auth || auth.system) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  return inTransaction(ctx, async (trx) => {
    await changePassword(trx, auth, {
      currentPassword: input.current_password,
      newPassword: input.new_password,
    });
    return options.renewCookie ? createCookieSession(trx, auth.accountId, { ttlMs: options.ttlMs }) : null;
  });
}
