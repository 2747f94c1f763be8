import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { countRows, enginesToRun, openTestDatabase, type TestDatabase } from '../support/databases.js';

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

for (const dialect of enginesToRun()) {
  describe(`tracktwo retention (${dialect})`, () => {
    const env = { TRACKTWO_MASTER_KEY: randomBytes(32).toString('base64') };
    let database: TestDatabase;
    let initiativeId: string;
    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      expect((await run(env, 'demo', 'load', '--database', database.url)).code).toBe(0);
      const first = await database.store.db
        .selectFrom('initiatives')
        .innerJoin('meetings', 'meetings.initiative_id', 'initiatives.id')
        .innerJoin('attendances', 'attendances.meeting_id', 'meetings.id')
        .select('initiatives.id')
        .orderBy('initiatives.id')
        .executeTakeFirstOrThrow();
      initiativeId = first.id;
      // A convener of the initiative, for the commands that act as an account (--as).
      const keys = createVaultKeys(Buffer.from(env.TRACKTWO_MASTER_KEY, 'base64'));
      await database.store.db.transaction().execute(async (trx) => {
        const sys = systemAuth('cli fixture');
        const account = await createAccount(trx, keys, sys, {
          email: 'convener@cli.example.org',
          displayName: 'Convener',
          password: 'cli fixture passphrase 9',
        });
        await grantMembership(trx, keys, sys, { accountId: account.id, initiativeId, role: 'convener' });
      });
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it('sets periods, refuses bad ones with a coded error, and shows them in words', async () => {
      const bad = await run(
        env,
        'retention',
        'set',
        initiativeId,
        '--attendance',
        '0',
        '--database',
        database.url,
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/TT_ERR_VALIDATION/);
      const set = await run(
        env,
        'retention',
        'set',
        initiativeId,
        '--attendance',
        '30',
        '--identities',
        '30',
        '--precision',
        '0.1',
        '--database',
        database.url,
      );
      expect(set, set.err).toMatchObject({ code: 0 });
      expect(set.out).toMatch(/attendance: 30 days \(from the meeting's date\)/);
      const shown = await run(env, 'retention', 'show', initiativeId, '--json', '--database', database.url);
      expect(JSON.parse(shown.out)).toMatchObject({ attendance_days: 30, location_precision: '0.1' });
    });

    it('stores a meeting added with --lat/--lon no finer than the precision, and refuses a non-number', async () => {
      const as = ['--as', 'convener@cli.example.org', '--database', database.url];
      const added = await run(
        env,
        'meetings',
        'add',
        initiativeId,
        '--title',
        'Placed round',
        '--date',
        '2025-01-01',
        '--lat',
        '15.4567',
        '--lon',
        '36.4321',
        '--format',
        'json',
        ...as,
      );
      expect(added, added.err).toMatchObject({ code: 0 });
      expect(JSON.parse(added.out)).toMatchObject({ latitude: 15.5, longitude: 36.4 });
      const bad = await run(
        env,
        'meetings',
        'add',
        initiativeId,
        '--title',
        'X',
        '--date',
        '2025-01-01',
        '--lat',
        'north',
        '--lon',
        '1',
        ...as,
      );
      expect(bad.code).toBe(2);
      expect(bad.err).toMatch(/TT_ERR_VALIDATION.*--lat/s);
    });

    it('a dry run prints what would go and changes nothing; the run hides it; a second run changes nothing', async () => {
      const attendances = await countRows(database.store.db, 'attendances');
      const audit = await countRows(database.store.db, 'audit_log');
      const dry = await run(env, 'retention', 'run', '--dry-run', '--json', '--database', database.url);
      expect(dry, dry.err).toMatchObject({ code: 0 });
      const planned = JSON.parse(dry.out) as {
        dry_run: boolean;
        initiatives: { attendances_hidden: number }[];
      };
      expect(planned.dry_run).toBe(true);
      expect(planned.initiatives[0].attendances_hidden).toBeGreaterThan(0);
      expect(await countRows(database.store.db, 'audit_log')).toBe(audit);

      const real = await run(env, 'retention', 'run', '--database', database.url);
      expect(real.out).toMatch(
        new RegExp(`hid \\d+ identities, ${planned.initiatives[0].attendances_hidden} attendance rows`),
      );
      expect(await countRows(database.store.db, 'attendances')).toBe(attendances); // hidden, kept for the grace period
      expect(await countRows(database.store.db, 'audit_log')).toBe(audit + 2);
      const again = await run(env, 'retention', 'run', '--json', '--database', database.url);
      const second = JSON.parse(again.out) as { initiatives: Record<string, number | string>[] };
      expect(
        Object.entries(second.initiatives[0]).filter(([k, v]) => k !== 'initiative_id' && v !== 0),
      ).toEqual([]);

      const later = new Date(Date.now() + 31 * 86_400_000).toISOString();
      const purge = await run(env, 'retention', 'run', '--now', later, '--database', database.url);
      expect(purge.out).toMatch(
        new RegExp(
          `purged \\d+ identities \\(crypto-erased\\), ${planned.initiatives[0].attendances_hidden} attendance rows`,
        ),
      );
      expect(await countRows(database.store.db, 'attendances')).toBe(
        attendances - planned.initiatives[0].attendances_hidden,
      );
      expect((await run(env, 'audit', 'verify', '--database', database.url)).out).toMatch(/^OK/);
    });
  });
}
