import { z } from 'zod';
import { idSchema } from './scalars.js';

/** An account holding a role in an initiative. */
export const memberSchema = z.strictObject({
  account_id: idSchema,
  email: z.string(),
  display_name: z.string(),
  role: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
