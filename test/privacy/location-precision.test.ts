import { beforeAll, expect, it } from 'vitest';
import { systemAuth } from '../../src/security/auth.js';
import * as actors from '../../src/services/actors/index.js';
import { actingAs, type ServiceContext } from '../../src/services/context.js';
import * as initiatives from '../../src/services/initiatives/index.js';
import { updatePrivacySettings } from '../../src/services/privacy/index.js';
import { exportWorkspaceJson, importWorkspaceJson } from '../../src/services/interchange/index.js';
import { forEachEngine } from '../support/databases.js';
import { testKeys } from '../server/support/app.js';
import { surveyWorld } from '../surveys/fixtures.js';

forEachEngine('location precision: coarsened on the way in and when lowered', (getDb, engine) => {
  let system: ServiceContext;
  let world: Awaited<ReturnType<typeof surveyWorld>>;

  beforeAll(async () => {
    const ctx = { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: null };
    world = await surveyWorld(getDb(), ctx);
    system = actingAs(ctx, systemAuth('precision test'));
  });

  it('keeps no coordinates until the initiative allows them (the default is the area only)', async () => {
    const meeting = await initiatives.createMeeting(system, {
      initiative_id: world.initiative.id,
      title: 'Round by the river',
      held_on: '2025-03-01',
      place: 'Kassala',
      latitude: 15.45191,
      longitude: 36.40072,
      ground_rule: 'open',
      status: 'planned',
    });
    expect(meeting).toMatchObject({ place: 'Kassala', latitude: null, longitude: null });
  });

  it('rounds writes finer than allowed, and lowering the precision coarsens what is stored', async () => {
    await updatePrivacySettings(world.accounts.convener, world.initiative.id, { location_precision: '0.01' });
    const meeting = await initiatives.createMeeting(world.accounts.convener, {
      initiative_id: world.initiative.id,
      title: 'Round two',
      held_on: '2025-04-01',
      place: 'Kassala',
      latitude: 15.45191,
      longitude: 36.40072,
      ground_rule: 'open',
      status: 'planned',
    });
    expect(meeting).toMatchObject({ latitude: 15.45, longitude: 36.4 });
    const moved = await initiatives.updateMeeting(world.accounts.convener, meeting.id, {
      latitude: -1.28333,
      longitude: 36.81667,
    });
    expect(moved).toMatchObject({ latitude: -1.28, longitude: 36.82 });
    const actor = await actors.updateActor(system, world.people[0].id, {
      latitude: 15.123456,
      longitude: 36.987654,
    });
    expect(actor).toMatchObject({ latitude: 15.12, longitude: 36.99 });

    await updatePrivacySettings(world.accounts.convener, world.initiative.id, { location_precision: '0.1' });
    expect(await initiatives.getMeeting(system, meeting.id)).toMatchObject({
      latitude: -1.3,
      longitude: 36.8,
    });
    expect(await actors.getActor(system, world.people[0].id)).toMatchObject({
      latitude: 15.1,
      longitude: 37,
    });
    // Raising it again brings no precision back.
    await updatePrivacySettings(world.accounts.convener, world.initiative.id, { location_precision: '0.01' });
    expect(await initiatives.getMeeting(system, meeting.id)).toMatchObject({
      latitude: -1.3,
      longitude: 36.8,
    });
    // The export carries what is stored, no finer.
    const doc = (await exportWorkspaceJson(system, world.workspace.id)) as {
      meetings: { id: string; latitude: number | null }[];
    };
    expect(doc.meetings.find((m) => m.id === meeting.id)?.latitude).toBe(-1.3);
  });

  it('carries settings and coordinates through a workspace JSON export and import', async () => {
    const exported = await exportWorkspaceJson(system, world.workspace.id);
    const initiative = exported.initiatives.find((i) => i.name === world.initiative.name)!;
    expect(initiative.privacy).toMatchObject({ location_precision: '0.01' });
    const imported = await importWorkspaceJson(system, JSON.stringify(exported));
    const again = await exportWorkspaceJson(system, imported.workspaceId);
    expect(again.initiatives.map((i) => i.privacy)).toEqual(exported.initiatives.map((i) => i.privacy));
    const places = (doc: typeof exported) => ({
      meetings: doc.meetings.map((m) => [m.title, m.latitude, m.longitude]).sort(),
      actors: doc.actors.map((a) => [a.pseudonym, a.latitude, a.longitude]).sort(),
    });
    expect(places(again)).toEqual(places(exported));
    expect(places(again).meetings).toContainEqual(['Round two', -1.3, 36.8]);
    // A document finer than its own precision is coarsened on the way in.
    const finer = structuredClone(exported);
    finer.initiatives.find((i) => i.name === world.initiative.name)!.privacy!.location_precision = '1';
    const coarse = await exportWorkspaceJson(
      system,
      (await importWorkspaceJson(system, JSON.stringify(finer))).workspaceId,
    );
    expect(places(coarse).meetings).toContainEqual(['Round two', -1, 37]);
    expect(places(coarse).actors.filter(([, lat]) => lat !== null)).toEqual(
      places(exported)
        .actors.filter(([, lat]) => lat !== null)
        .map(([p, lat, lon]) => [p, Math.round(lat as number), Math.round(lon as number)]),
    );
  });

  it('a new initiative on the conflict allows only areas until it chooses: actors of the conflict follow', async () => {
    await initiatives.createInitiative(system, {
      workspace_id: world.workspace.id,
      conflict_id: world.conflict.id,
      name: 'Second process',
      aims: '',
      status: 'planned',
      started_on: null,
      ended_on: null,
      funding_needed: null,
      funding_pledged: null,
      inclusion_target_women: null,
      actors: [],
    });
    expect(await actors.getActor(system, world.people[0].id)).toMatchObject({
      latitude: null,
      longitude: null,
    });
  });
});
