import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';
import { constants } from 'node:zlib';

/**
 * Smaller JSON answers are sent as they are: below about a packet, compressing costs more than it saves.
 * (A file is a stream of unknown length to the compressor, so a small one not precompressed at build time
 * is compressed anyway; the build leaves only files under 1 KB so.)
 */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Compresses what the server answers (API JSON, and any web file that was not precompressed at build
 * time) with brotli or gzip, whichever the client prefers; identity when it asks for neither. Request
 * bodies are never decompressed: a small compressed body could otherwise expand past the body limit
 * inside the parser (a "zip bomb"), and no client of ours sends one.
 */
export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESSION_THRESHOLD,
    // Brotli's quality 4 is close to gzip's speed on the fly; the build precompresses static files at 11.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
