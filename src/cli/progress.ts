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
