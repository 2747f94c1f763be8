import { z } from 'zod';
import { idSchema } from './scalars.js';

/** What an import of Kumu's sheets made: counts, and the new actor id of each element by its label. */
export const kumuImportedSchema = z.strictObject({
  actors: z.number().int().min(0),
  ties: z.number().int().min(0),
  actor_ids: z.record(z.string(), idSchema),
});
export type KumuImported = z.infer<typeof kumuImportedSchema>;

/** The workspace an import of a workspace document opened, and how much it holds. */
export const workspaceImportedSchema = z.strictObject({
  workspace_id: idSchema,
  counts: z.strictObject({
    actors: z.number().int().min(0),
    ties: z.number().int().min(0),
    meetings: z.number().int().min(0),
    identities: z.number().int().min(0),
  }),
});
export type WorkspaceImported = z.infer<typeof workspaceImportedSchema>;
