import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, resolve } from 'node:path';

/**
 * Which Chromium the browser tests drive, in this order:
 *   1. TRACKTWO_CHROMIUM: a path to the executable, or `bundled` for the packaged one only;
 *   2. /usr/bin/chromium (Debian's `apt-get install chromium`, what CI installs);
 *   3. `chromium` or `chromium-browser` on the PATH;
 *   4. the Chromium shipped in the npm package @sparticuz/chromium (a devDependency), decompressed once.
 * The first one found is used; it is not silently replaced by the next when it fails to start.
 */

export type ChromiumSource = 'TRACKTWO_CHROMIUM' | '/usr/bin/chromium' | 'PATH' | 'bundled';

export interface FoundChromium {
  executablePath: string;
  source: ChromiumSource;
}

/** Flags for a headless Chromium as root in a container, with nothing that phones home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_HELP =
  'install one (apt-get install chromium) or set TRACKTWO_CHROMIUM to a Chromium executable ' +
  '(TRACKTWO_CHROMIUM=bundled: the one of the npm package @sparticuz/chromium)';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` that is an executable file in one of the PATH's directories. */
export function onPath(names: string[], path = process.env.PATH ?? ''): string | undefined {
  const dirs = path.split(delimiter).filter(Boolean);
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * The packaged Chromium, decompressed (about 1.7 s) into a directory of its own under node_modules/.cache,
 * keyed by the package's version. The package decompresses into os.tmpdir() and reuses whatever it finds
 * there, even a file half-written by a run that was stopped; so it writes into a fresh staging directory
 * (TMPDIR pointed there for the call) which is then renamed into place in one step.
 */
export async function bundledChromium(cacheRoot = defaultCacheRoot()): Promise<string> {
  const packageDir = packageRoot(createRequire(import.meta.url).resolve('@sparticuz/chromium'));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const target = join(cacheRoot, `sparticuz-chromium-${version}`);
  const executable = join(target, 'chromium');
  if (existsSync(executable)) return executable;
  mkdirSync(cacheRoot, { recursive: true });
  const staging = mkdtempSync(`${target}.partial-`);
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    const { default: packaged } = (await import('@sparticuz/chromium')) as {
      default: { executablePath(input?: string): Promise<string> };
    };
    const written = await packaged.executablePath(join(packageDir, 'bin'));
    if (resolve(written) !== join(staging, 'chromium')) {
      throw new Error(`@sparticuz/chromium wrote ${written}, expected it in ${staging}`);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    // Another run got there first: use its copy.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(executable)) throw error;
  }
  return executable;
}

/** The directory of the package.json nearest above `file` (the package does not export its package.json). */
function packageRoot(file: string): string {
  let dir = dirname(file);
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${file}`);
    dir = parent;
  }
  return dir;
}

function defaultCacheRoot(): string {
  return resolve(import.meta.dirname, '../../node_modules/.cache/tracktwo');
}

/** Finds the Chromium to use (see the order above); throws with one line when there is none. */
export async function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  options: { systemPath?: string; cacheRoot?: string } = {},
): Promise<FoundChromium> {
  const wanted = env.TRACKTWO_CHROMIUM?.trim();
  if (wanted === 'bundled') {
    return { executablePath: await bundledChromium(options.cacheRoot), source: 'bundled' };
  }
  if (wanted) {
    if (!isExecutable(wanted)) {
      throw new Error(`TRACKTWO_CHROMIUM=${wanted} is not an executable file`);
    }
    return { executablePath: wanted, source: 'TRACKTWO_CHROMIUM' };
  }
  const system = options.systemPath ?? SYSTEM_CHROMIUM;
  if (isExecutable(system)) return { executablePath: system, source: '/usr/bin/chromium' };
  const fromPath = onPath(['chromium', 'chromium-browser'], env.PATH);
  if (fromPath) return { executablePath: fromPath, source: 'PATH' };
  return { executablePath: await bundledChromium(options.cacheRoot), source: 'bundled' };
}
