import { z } from 'zod';

/** Kinds of contact detail the vault keeps. */
export const contactKinds = ['email', 'phone', 'messenger', 'address', 'other'] as const;
export const contactKindSchema = z.enum(contactKinds);

export const contactSchema = z.strictObject({
  kind: contactKindSchema,
  value: z.string().trim().min(1).max(500),
});
export type Contact = z.infer<typeof contactSchema>;

/**
 * A person's (or an organisation's) identity: the only place names and contacts live, always encrypted
 * by the vault. One schema for the API, the services and the vault, so what a route accepts is exactly
 * what the vault stores.
 */
export const identitySchema = z.strictObject({
  names: z.array(z.string().trim().min(1).max(200)).max(20),
  contacts: z.array(contactSchema).max(50).default([]),
  notes: z.string().max(20_000).default(''),
});

export type Identity = z.output<typeof identitySchema>;
export type IdentityInput = z.input<typeof identitySchema>;
