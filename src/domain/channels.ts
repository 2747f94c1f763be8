import { z } from 'zod';
import { languageCodeSchema } from './language-code.js';

/** A dialogue's SMS and USSD settings, as conveners set them and the API shows them. */
export const channelKeywordSchema = z
  .string()
  .trim()
  .regex(/^[\p{L}\p{N}_-]{2,32}$/u, { error: 'one word of 2 to 32 letters, digits, _ or -' })
  .transform((word) => word.normalize('NFC').toUpperCase());

export const channelSettingsInputSchema = z.strictObject({
  sms_keyword: channelKeywordSchema.nullable().optional(),
  sms_enabled: z.boolean().optional(),
  ussd_enabled: z.boolean().optional(),
  languages: z.array(languageCodeSchema).min(1).max(7).optional(),
  survey_id: z.string().min(1).max(100).nullable().optional(),
  keep_numbers: z.boolean().optional(),
});
export type ChannelSettingsInput = z.infer<typeof channelSettingsInputSchema>;

export const channelSettingsSchema = z.strictObject({
  dialogue_id: z.string(),
  sms_keyword: z.string().nullable(),
  sms_enabled: z.boolean(),
  ussd_enabled: z.boolean(),
  languages: z.array(z.string()),
  survey_id: z.string().nullable(),
  keep_numbers: z.boolean(),
  /** Counts only: how many numbers joined by each channel, how many of them left. */
  participants: z.strictObject({ sms: z.number().int(), ussd: z.number().int(), stopped: z.number().int() }),
  updated_at: z.string().nullable(),
});
export type ChannelSettings = z.infer<typeof channelSettingsSchema>;
