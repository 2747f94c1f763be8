import { beforeAll, expect, it } from 'vitest';
import { systemAuth } from '../../src/security/auth.js';
import { buildApp } from '../../src/server/app.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import { updatePrivacySettings } from '../../src/services/privacy/index.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { testKeys } from '../server/support/app.js';
import { surveyWorld } from '../surveys/fixtures.js';

forEachEngine('the retention schedule of the server', (getDb, engine) => {
  let ctx: ServiceContext;
  let world: Awaited<ReturnType<typeof surveyWorld>>;

  beforeAll(async () => {
    ctx = { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: null };
    world = await surveyWorld(getDb(), ctx);
    await updatePrivacySettings(actingAs(ctx, systemAuth('test')), world.initiative.id, {
      attendance_days: 365,
    });
  });

  const hidden = async () =>
    Number(
      (
        await getDb()
          .selectFrom('attendances')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('deleted_at', 'is not', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('runs on start and then on its interval, and stops when the app closes', async () => {
    let clock = new Date('2024-03-01T00:00:00Z'); // the first meeting (2024-02-10) is younger than a year
    const app = await buildApp({
      store: { db: getDb(), dialect: engine.dialect },
      keys: ctx.keys,
      retention: { intervalMs: 40, now: () => clock },
    });
    await app.retention!.current();
    expect(await hidden()).toBe(0);
    clock = new Date('2025-03-01T00:00:00Z'); // now the first round's 8 attendances are past a year
    await new Promise((resolve) => setTimeout(resolve, 120));
    await app.retention!.current();
    expect(await hidden()).toBe(8);
    await app.close();
    clock = new Date('2026-06-01T00:00:00Z');
    const audit = await countRows(getDb(), 'audit_log');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await hidden()).toBe(8); // no run after close
    expect(await countRows(getDb(), 'audit_log')).toBe(audit);
  });
});
