import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** True when the browser app has been built into `dir` (an index.html to fall back on). */
export function hasWebApp(dir: string): boolean {
  return existsSync(join(dir, 'index.html'));
}

/** Vite names every file under assets/ (p/assets/ for the participant page) by its content's hash: a changed file is a new name. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: kept, but asked again (a 304 when unchanged) on every visit. */
export const REVALIDATE = 'no-cache';

/** The cache rule of a file served from the built app at `root`. */
export function cacheControlFor(root: string, file: string): string {
  const inside = relative(root, file).split(sep);
  const hashed =
    (inside[0] === 'assets' && inside.length > 1) ||
    (inside[0] === 'p' && inside[1] === 'assets' && inside.length > 2);
  return hashed ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built browser app. Paths that are no file get index.html (the app routes on the client),
 * except under /api/, where an unknown path is an API error, not a page. The build writes a .br and a .gz
 * beside each file (web/vite.config.ts); the one the client accepts is sent as it is.
 */
export async function installWebApp(app: FastifyInstance, dir: string): Promise<boolean> {
  const root = resolve(dir);
  if (!hasWebApp(root)) return false;
  await app.register(fastifyStatic, {
    root,
    wildcard: true,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    setHeaders: (reply: FastifyReply, file: string) => {
      reply.header('cache-control', cacheControlFor(root, file));
    },
  });
  return true;
}
