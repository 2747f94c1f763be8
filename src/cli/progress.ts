import type { CliIo } from './io.js';

/** A progress bar on stderr, drawn only on a terminal; returns an update function and a finisher. */
export function progressBar(io: CliIo, label: string, total: number) {
  let last = -1;
  const width = 30;
  return {
    update(done: number) {
      if (!io.interactive || total <= 0) return;
      const pct = Math.min(100, Math.floor((done / total) * 100));
      if (pct === last) return;
      last = pct;
      const filled = Math.round((pct / 100) * width);
      io.err(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}%`);
    },
    finish() {
      if (io.interactive && last >= 0) io.err('\n');
    },
  };
}

/**
 * A bar for a service's `onProgress(done, total)`: drawn from the first report, since a service knows
 * its total only once it has read its input. `finish` ends it, if it was ever drawn.
 */
export function progressListener(io: CliIo, label: string) {
  let bar: ReturnType<typeof progressBar> | undefined;
  return {
    onProgress(done: number, total: number) {
      bar ??= progressBar(io, label, total);
      bar.update(done);
    },
    finish() {
      bar?.finish();
    },
  };
}
