import { z } from 'zod';
import { transferSchema } from './outcome.js';

/** A transfer as read back: recipients' ids only to those who may read actors, their number to all. */
export const transferShownSchema = transferSchema.extend({ recipient_count: z.number().int().min(0) });
export type TransferShown = z.infer<typeof transferShownSchema>;
