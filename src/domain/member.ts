import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './scalars.js';
import { initiativeRoleSchema } from './vocabulary.js';

/** An account holding a role in an initiative. */
export const memberSchema = z.strictObject({
  account_id: idSchema,
  email: z.string(),
  display_name: z.string(),
  role: z.string(),
  disabled_at: isoTimestampSchema.nullable(),
});
export type Member = z.infer<typeof memberSchema>;

/**
 * The answer to adding a member by e-mail: the same whether or not the address has an account (the role is
 * given now, or when the account is made), and never the account's id or name.
 */
export const invitationSchema = z.strictObject({
  email: z.string(),
  role: initiativeRoleSchema,
  status: z.literal('invited'),
});
