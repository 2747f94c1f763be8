import { expect, it } from 'vitest';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { ok, refused, rowCounts, worldOfBlock } from './support/resources.js';

forEachEngine('retention and privacy routes', (getDb, engine) => {
  const world = worldOfBlock(getDb, engine);
  const url = () => `/api/initiatives/${world.initiativeId}/privacy`;

  it('reads the defaults: everything kept, no coordinates, the grace period', async () => {
    expect(ok(await world.as.participant.get(url()))).toEqual({
      initiative_id: world.initiativeId,
      identities_days: null,
      attendance_days: null,
      answers_days: null,
      location_precision: 'area',
      grace_days: 30,
      updated_at: null,
    });
  });

  it('refuses bad settings with a coded 400 and changes nothing', async () => {
    const before = await rowCounts(getDb());
    const rows = await tablesSnapshot(getDb(), ['initiative_privacy', 'meetings', 'actors', 'audit_log']);
    for (const body of [
      {},
      { attendance_days: 0 },
      { attendance_days: 3651 },
      { answers_days: 1.5 },
      { answers_days: '30' },
      { location_precision: 'street' },
      { location_precision: '0.001' },
      { identities_days: 10, surprise: true },
      { attendance_days: 30, identities_days: 31 },
    ]) {
      expect(refused(await world.as.convener.patch(url(), body), 400), JSON.stringify(body)).toBe(
        'TT_ERR_VALIDATION',
      );
    }
    expect(refused(await world.as.facilitator.patch(url(), { answers_days: 30 }), 403)).toBe(
      'TT_ERR_FORBIDDEN',
    );
    expect(await rowCounts(getDb())).toEqual(before);
    expect(await tablesSnapshot(getDb(), ['initiative_privacy', 'meetings', 'actors', 'audit_log'])).toBe(
      rows,
    );
    expect(ok<{ answers_days: null }>(await world.as.convener.get(url())).answers_days).toBeNull();
  });

  it('a convener sets periods and precision, audited; the meeting stored no finer', async () => {
    const set = ok<Record<string, unknown>>(
      await world.as.convener.patch(url(), {
        attendance_days: 365,
        identities_days: 180,
        location_precision: '1',
      }),
    );
    expect(set).toMatchObject({
      attendance_days: 365,
      identities_days: 180,
      answers_days: null,
      location_precision: '1',
    });
    const meeting = ok<{ latitude: number; longitude: number }>(
      await world.as.convener.post('/api/meetings', {
        initiative_id: world.initiativeId,
        title: 'Round',
        held_on: '2025-05-01',
        place: 'Somewhere',
        latitude: 2.0469,
        longitude: 45.3182,
      }),
      201,
    );
    expect(meeting).toMatchObject({ latitude: 2, longitude: 45 });
    expect(
      refused(
        await world.as.convener.post('/api/meetings', {
          initiative_id: world.initiativeId,
          title: 'Half a place',
          held_on: '2025-05-01',
          latitude: 2.0469,
        }),
        400,
      ),
    ).toBe('TT_ERR_VALIDATION');
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'initiative.privacy_update')
      .execute();
    expect(audit).toHaveLength(1);
  });
});
