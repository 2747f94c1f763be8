import { beforeAll, expect, it } from 'vitest';
import { systemAuth } from '../../src/security/auth.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../src/services/demo/index.js';
import { dialogueResults } from '../../src/services/dialogues/index.js';
import { runRetention, updatePrivacySettings } from '../../src/services/privacy/index.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { testKeys } from '../server/support/app.js';

const DAY = 86_400_000;

/**
 * What retention leaves of what was computed from the records it removes. Dialogue results rest on
 * statements and votes, which retention does not touch: they are the same after the people's identities
 * and attendance are purged.
 */
forEachEngine('retention leaves dialogue results whole', (getDb, engine) => {
  let system: ServiceContext;
  let demo: DemoWorkspaceIds;

  beforeAll(async () => {
    const ctx = { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: null };
    system = actingAs(ctx, systemAuth('aggregates test'));
    demo = await loadDemoWorkspace(system);
  });

  it('gives the same results after identities and attendance of the dialogue initiative are purged', async () => {
    const dialogues = await getDb()
      .selectFrom('dialogues')
      .select('id')
      .where('initiative_id', '=', demo.initiativeIds.dialogue)
      .orderBy('id')
      .execute();
    expect(dialogues.length).toBeGreaterThan(0);
    const before = [];
    for (const { id } of dialogues) before.push(await dialogueResults(system, id));
    const identities = await countRows(getDb(), 'actor_identities');
    await updatePrivacySettings(system, demo.initiativeIds.dialogue, {
      identities_days: 1,
      attendance_days: 1,
    });
    const now = Date.now();
    const hide = await runRetention(system, { now: new Date(now + 4000 * DAY) });
    const purge = await runRetention(system, { now: new Date(now + 4031 * DAY) });
    const hidden = hide.initiatives.find((i) => i.initiative_id === demo.initiativeIds.dialogue)!;
    const purged = purge.initiatives.find((i) => i.initiative_id === demo.initiativeIds.dialogue)!;
    expect(hidden.identities_hidden).toBeGreaterThan(0);
    expect(purged.identities_purged).toBe(hidden.identities_hidden);
    expect(purged.attendances_purged).toBe(hidden.attendances_hidden);
    expect(await countRows(getDb(), 'actor_identities')).toBe(identities - purged.identities_purged);
    const after = [];
    for (const { id } of dialogues) after.push(await dialogueResults(system, id));
    expect(after).toEqual(before);
  });
});
