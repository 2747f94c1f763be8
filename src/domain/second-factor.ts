import { z } from 'zod';
import { idSchema, isoTimestampSchema } from './scalars.js';

/** Answers of the second-factor routes (snake_case; WebAuthn options pass through as the browser wants them). */
export const secondFactorMethodSchema = z.enum(['totp', 'recovery_code', 'passkey']);

/** The first step of sign-in when the account has a second factor: no session yet, a pending token. */
export const secondFactorNeededSchema = z.strictObject({
  second_factor_required: z.literal(true),
  pending_token: z.string(),
  expires_at: isoTimestampSchema,
  methods: z.array(secondFactorMethodSchema),
});

export const passkeyInfoSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  created_at: isoTimestampSchema,
  last_used_at: isoTimestampSchema.nullable(),
});

export const secondFactorStatusSchema = z.strictObject({
  enabled: z.boolean(),
  totp: z.enum(['off', 'pending', 'on']),
  recovery_codes_left: z.number().int(),
  passkeys: z.array(passkeyInfoSchema),
  required_by: z.array(idSchema),
});

export const totpEnrolmentSchema = z.strictObject({
  secret: z.string(),
  otpauth_uri: z.string(),
  qr_svg: z.string(),
});

export const recoveryCodesSchema = z.strictObject({ recovery_codes: z.array(z.string()) });

export const passkeyAddedSchema = z.strictObject({
  passkey: passkeyInfoSchema,
  recovery_codes: z.array(z.string()),
});

/** PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON of WebAuthn, handed to the browser as is. */
export const webAuthnOptionsSchema = z.strictObject({ options: z.record(z.string(), z.unknown()) });

export const secondFactorRuleSchema = z.strictObject({ workspace_id: idSchema, required: z.boolean() });
