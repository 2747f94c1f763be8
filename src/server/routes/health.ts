import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { defineRoute } from '../route.js';
import type { AppStore } from '../app-store.js';

export const healthSchema = z.strictObject({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
});

/** Liveness and readiness in one: it answers ok only when the database answers too. */
export function registerHealthRoutes(app: FastifyInstance, store: AppStore): void {
  defineRoute(app, {
    method: 'GET',
    url: '/api/health',
    summary: 'Whether the server and its database answer',
    tag: 'server',
    access: 'public',
    response: healthSchema,
    handler: async () => {
      await sql`select 1`.execute(store.db);
      return { status: 'ok', database: store.dialect } satisfies z.infer<typeof healthSchema>;
    },
  });
}
