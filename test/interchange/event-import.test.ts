import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrackTwoError } from '../../src/domain/errors.js';
import { readAcled } from '../../src/interchange/acled.js';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import * as actors from '../../src/services/actors/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import {
  conflictContext,
  deleteEventAlias,
  importAcled,
  importUcdp,
  listUnmatchedNames,
  listViolenceEvents,
  putEventAlias,
} from '../../src/services/events/index.js';
import { forEachEngine } from '../support/databases.js';
import { createTestConflict, createTestWorkspace, tablesSnapshot } from '../support/records.js';

const fixtures = join(import.meta.dirname, '../fixtures/events');
const fixture = (name: string) => join(fixtures, name);
const text = (name: string) => readFileSync(fixture(name), 'utf8');
const eventTables = ['violence_events', 'violence_event_actors', 'event_actor_aliases', 'audit_log'] as const;

async function rejection(run: () => Promise<unknown>): Promise<TrackTwoError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TrackTwoError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

/** The stored events, as comparable text (ids and import times aside). */
async function stateOf(ctx: ServiceContext, conflictId: string) {
  const page = await listViolenceEvents(ctx, conflictId, {}, { limit: 500, offset: 0 });
  return page.items.map((e) => ({
    source_id: e.source_id,
    date: e.date,
    fatalities: e.fatalities,
    revision: e.revision,
    names: e.actor_names.map((a) => `${a.side}:${a.name}`),
  }));
}

/** Replaces one field of one data row of a CSV fixture (quoted fields kept). */
function withField(csv: string, row: number, column: string, value: string): string {
  const lines = csv.split('\n');
  const header = lines[0].split(',');
  const index = header.indexOf(column);
  const fields = lines[row - 1].match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ''));
  if (index >= 0) fields[index] = value;
  lines[row - 1] = fields.slice(0, header.length).join(',');
  return lines.join('\n');
}

describe('the ACLED parser', () => {
  it('reads the real-shaped export by row, with its actors and ACLED date forms', async () => {
    const events = [];
    for await (const event of readAcled(createReadStream(fixture('acled-somalia-2024.csv'))))
      events.push(event);
    expect(events).toHaveLength(12);
    expect(events[2]).toMatchObject({
      row: 4,
      source_id: 'SOM51255',
      event_date: '2024-01-15',
      date_precision: 'day',
      violence_type: 'Political violence',
      admin1: 'Hiraan',
      fatalities: 11,
      actors: [
        { name: 'Military Forces of Somalia (2022-)', side: '1' },
        { name: 'Military Forces of the United States (2021-)', side: '1' },
        { name: 'ATMIS: African Union Transition Mission in Somalia (2022-)', side: '1' },
        { name: 'Al Shabaab', side: '2' },
      ],
    });
    expect(events[9].date_precision).toBe('month');
    const spelled = withField(text('acled-somalia-2024.csv'), 2, 'event_date', '04 January 2024');
    for await (const event of readAcled(spelled)) {
      expect(event.event_date).toBe('2024-01-04');
      break;
    }
  });
});

forEachEngine('event data import', (getDb, engine) => {
  const keys = createVaultKeys(randomBytes(32));
  const system = (): ServiceContext => ({
    db: getDb(),
    dialect: engine.dialect,
    keys,
    auth: systemAuth('test'),
  });
  let count = 0;
  async function somalia() {
    const workspace = await createTestWorkspace(system(), `Somalia ${++count}`);
    const conflict = await createTestConflict(system(), workspace.id, 'Somalia 2022-');
    const actor = (role: 'armed_group_representative' | 'state_official') =>
      actors.createActor(system(), {
        workspace_id: workspace.id,
        conflict_id: conflict.id,
        kind: 'organisation',
        role,
        track: '1',
        gender: null,
        region: null,
        groups: [],
      });
    return {
      workspaceId: workspace.id,
      conflictId: conflict.id,
      shabaab: await actor('armed_group_representative'),
      army: await actor('state_official'),
    };
  }

  it('imports the ACLED file, then a revision with changed and deleted rows leaves exactly the new state', async () => {
    const { conflictId } = await somalia();
    const first = await importAcled(
      system(),
      conflictId,
      createReadStream(fixture('acled-somalia-2024.csv')),
    );
    expect(first).toMatchObject({
      source: 'acled',
      rows: 12,
      added: 12,
      revised: 0,
      unchanged: 0,
      deleted: 0,
    });
    expect(first.unmatched_names).toContain('Al Shabaab');
    expect((await stateOf(system(), conflictId)).map((e) => e.source_id)).toHaveLength(12);

    const second = await importAcled(
      system(),
      conflictId,
      createReadStream(fixture('acled-somalia-2024-revised.csv')),
      {
        deletions: createReadStream(fixture('acled-deletions.csv')),
      },
    );
    // SOM51240 and SOM51302 revised, SOM51433 new, SOM51330 deleted (SOM40000 of the deletions was never here).
    expect(second).toMatchObject({ rows: 12, added: 1, revised: 2, unchanged: 9, deleted: 1 });

    // The state is that of a fresh import of the revised file.
    const { conflictId: fresh } = await somalia();
    await importAcled(system(), fresh, createReadStream(fixture('acled-somalia-2024-revised.csv')));
    const state = await stateOf(system(), conflictId);
    expect(state).toEqual(await stateOf(system(), fresh));
    expect(state.map((e) => e.source_id)).not.toContain('SOM51330');
    expect(state.find((e) => e.source_id === 'SOM51240')).toMatchObject({
      fatalities: 7,
      revision: '1714435200',
    });
    expect(state.find((e) => e.source_id === 'SOM51302')?.names).toEqual([
      '1:Habar Gidir-Saleebaan Clan Militia (Somalia)',
      '2:Dir-Surre Clan Militia (Somalia)',
    ]);

    // The same file again changes nothing.
    const again = await importAcled(system(), conflictId, text('acled-somalia-2024-revised.csv'));
    expect(again).toMatchObject({ added: 0, revised: 0, unchanged: 12, deleted: 0 });
  });

  it('imports the UCDP GED file and upserts by id', async () => {
    const { conflictId } = await somalia();
    const first = await importUcdp(
      system(),
      conflictId,
      createReadStream(fixture('ucdp-ged-somalia-2023.csv')),
    );
    expect(first).toMatchObject({ source: 'ucdp', rows: 6, added: 6 });
    expect(first.unmatched_names).toEqual([
      'Al-Shabaab',
      'Civilians',
      'Dir',
      'Government of Somalia',
      'Hawiye',
    ]);
    const revised = withField(text('ucdp-ged-somalia-2023.csv'), 3, 'best', '22');
    const second = await importUcdp(system(), conflictId, revised);
    expect(second).toMatchObject({ added: 0, revised: 1, unchanged: 5 });
    const events = await listViolenceEvents(system(), conflictId, {}, { limit: 50, offset: 0 });
    expect(events.items.find((e) => e.source_id === '489230')).toMatchObject({
      source: 'ucdp',
      date: '2023-08-26',
      fatalities: 22,
      violence_type: 'State-based conflict',
      admin1: 'Galguduud region',
      date_precision: 'week',
    });
  });

  for (const [name, file, row, column, value, code] of [
    ['a missing column', 'acled', 1, 'fatalities', null, 'TT_ERR_CSV_MISSING_COLUMN'],
    ['a bad date', 'acled', 9, 'event_date', '2024-02-30', 'TT_ERR_CSV_BAD_VALUE'],
    ['a negative fatality count', 'acled', 13, 'fatalities', '-2', 'TT_ERR_CSV_BAD_VALUE'],
    ['a latitude out of range', 'acled', 5, 'latitude', '95.2', 'TT_ERR_CSV_BAD_VALUE'],
    ['a bad UCDP date', 'ucdp', 4, 'date_start', '2023-13-01 00:00:00.000', 'TT_ERR_CSV_BAD_VALUE'],
    ['a negative UCDP count', 'ucdp', 7, 'deaths_civilians', '-1', 'TT_ERR_CSV_BAD_VALUE'],
  ] as const) {
    it(`names ${name} by row and column and writes nothing`, async () => {
      const { conflictId } = await somalia();
      await importAcled(system(), conflictId, text('acled-somalia-2024.csv'));
      const before = await tablesSnapshot(getDb(), [...eventTables]);
      const source = file === 'acled' ? 'acled-somalia-2024-revised.csv' : 'ucdp-ged-somalia-2023.csv';
      const csv =
        value === null
          ? text(source).replace(/,fatalities,/, ',deaths,')
          : withField(text(source), row, column, value);
      const error = await rejection(() =>
        file === 'acled'
          ? importAcled(system(), conflictId, csv, { deletions: text('acled-deletions.csv') })
          : importUcdp(system(), conflictId, csv),
      );
      expect(error.code).toBe(code);
      expect(error.details).toMatchObject({ row, column });
      expect(await tablesSnapshot(getDb(), [...eventTables])).toBe(before);
    });
  }

  it('refuses a file naming an event twice, and a deletions file without its column', async () => {
    const { conflictId } = await somalia();
    const csv = text('acled-somalia-2024.csv');
    const twice = csv + csv.split('\n')[1] + '\n';
    const error = await rejection(() => importAcled(system(), conflictId, twice));
    expect(error.details).toMatchObject({ row: 14, column: 'event_id_cnty' });
    const deletions = await rejection(() =>
      importAcled(system(), conflictId, csv, { deletions: 'id\nSOM51330\n' }),
    );
    expect(deletions.code).toBe('TT_ERR_CSV_MISSING_COLUMN');
    expect((await stateOf(system(), conflictId)).length).toBe(0);
  });

  it('matches names through the alias list only, lists the others, and filters by period and area', async () => {
    const { conflictId, shabaab, army } = await somalia();
    await importAcled(system(), conflictId, text('acled-somalia-2024.csv'));
    await putEventAlias(system(), conflictId, { name: 'Al Shabaab', actor_id: shabaab.id });
    await putEventAlias(system(), conflictId, {
      name: 'Military Forces of Somalia (2022-)',
      actor_id: army.id,
    });
    const banadir = await listViolenceEvents(
      system(),
      conflictId,
      { area: 'Banadir', from: '2024-01-05' },
      { limit: 50, offset: 0 },
    );
    expect(banadir.items.map((e) => e.source_id)).toEqual(['SOM51240', 'SOM51330', 'SOM51366']);
    expect(banadir.items[0].actors).toEqual([shabaab.id]);
    const clash = (
      await listViolenceEvents(system(), conflictId, { to: '2024-01-04' }, { limit: 50, offset: 0 })
    ).items[0];
    expect(clash.actors).toEqual([shabaab.id, army.id]);
    const unmatched = (await listUnmatchedNames(system(), conflictId)).map((u) => u.name);
    expect(unmatched).toContain('Civilians (Somalia)');
    expect(unmatched).not.toContain('Al Shabaab');
    // A near spelling is not guessed.
    expect(unmatched).toContain("Ma'awisley Militia");
    await deleteEventAlias(system(), conflictId, 'Al Shabaab');
    expect((await listUnmatchedNames(system(), conflictId)).map((u) => u.name)).toContain('Al Shabaab');
    const other = await somalia();
    const refused = await rejection(() =>
      putEventAlias(system(), conflictId, { name: 'X', actor_id: other.army.id }),
    );
    expect(refused.code).toBe('TT_ERR_VALIDATION');
  });

  it('answers the context: fatalities per month, area and violence type', async () => {
    const { conflictId } = await somalia();
    await importAcled(system(), conflictId, text('acled-somalia-2024.csv'));
    await importUcdp(system(), conflictId, text('ucdp-ged-somalia-2023.csv'));
    const context = await conflictContext(system(), conflictId, { from: '2024-01-01' });
    expect(context.months).toEqual(['2024-01', '2024-02', '2024-03', '2024-04']);
    expect(context.cells.find((c) => c.month === '2024-01' && c.admin1 === 'Banadir')).toEqual({
      month: '2024-01',
      admin1: 'Banadir',
      violence_type: 'Political violence',
      events: 2,
      fatalities: 8,
    });
    expect(context.totals).toEqual({ events: 12, fatalities: 50 });
    const all = await conflictContext(system(), conflictId, {});
    expect(all.violence_types).toEqual([
      'Demonstrations',
      'Non-state conflict',
      'One-sided violence',
      'Political violence',
      'State-based conflict',
      'Strategic developments',
    ]);
    expect(all.areas).toContain('Galguduud region');
  });
});
