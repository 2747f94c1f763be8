import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findChromium, onPath } from './chromium.js';

/** The lookup order of the browser tests' Chromium, on fake executables in a temp dir. */

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tt-chromium-'));
  dirs.push(dir);
  return dir;
}

function executable(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '#!/bin/sh\nexit 0\n');
  chmodSync(path, 0o755);
  return path;
}

/** A cache that already holds the packaged Chromium of the installed version (no decompression). */
function filledCache(): { cacheRoot: string; path: string } {
  const cacheRoot = tempDir();
  const require = createRequire(import.meta.url);
  let dir = dirname(require.resolve('@sparticuz/chromium'));
  while (!dir.endsWith(join('@sparticuz', 'chromium'))) dir = dirname(dir);
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
  return { cacheRoot, path: executable(join(cacheRoot, `sparticuz-chromium-${version}`, 'chromium')) };
}

describe('findChromium', () => {
  it('takes TRACKTWO_CHROMIUM first, even when /usr/bin/chromium and the PATH have one', async () => {
    const dir = tempDir();
    const chosen = executable(join(dir, 'my-chromium'));
    const system = executable(join(dir, 'system', 'chromium'));
    const found = await findChromium(
      { TRACKTWO_CHROMIUM: chosen, PATH: join(dir, 'system') },
      { systemPath: system },
    );
    expect(found).toEqual({ executablePath: chosen, source: 'TRACKTWO_CHROMIUM' });
  });

  it('refuses a TRACKTWO_CHROMIUM that is not an executable file instead of looking elsewhere', async () => {
    const dir = tempDir();
    const plain = join(dir, 'not-executable');
    writeFileSync(plain, '');
    const system = executable(join(dir, 'chromium'));
    await expect(findChromium({ TRACKTWO_CHROMIUM: plain }, { systemPath: system })).rejects.toThrow(
      `TRACKTWO_CHROMIUM=${plain} is not an executable file`,
    );
  });

  it('prefers /usr/bin/chromium to the PATH, and the PATH (chromium, then chromium-browser) to the package', async () => {
    const dir = tempDir();
    const system = executable(join(dir, 'usr-bin', 'chromium'));
    const browserOnPath = executable(join(dir, 'bin', 'chromium-browser'));
    const { cacheRoot } = filledCache();
    const env = { PATH: join(dir, 'bin') };
    expect(await findChromium(env, { systemPath: system, cacheRoot })).toEqual({
      executablePath: system,
      source: '/usr/bin/chromium',
    });
    const absent = join(dir, 'absent', 'chromium');
    expect(await findChromium(env, { systemPath: absent, cacheRoot })).toEqual({
      executablePath: browserOnPath,
      source: 'PATH',
    });
    const plainChromium = executable(join(dir, 'later-bin', 'chromium'));
    expect(onPath(['chromium', 'chromium-browser'], `${join(dir, 'bin')}:${join(dir, 'later-bin')}`)).toBe(
      plainChromium,
    );
  });

  it('falls back to the packaged Chromium, and TRACKTWO_CHROMIUM=bundled goes straight to it', async () => {
    const dir = tempDir();
    const { cacheRoot, path } = filledCache();
    const system = executable(join(dir, 'chromium'));
    expect(await findChromium({ PATH: '' }, { systemPath: join(dir, 'absent'), cacheRoot })).toEqual({
      executablePath: path,
      source: 'bundled',
    });
    expect(
      await findChromium({ TRACKTWO_CHROMIUM: 'bundled', PATH: dir }, { systemPath: system, cacheRoot }),
    ).toEqual({ executablePath: path, source: 'bundled' });
  });
});
