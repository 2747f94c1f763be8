import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/**
 * OpenAPI 3 of every route, built from the same zod schemas that validate requests (see route.ts), served
 * at /api/openapi.json, with browsable docs at /api/docs.
 */
export async function installOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'tracktwo API',
        version: '0.1.0',
        description:
          'The workbench of citizen diplomacy (Track II). Sign in with POST /api/auth/login (cookie `tt_session`) ' +
          'or send `Authorization: Bearer tt_…` (tokens from POST /api/auth/tokens). Every write takes a JSON ' +
          'body (`Content-Type: application/json`). Errors: `{ "error": { "code": "TT_ERR_…", "message", "details" } }`.',
        license: { name: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'tt_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: false });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
}
