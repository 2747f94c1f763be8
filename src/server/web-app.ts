import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** True when the browser app has been built into `dir` (an index.html to fall back on). */
export function hasWebApp(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/**
 * Serves the built browser app. Paths that are no file get index.html (the app routes on the client),
 * except under /api/, where an unknown path is an API error, not a page.
 */
export async function installWebApp(app: FastifyInstance, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!hasWebApp(root)) return false;
  await app.register(fastifyStatic, { root, wildcard: true, index: ['index.html'], cacheControl: true });
  return true;
}
