import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import type { ServiceContext } from '../../src/services/context.js';
import { createDialogue } from '../../src/services/dialogues/index.js';
import { forEachEngine } from '../support/databases.js';
import { createTestConflict, createTestInitiative, createTestWorkspace } from '../support/records.js';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo dialogue translations and statements add --language', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const saved = { key: process.env.TRACKTWO_MASTER_KEY, token: process.env.TRACKTWO_TOKEN };
  let D = '';
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());

  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    delete process.env.TRACKTWO_TOKEN;
    const system: ServiceContext = {
      db: getDb(),
      dialect: engine.dialect,
      keys: createVaultKeys(masterKey),
      auth: systemAuth('cli fixture'),
    };
    const W = (await createTestWorkspace(system, 'CLI translations')).id;
    const C = (await createTestConflict(system, W, 'Valley', { name: 'Side', groups: ['A', 'B'] })).id;
    const I = (await createTestInitiative(system, W, C, 'Valley talks')).id;
    D = (
      await createDialogue(system, I, {
        meeting_id: null,
        divide_id: null,
        prompt: 'Water?',
        strict_moderation: false,
        hide_authors: false,
        seed: 0,
        statements: [],
        languages: ['ar', 'he'],
      })
    ).id;
  });
  afterAll(() => {
    process.env.TRACKTWO_MASTER_KEY = saved.key;
    if (saved.token === undefined) delete process.env.TRACKTWO_TOKEN;
    else process.env.TRACKTWO_TOKEN = saved.token;
  });

  it('adds a statement in Arabic, lists it as missing Hebrew, translates, exports and removes', async () => {
    const added = await cli(
      'dialogue',
      'statements',
      'add',
      '--dialogue',
      D,
      '--text',
      'نتقاسم الآبار',
      '--language',
      'ar',
    );
    expect(added.code, added.err).toBe(0);
    expect(added.out).toMatch(/#0, ar\)/);
    const listed = await cli(
      'dialogue',
      'translations',
      'list',
      '--dialogue',
      D,
      '--missing',
      'he',
      '--format',
      'json',
    );
    expect(listed.code, listed.err).toBe(0);
    const [item] = JSON.parse(listed.out).items;
    expect(item).toMatchObject({ text: 'نتقاسم الآبار', language: 'ar', missing: ['he'] });
    const set = await cli(
      'dialogue',
      'translations',
      'set',
      '--dialogue',
      D,
      '--statement',
      item.statement_id,
      '--language',
      'he',
      '--text',
      'נחלוק את הבארות',
    );
    expect(set.code, set.err).toBe(0);
    const after = await cli(
      'dialogue',
      'translations',
      'list',
      '--dialogue',
      D,
      '--missing',
      'he',
      '--format',
      'json',
    );
    expect(JSON.parse(after.out).items).toEqual([]);
    const out = join(mkdtempSync(join(tmpdir(), 'tt-tr-')), 'comment-translations.csv');
    const exported = await cli('dialogue', 'translations', 'export', '--dialogue', D, '--out', out);
    expect(exported.code, exported.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('0,ar,he,human,נחלוק את הבארות');
    const removed = await cli(
      'dialogue',
      'translations',
      'remove',
      '--dialogue',
      D,
      '--statement',
      item.statement_id,
      '--language',
      'he',
    );
    expect(removed.code, removed.err).toBe(0);
    const again = await cli(
      'dialogue',
      'translations',
      'list',
      '--dialogue',
      D,
      '--missing',
      'he',
      '--format',
      'json',
    );
    expect(JSON.parse(again.out).items).toHaveLength(1);
  });

  it('refuses a bad language with a coded error and writes nothing', async () => {
    const bad = await cli(
      'dialogue',
      'statements',
      'add',
      '--dialogue',
      D,
      '--text',
      'Bonjour',
      '--language',
      'fr',
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('TT_ERR_TRANSLATION_LANGUAGE');
    const malformed = await cli('dialogue', 'translations', 'list', '--dialogue', D, '--missing', 'HE!');
    expect(malformed.code).not.toBe(0);
    expect(malformed.err).toContain('TT_ERR_VALIDATION');
    const listed = await cli('dialogue', 'translations', 'list', '--dialogue', D, '--format', 'json');
    expect(JSON.parse(listed.out).items).toHaveLength(1);
  });
});
