import { z } from 'zod';
import { checkNotEmpty, idSchema, isoTimestampSchema, longTextSchema, nameSchema } from './scalars.js';

/** One organisation's space: everything else hangs under a workspace. */
export const workspaceSchema = z.strictObject({
  id: idSchema,
  name: nameSchema,
  description: longTextSchema,
  is_demo: z.boolean(),
  created_at: isoTimestampSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const workspaceCreateSchema = z.strictObject({
  name: nameSchema,
  description: longTextSchema.default(''),
  is_demo: z.boolean().default(false),
});
export type WorkspaceCreate = z.input<typeof workspaceCreateSchema>;

export const workspacePatchSchema = z
  .strictObject({ name: nameSchema, description: longTextSchema })
  .partial()
  .superRefine(checkNotEmpty);
export type WorkspacePatch = z.infer<typeof workspacePatchSchema>;
