/**
 * ACLED import at the scale of a whole country over years (issue #15): writes a 200,000-row ACLED-shaped
 * file (31 columns, Somalia's admin areas, realistic actor names and notes), imports it into a fresh
 * database, then re-imports a copy with 1% of the rows revised (new timestamp and counts). Each engine runs
 * in its own process, so its peak RSS is its own:
 *
 *   npx tsx bench/events/acled-import.ts                  # both engines, one after the other
 *   npx tsx bench/events/acled-import.ts --engine sqlite  # one engine (what the parent spawns)
 *
 * PostgreSQL: TRACKTWO_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
 * database tt_bench_<random> is made and dropped.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importAcled } from '../../src/services/events/index.js';
import { createDatabase, migrateToLatest } from '../../src/store/database.js';
import { createTestConflict, createTestWorkspace } from '../../test/support/records.js';

const ROWS = 200_000;
const HEADER =
  'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp';
const areas = [
  ['Banadir', 'Mogadishu', 2.04, 45.34],
  ['Lower Shabelle', 'Afgooye', 2.14, 45.12],
  ['Lower Shabelle', 'Marka', 1.72, 44.77],
  ['Hiraan', 'Beledweyne', 4.74, 45.2],
  ['Middle Shabelle', 'Jowhar', 2.78, 45.5],
  ['Galgaduud', 'Cabudwaaq', 6.23, 46.23],
  ['Bay', 'Baidoa', 3.11, 43.65],
  ['Middle Juba', 'Jilib', 0.49, 42.79],
  ['Gedo', 'Luuq', 3.8, 42.54],
  ['Mudug', 'Gaalkacyo', 6.77, 47.43],
] as const;
const types = [
  ['Political violence', 'Battles', 'Armed clash'],
  ['Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
  ['Political violence', 'Violence against civilians', 'Attack'],
  ['Demonstrations', 'Protests', 'Peaceful protest'],
  ['Strategic developments', 'Strategic developments', 'Looting/property destruction'],
] as const;
const actors = [
  'Al Shabaab',
  'Military Forces of Somalia (2022-)',
  'ATMIS: African Union Transition Mission in Somalia (2022-)',
  'Civilians (Somalia)',
  'Dir-Surre Clan Militia (Somalia)',
  'Habar Gidir-Saleebaan Clan Militia (Somalia)',
  'Macawisley Militia',
  'Protesters (Somalia)',
];

/** A seeded generator (mulberry32): the same file every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function writeFile(path: string, revised: boolean): Promise<void> {
  const next = random(7);
  const revise = random(11);
  const out = createWriteStream(path);
  out.write(HEADER + '\n');
  const start = Date.UTC(2010, 0, 1);
  for (let i = 0; i < ROWS; i++) {
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const [admin1, admin2, lat, lon] = pick(areas);
    const [disorder, type, sub] = pick(types);
    const day = new Date(start + Math.floor((i / ROWS) * 5400) * 86_400_000).toISOString().slice(0, 10);
    let fatalities = Math.floor(next() * next() * 12);
    let timestamp = 1_600_000_000 + i;
    const a1 = pick(actors);
    const a2 = pick(actors);
    if (revised && revise() < 0.01) {
      fatalities += 1;
      timestamp += 50_000_000;
    }
    const notes = `"On ${day}, ${a1} clashed with ${a2} near ${admin2} (${admin1}). ${fatalities} fatalities were reported, ""according to local sources""."`;
    const row = [
      `SOM${100000 + i}`,
      day,
      day.slice(0, 4),
      1,
      disorder,
      type,
      sub,
      `"${a1}"`,
      '',
      2,
      `"${a2}"`,
      '',
      1,
      12,
      '',
      706,
      'Eastern Africa',
      'Somalia',
      admin1,
      admin2,
      admin2,
      admin2,
      (lat + next() * 0.2).toFixed(4),
      (lon + next() * 0.2).toFixed(4),
      1,
      'Radio Shabelle; Garowe Online',
      'National',
      notes,
      fatalities,
      '',
      timestamp,
    ].join(',');
    if (!out.write(row + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function runEngine(engine: 'sqlite' | 'postgres', dir: string): Promise<void> {
  const base = process.env.TRACKTWO_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `tt_bench_${randomBytes(4).toString('hex')}`;
  let url = `sqlite:${join(dir, 'bench.db')}`;
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    url = base.replace(/\/[^/]*$/, `/${name}`);
  }
  const store = createDatabase(url);
  try {
    await migrateToLatest(store.db);
    const ctx: ServiceContext = {
      db: store.db,
      dialect: engine,
      keys: createVaultKeys(randomBytes(32)),
      auth: systemAuth('bench'),
    };
    const workspace = await createTestWorkspace(ctx, 'Bench');
    const conflict = await createTestConflict(ctx, workspace.id, 'Somalia');
    const timed = async (file: string) => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const result = await importAcled(
        ctx,
        conflict.id,
        createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 }),
      );
      const used = process.cpuUsage(cpu);
      return {
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: (used.user + used.system) / 1e6,
        result,
        rssMb: process.resourceUsage().maxRSS / 1024,
      };
    };
    const first = await timed(join(dir, 'acled.csv'));
    const second = await timed(join(dir, 'acled-revised.csv'));
    console.log(
      JSON.stringify({
        engine,
        import: {
          seconds: +first.seconds.toFixed(1),
          added: first.result.added,
          peakRssMb: Math.round(first.rssMb),
        },
        reimport: {
          seconds: +second.seconds.toFixed(1),
          cpuSeconds: +second.cpuSeconds.toFixed(1),
          revised: second.result.revised,
          unchanged: second.result.unchanged,
          peakRssMb: Math.round(second.rssMb),
        },
      }),
    );
  } finally {
    await store.close();
    if (engine === 'postgres') {
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query(`drop database if exists ${name}`);
      await admin.end();
    }
  }
}

const { values } = parseArgs({ options: { engine: { type: 'string' }, dir: { type: 'string' } } });
if (values.engine === 'sqlite' || values.engine === 'postgres') {
  await runEngine(values.engine, values.dir!);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'tt-acled-bench-'));
  try {
    await writeFile(join(dir, 'acled.csv'), false);
    await writeFile(join(dir, 'acled-revised.csv'), true);
    console.log(`Node ${process.version}, ${ROWS} rows, load average ${loadavg()[0].toFixed(1)}`);
    for (const engine of ['sqlite', 'postgres']) {
      const run = spawnSync(
        process.execPath,
        [...process.execArgv, process.argv[1], '--engine', engine, '--dir', dir],
        {
          stdio: 'inherit',
        },
      );
      if (run.status !== 0) process.exitCode = 1;
    }
    console.log(`load average at the end ${loadavg()[0].toFixed(1)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
