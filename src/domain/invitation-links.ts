import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './scalars.js';
import { initiativeRoleSchema } from './vocabulary.js';

/**
 * Invitation links of an initiative (issue #12). A convener or workspace administrator invites an e-mail
 * address to a role; the answer (202) has the same shape whether or not the address has an account, and
 * carries the link, which the inviter sends through their own channel (no e-mail leaves the server). The
 * link expires after 14 days and is taken once: by a new person who sets a password, or by the account of
 * that address, signed in.
 */
export const INVITATION_DAYS = 14;

/** Where an invitation link leads in the web app (hash-routed, like join links). */
export function invitationPath(code: string): string {
  return `/#/invitation/${code}`;
}

export const invitationStatuses = ['pending', 'accepted', 'expired', 'revoked'] as const;
export type InvitationStatus = (typeof invitationStatuses)[number];

export const invitationCreateSchema = z.strictObject({
  email: z.string().trim().min(3).max(254),
  role: initiativeRoleSchema,
});
export type InvitationCreate = z.output<typeof invitationCreateSchema>;

/** An invitation as its initiative's managers see it; `url` only in the answer that made it. */
export const invitationLinkSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  email: z.string(),
  role: initiativeRoleSchema,
  status: z.enum(invitationStatuses),
  created_at: isoTimestampSchema,
  expires_at: isoTimestampSchema,
  url: z.string().nullable(),
});
export type InvitationLink = z.infer<typeof invitationLinkSchema>;

/** What the holder of a link is told before accepting: the least that lets them decide. */
export const invitationInfoSchema = z.strictObject({
  initiative_name: z.string(),
  role: initiativeRoleSchema,
  email: z.string(),
  expires_at: isoTimestampSchema,
});
export type InvitationInfo = z.infer<typeof invitationInfoSchema>;

/**
 * Accepting: signed in as the invited address, with no body (or `{}`); as a new person, with a name and
 * the password to set (the password policy is checked by the service, with its own codes).
 */
export const invitationAcceptSchema = z.union([
  z.strictObject({}),
  z.strictObject({
    display_name: z.string().trim().min(1).max(120),
    password: z.string().min(1).max(1_024),
  }),
]);
export type InvitationAccept = z.output<typeof invitationAcceptSchema>;

export const invitationAcceptedSchema = z.strictObject({
  initiative_id: idSchema,
  role: initiativeRoleSchema,
  /** Whether the answer also signed a new account in (its cookie is set). */
  signed_in: z.boolean(),
});

/** The code in a link: 256 random bits, URL-safe base64. */
export const invitationCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'not an invitation code');
