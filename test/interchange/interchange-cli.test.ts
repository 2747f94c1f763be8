import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

describe('tracktwo import/export/demo commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tt-interchange-'));
  const database = `sqlite:${join(dir, 'cli.db')}`;
  const saved = process.env.TRACKTWO_MASTER_KEY;
  let conflictId = '';
  let initiativeId = '';
  const run = async (...args: string[]) => {
    const io = captureIo();
    const code = await main(['node', 'tracktwo', ...args, '--database', database], io);
    return { code, ...io };
  };
  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = randomBytes(32).toString('base64');
    const loaded = await run('demo', 'load');
    expect(loaded.code).toBe(0);
    conflictId = /conflict: (\S+)/.exec(loaded.stdout)?.[1] ?? '';
    initiativeId = /initiatives: ([^,]+),/.exec(loaded.stdout)?.[1] ?? '';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TRACKTWO_MASTER_KEY;
    else process.env.TRACKTWO_MASTER_KEY = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports the research file and the Kumu files', async () => {
    const research = await run('export', 'research', initiativeId, '--out', join(dir, 'research.json'));
    expect(research.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'research.json'), 'utf8')).format).toBe('tracktwo.research');
    expect((await run('export', 'kumu', conflictId, '--out-dir', dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'elements.csv'), 'utf8')).toMatch(/^Label,Type,Description,Tags/);
  });

  it('rejects a bad Kumu row with its number and a non-zero exit', async () => {
    writeFileSync(join(dir, 'e.csv'), 'Label,Type,Role,Track\nNew person,Person,elder,3\n');
    writeFileSync(join(dir, 'c.csv'), 'From,To,Type,Strength\nNew person,Nobody,knows,2\n');
    const result = await run('import', 'kumu', conflictId, join(dir, 'e.csv'), join(dir, 'c.csv'));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('TT_ERR_IMPORT_REJECTED');
    expect(result.stderr).toContain('row 2, column "To"');
  });

  it('refuses a research export with k below 5', async () => {
    const result = await run('export', 'research', initiativeId, '--k', '3');
    expect(result.code).not.toBe(0);
  });
});
