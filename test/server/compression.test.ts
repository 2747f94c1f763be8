import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { testApp } from './support/app.js';

/**
 * Fast on a slow line: answers compressed with brotli or gzip as the client asks, the built app's
 * precompressed .br and .gz sent as they are, hashed assets cached for a year, index.html revalidated
 * (a 304 when unchanged), the API never cached, and a compressed request body never inflated.
 */

// A built app in miniature, as Vite and vite-plugin-compression2 lay it out (web/vite.config.ts).
const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i}`))};\n`;
const page = `<!doctype html><html><head><script type="module" src="/assets/app-Ab12Cd34.js"></script></head><body>${'<p>light</p>'.repeat(120)}</body></html>`;
// The precompressed files carry a marker the original lacks, to tell them from on-the-fly compression.
const precompressedBr = brotliCompressSync(`${script}// br\n`);
const precompressedGz = gzipSync(`${script}// gz\n`);

let webDir: string;
beforeAll(() => {
  webDir = mkdtempSync(join(tmpdir(), 'tracktwo-web-'));
  mkdirSync(join(webDir, 'assets'));
  mkdirSync(join(webDir, 'p'));
  writeFileSync(join(webDir, 'index.html'), page);
  writeFileSync(join(webDir, 'p', 'index.html'), page.replace('light', 'participant'));
  writeFileSync(join(webDir, 'assets', 'app-Ab12Cd34.js'), script);
  writeFileSync(join(webDir, 'assets', 'app-Ab12Cd34.js.br'), precompressedBr);
  writeFileSync(join(webDir, 'assets', 'app-Ab12Cd34.js.gz'), precompressedGz);
  writeFileSync(join(webDir, 'assets', 'small-Zz99.css'), 'p{margin:0}');
  writeFileSync(join(webDir, 'robots.txt'), 'User-agent: *\nDisallow: /\n');
});
afterAll(() => rmSync(webDir, { recursive: true, force: true }));

forEachEngine('compression and caching', (getDb, { dialect }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testApp(getDb(), dialect, { webDir });
  });
  afterAll(() => app?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });

  it('sends the precompressed .br or .gz of an asset as it is, cached for a year', async () => {
    const br = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.equals(precompressedBr)).toBe(true);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(`${script}// br\n`);

    const gz = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.equals(precompressedGz)).toBe(true);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    const none = await get('/assets/app-Ab12Cd34.js');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body).toBe(script);
  });

  it('compresses on the fly what was not precompressed', async () => {
    const html = await get('/', { 'accept-encoding': 'br' });
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(html.rawPayload).toString()).toBe(page);
    const gz = await get('/index.html', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(page);

    // A file is a stream of unknown length to the compressor: even a small one goes out compressed.
    const small = await get('/assets/small-Zz99.css', { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(small.rawPayload).toString()).toBe('p{margin:0}');
    expect(small.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('asks the browser to revalidate index.html and unhashed files, and answers 304 when unchanged', async () => {
    for (const url of ['/', '/index.html', '/p/', '/robots.txt']) {
      const first = await get(url, { 'accept-encoding': 'br, gzip' });
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toBe('no-cache');
      const etag = first.headers.etag as string;
      expect(etag, url).toBeTruthy();
      const again = await get(url, { 'accept-encoding': 'br, gzip', 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.rawPayload.length, url).toBe(0);
    }
    const asset = await get('/assets/app-Ab12Cd34.js', { 'accept-encoding': 'br' });
    const revalidated = await get('/assets/app-Ab12Cd34.js', {
      'accept-encoding': 'br',
      'if-none-match': asset.headers.etag as string,
    });
    expect(revalidated.statusCode).toBe(304);
  });

  it('serves the light participant page at /p/ and falls back to index.html for client routes', async () => {
    const light = await get('/p/');
    expect(light.statusCode).toBe(200);
    expect(light.body).toContain('participant');
    const fallback = await get('/somewhere/else', { 'accept-encoding': 'gzip' });
    expect(fallback.statusCode).toBe(200);
    expect(gunzipSync(fallback.rawPayload).toString()).toBe(page);
    expect(fallback.headers['cache-control']).toBe('no-cache');
  });

  it('compresses API answers and keeps them out of every cache', async () => {
    const docs = await get('/api/docs/json', { 'accept-encoding': 'br' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-encoding']).toBe('br');
    const spec = JSON.parse(brotliDecompressSync(docs.rawPayload).toString()) as { openapi: string };
    expect(spec.openapi).toMatch(/^3\./);

    const health = await get('/api/health', { 'accept-encoding': 'gzip' });
    expect(health.statusCode).toBe(200);
    expect(health.headers['cache-control']).toBe('no-store');
    // A few bytes are sent as they are: compressing them would cost more than it saves.
    expect(health.headers['content-encoding']).toBeUndefined();

    const missing = await get('/api/no-such-thing', { 'accept-encoding': 'gzip' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('never inflates a compressed request body: refused with a coded error, nothing parsed', async () => {
    const body = gzipSync(JSON.stringify({ email: 'a@example.org', password: 'x'.repeat(20) }));
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      payload: body,
    });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.json().error.code).toMatch(/^TT_ERR_/);
  });
});
