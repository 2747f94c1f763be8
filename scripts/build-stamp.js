// When the compiled server and command line in dist/src are current: dist/src/.build-stamp is dated when
// its compile started (scripts/build.js), and the build is fresh while no source is newer than that.
// Sources: every file and directory under src/ (a directory's time changes when a file is added, removed
// or renamed in it) except tests, and the two tsconfig files. About 250 stat calls, a few milliseconds.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = join('dist', 'src', '.build-stamp');

function newestUnder(dir, newest) {
  let latest = Math.max(newest, statSync(dir).mtimeMs);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) latest = newestUnder(path, latest);
    else if (!entry.name.endsWith('.test.ts')) latest = Math.max(latest, statSync(path).mtimeMs);
  }
  return latest;
}

/** The newest modification time (ms) of the sources of the build under `root`; 0 when there are none. */
export function newestSourceTime(root) {
  let latest = 0;
  for (const file of ['tsconfig.json', 'tsconfig.build.json']) {
    try {
      latest = Math.max(latest, statSync(join(root, file)).mtimeMs);
    } catch {
      // not in an installed package
    }
  }
  try {
    return newestUnder(join(root, 'src'), latest);
  } catch {
    return latest; // no src/: an installed package runs what it ships
  }
}

/** True when dist/src under `root` was compiled from the sources as they are now. */
export function isBuildFresh(root) {
  let built;
  try {
    built = statSync(join(root, STAMP)).mtimeMs;
  } catch {
    return false;
  }
  return newestSourceTime(root) <= built;
}
