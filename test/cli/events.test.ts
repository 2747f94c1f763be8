import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

const fixtures = join(import.meta.dirname, '../fixtures/events');

describe('tracktwo import acled|ucdp and events list', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tt-events-cli-'));
  const database = `sqlite:${join(dir, 'cli.db')}`;
  const saved = process.env.TRACKTWO_MASTER_KEY;
  let conflictId = '';
  const run = async (...args: string[]) => {
    const io = captureIo();
    const code = await main(['node', 'tracktwo', ...args, '--database', database], io);
    return { code, ...io };
  };
  const list = async (...args: string[]) => {
    const result = await run('events', 'list', conflictId, '--format', 'json', ...args);
    expect(result.code).toBe(0);
    return result.stdout
      .trim()
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = randomBytes(32).toString('base64');
    const loaded = await run('demo', 'load');
    expect(loaded.code).toBe(0);
    conflictId = /conflict: (\S+)/.exec(loaded.stdout)?.[1] ?? '';
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TRACKTWO_MASTER_KEY;
    else process.env.TRACKTWO_MASTER_KEY = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports ACLED and UCDP files and lists one JSON object per event', async () => {
    const acled = await run(
      'import',
      'acled',
      join(fixtures, 'acled-somalia-2024.csv'),
      '--conflict',
      conflictId,
    );
    expect(acled.code).toBe(0);
    expect(acled.stdout).toContain('Imported 12 ACLED rows: 12 added, 0 revised, 0 unchanged, 0 deleted.');
    expect(acled.stdout).toContain('Al Shabaab');
    const ucdp = await run(
      'import',
      'ucdp',
      join(fixtures, 'ucdp-ged-somalia-2023.csv'),
      '--conflict',
      conflictId,
    );
    expect(ucdp.code).toBe(0);
    const events = await list();
    expect(events).toHaveLength(18);
    expect(events[0]).toMatchObject({
      source: 'ucdp',
      source_id: '489211',
      date: '2023-08-22',
      event_type: 'State-based conflict',
      fatalities: 4,
      admin1: 'Banaadir region',
      actors: [],
    });
    expect(Object.keys(events[0])).toEqual(
      expect.arrayContaining(['source', 'source_id', 'date', 'event_type', 'fatalities', 'admin1', 'actors']),
    );
    const q1 = await list('--from', '2024-01-01', '--to', '2024-01-31');
    expect(q1.map((e) => e.source_id)).toEqual(['SOM51234', 'SOM51240', 'SOM51255', 'SOM51261']);
  });

  it('re-imports with --deletions, and refuses a bad row with its row and column, changing nothing', async () => {
    const again = await run(
      'import',
      'acled',
      join(fixtures, 'acled-somalia-2024-revised.csv'),
      '--conflict',
      conflictId,
      '--deletions',
      join(fixtures, 'acled-deletions.csv'),
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('1 added, 2 revised, 9 unchanged, 1 deleted');
    const before = await list();
    const bad = readFileSync(join(fixtures, 'acled-somalia-2024.csv'), 'utf8').replace(
      'SOM51255,2024-01-15',
      'SOM51255,2024-01-32',
    );
    writeFileSync(join(dir, 'bad.csv'), bad);
    const refused = await run('import', 'acled', join(dir, 'bad.csv'), '--conflict', conflictId);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('TT_ERR_CSV_BAD_VALUE');
    expect(refused.stderr).toContain('row 4, column "event_date"');
    expect(await list()).toEqual(before);
    const missing = await run('import', 'ucdp', join(dir, 'nothing.csv'), '--conflict', conflictId);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('TT_ERR_FILE_NOT_FOUND');
    const badDate = await run('events', 'list', conflictId, '--from', '2024-13-01');
    expect(badDate.code).not.toBe(0);
  });
});
