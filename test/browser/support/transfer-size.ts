import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export interface TransferSize {
  files: { url: string; bytes: number; gzipped: number }[];
  gzippedTotal: number;
}

/**
 * Records every JS and CSS response while `load` runs and sums their gzipped sizes (each body gzipped at
 * level 9, as a compressing proxy or server would send it), whatever the server itself sends.
 */
export async function measureScriptsAndStyles(page: Page, load: () => Promise<void>): Promise<TransferSize> {
  const pending: Promise<{ url: string; bytes: number; gzipped: number } | null>[] = [];
  const listener = (response: Response) => {
    const url = response.url();
    const type = response.headers()['content-type'] ?? '';
    if (!/\.(js|mjs|css)(\?|$)/.test(url) && !/javascript|text\/css/.test(type)) return;
    pending.push(
      response
        .body()
        .then((body) => ({ url, bytes: body.length, gzipped: gzipSync(body, { level: 9 }).length }))
        .catch(() => null),
    );
  };
  page.on('response', listener);
  try {
    await load();
  } finally {
    page.off('response', listener);
  }
  const files = (await Promise.all(pending)).filter(
    (file): file is NonNullable<typeof file> => file !== null,
  );
  return { files, gzippedTotal: files.reduce((sum, file) => sum + file.gzipped, 0) };
}
