import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './scalars.js';
import { workspaceSchema } from './workspace.js';

/** An account as the API shows it (never the password hash); snake_case like every body of the API. */
export const accountSchema = z.strictObject({
  id: idSchema,
  email: z.string(),
  display_name: z.string(),
  created_at: isoTimestampSchema,
  disabled_at: isoTimestampSchema.nullable(),
});
export type AccountRecord = z.infer<typeof accountSchema>;

/** The security layer's account (camelCase inside the process) as the API writes it. */
export function accountRecord(account: {
  id: string;
  email: string;
  displayName: string;
  createdAt: string;
  disabledAt: string | null;
}): AccountRecord {
  return {
    id: account.id,
    email: account.email,
    display_name: account.displayName,
    created_at: account.createdAt,
    disabled_at: account.disabledAt,
  };
}

export const membershipSchema = z.strictObject({
  initiative_id: idSchema,
  workspace_id: idSchema,
  conflict_id: idSchema,
  role: z.string(),
});

/**
 * GET /api/auth/me: a visitor who is not signed in is an ordinary answer (200, `signed_in: false`), not an
 * error, so the browser app's first request leaves nothing in the console.
 */
export const meSchema = z.discriminatedUnion('signed_in', [
  z.strictObject({ signed_in: z.literal(false) }),
  z.strictObject({
    signed_in: z.literal(true),
    account: accountSchema,
    admin_workspaces: z.array(idSchema),
    memberships: z.array(membershipSchema),
    /** The account signed in with a one-time password: it must set its own before anything else. */
    must_change_password: z.boolean(),
  }),
]);
export type MeAnswer = z.infer<typeof meSchema>;

export const setupStateSchema = z.strictObject({ open: z.boolean() });

export const setupAnswerSchema = z.strictObject({ account: accountSchema, workspace: workspaceSchema });

export const signedInSchema = z.strictObject({ account: accountSchema, expires_at: isoTimestampSchema });

export const accountCreatedSchema = z.strictObject({
  account: accountSchema,
  /** Present only when the server generated it: shown this once. */
  password: z.string().optional(),
});

/** What an API token may do: `read` (GET) and `write` (the rest); never manage credentials. */
export const tokenScopeSchema = z.enum(['read', 'write']);

export const tokenInfoSchema = z.strictObject({
  name: z.string(),
  fingerprint: z.string(),
  created_at: isoTimestampSchema,
  expires_at: isoTimestampSchema,
  last_used_at: isoTimestampSchema.nullable(),
  scopes: z.array(tokenScopeSchema),
});

export const issuedTokenSchema = z.strictObject({
  token: z.string(),
  name: z.string(),
  expires_at: isoTimestampSchema,
  scopes: z.array(tokenScopeSchema),
});
