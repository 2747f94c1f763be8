import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { enginesToRun, openTestDatabase, type TestDatabase } from '../support/databases.js';

async function run(env: Record<string, string>, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const io = captureIo();
    const code = await main(['node', 'tracktwo', ...args], io);
    return { code, out: io.stdout, err: io.stderr };
  } finally {
    process.env = saved;
  }
}

const [first, second] = [enginesToRun()[0], enginesToRun().at(-1)!];

describe(`tracktwo backup, restore and keys (${first} to ${second})`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'tt-backup-cli-'));
  const env = { TRACKTWO_MASTER_KEY: randomBytes(32).toString('base64') };
  let source: TestDatabase;
  let target: TestDatabase;
  beforeAll(async () => {
    source = await openTestDatabase(first);
    target = await openTestDatabase(second);
  });
  afterAll(async () => {
    await source?.dispose();
    await target?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs the demo up into a new 0600 file, restores it onto the other engine, and the chain verifies', async () => {
    expect((await run(env, 'demo', 'load', '--database', source.url)).code).toBe(0);
    const file = join(dir, 'demo.ttbackup');
    const made = await run(env, 'backup', file, '--database', source.url);
    expect(made, made.err).toMatchObject({ code: 0 });
    expect(made.out).toMatch(/Backup written to .* rows of \d+ tables/);
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const again = await run(env, 'backup', file, '--database', source.url);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/TT_ERR_FILE_EXISTS/);

    const otherKey = await run(
      { TRACKTWO_MASTER_KEY: randomBytes(32).toString('base64') },
      'restore',
      file,
      '--database',
      target.url,
    );
    expect(otherKey.err).toMatch(/TT_ERR_BACKUP_UNREADABLE/);

    const restored = await run(env, 'restore', file, '--database', target.url);
    expect(restored, restored.err).toMatchObject({ code: 0 });
    expect(restored.out).toMatch(/the audit chain of \d+ rows verifies/);
    expect((await run(env, 'audit', 'verify', '--database', target.url)).out).toMatch(/^OK/);

    const twice = await run(env, 'restore', file, '--database', target.url);
    expect(twice.err).toMatch(/TT_ERR_RESTORE_TARGET_NOT_EMPTY/);
  });

  it('splits the master key 3 of 5, and any three shares recover the same key file', async () => {
    const split = await run(env, 'keys', 'split', '--shares', '5', '--threshold', '3');
    expect(split.code).toBe(0);
    const shares = split.out.split('\n').filter((line) => line.startsWith('tt-share-1-'));
    expect(shares).toHaveLength(5);
    const sharesFile = join(dir, 'three-shares.txt');
    writeFileSync(sharesFile, [shares[4], shares[0], shares[2]].join('\n'));
    const out = join(dir, 'recovered.key');
    const combined = await run({}, 'keys', 'combine', sharesFile, '--out', out);
    expect(combined, combined.err).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8').trim()).toBe(env.TRACKTWO_MASTER_KEY);
    expect(statSync(out).mode & 0o777).toBe(0o600);

    writeFileSync(sharesFile, [shares[1], shares[3]].join('\n'));
    const tooFew = await run({}, 'keys', 'combine', sharesFile, '--out', join(dir, 'never.key'));
    expect(tooFew.code).toBe(2);
    expect(tooFew.err).toMatch(/TT_ERR_KEY_SHARES_MISMATCH/);
  });
});
