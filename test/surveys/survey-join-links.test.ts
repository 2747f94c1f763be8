import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/security/sessions.js';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { testApp, testKeys } from '../server/support/app.js';
import { surveyWorld } from './fixtures.js';

const codeOf = (url: string) => url.split('/').pop()!;
const watched = ['survey_respondents', 'survey_links', 'survey_join_links', 'survey_responses'] as const;

forEachEngine('a survey answered by its open join link, without an account', (getDb, engine) => {
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof surveyWorld>>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    world = await surveyWorld(getDb(), { db: getDb(), dialect: engine.dialect, keys, auth: null });
    for (const role of ['convener', 'funder'] as const) {
      const accountId = world.accountIds[role];
      tokens[role] = await getDb()
        .transaction()
        .execute(
          async (trx) => (await createApiToken(trx, keys, { accountId }, { accountId, name: 'join' })).token,
        );
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (role: string | null, method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: {
        ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  async function newSurvey(waves: { kind: string; opens_on: string; closes_on: string }[]) {
    const created = await call('convener', 'POST', '/api/surveys', {
      initiative_id: world.initiative.id,
      title: 'Open to the room',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North', 'South'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const waveIds: string[] = [];
    for (const wave of waves) {
      const made = await call('convener', 'POST', `/api/surveys/${id}/waves`, wave);
      expect(made.statusCode, made.body).toBe(201);
      waveIds.push(made.json().id);
    }
    return { id, waveIds };
  }

  it('makes respondents who answer today’s wave, and recognises a device coming back', async () => {
    const { id, waveIds } = await newSurvey([
      { kind: 'baseline', opens_on: '2020-01-01', closes_on: '2099-12-31' },
    ]);
    const made = await call('convener', 'POST', `/api/surveys/${id}/join-links`);
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().url).toMatch(/^\/p\/#\/survey-join\/[A-Za-z0-9_-]{22}$/);
    const code = codeOf(made.json().url);

    const info = await call(null, 'GET', `/api/survey-join/${code}`);
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json()).toMatchObject({
      survey_id: id,
      title: 'Open to the room',
      sides: ['North', 'South'],
    });
    expect(info.json().wave.id).toBe(waveIds[0]);

    const joined = await call(null, 'POST', `/api/survey-join/${code}`, { side: 'South', gender: 'woman' });
    expect(joined.statusCode, joined.body).toBe(201);
    const first = joined.json();
    expect(first).toMatchObject({ survey_id: id, wave_id: waveIds[0], returning: false });
    expect(first.pseudonym).toMatch(/^J-[A-Za-z0-9]{8}$/);
    const stored = await getDb()
      .selectFrom('survey_respondents')
      .selectAll()
      .where('survey_id', '=', id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ arm: 'comparison', actor_id: null, side: 'South', gender: 'woman' });

    // The answer link works as any other.
    const form = await call(null, 'POST', `/api/surveys/${id}/waves/${waveIds[0]}/form`, {
      token: first.token,
      language: 'en',
    });
    expect(form.statusCode, form.body).toBe(200);

    // Coming back with the device's link: the same respondent, the same link.
    const again = await call(null, 'POST', `/api/survey-join/${code}`, { previous_token: first.token });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json()).toMatchObject({
      respondent_id: first.respondent_id,
      token: first.token,
      returning: true,
    });
    // Without it: a new respondent each time.
    const other = await call(null, 'POST', `/api/survey-join/${code}`, {});
    expect(other.json().respondent_id).not.toBe(first.respondent_id);

    const listed = await call('convener', 'GET', `/api/surveys/${id}/join-links`);
    expect(listed.json().items).toMatchObject([{ joined: 2, revoked_at: null }]);
  });

  it('gives a returning device the next wave’s link for the same respondent', async () => {
    const { id, waveIds } = await newSurvey([
      { kind: 'baseline', opens_on: '2020-01-01', closes_on: '2020-12-31' },
      { kind: 'post', opens_on: '2021-01-01', closes_on: '2099-12-31' },
    ]);
    const code = codeOf((await call('convener', 'POST', `/api/surveys/${id}/join-links`)).json().url);
    // A link of the closed baseline wave, as the device kept it.
    const first = (await call(null, 'POST', `/api/survey-join/${code}`, {})).json();
    expect(first.wave_id).toBe(waveIds[1]);
    await getDb()
      .updateTable('survey_links')
      .set({ wave_id: waveIds[0] })
      .where('respondent_id', '=', first.respondent_id)
      .execute();
    const next = await call(null, 'POST', `/api/survey-join/${code}`, { previous_token: first.token });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({
      respondent_id: first.respondent_id,
      wave_id: waveIds[1],
      returning: true,
    });
    expect(next.json().token).not.toBe(first.token);
  });

  it('refuses with coded errors and changes nothing', async () => {
    const closed = await newSurvey([{ kind: 'baseline', opens_on: '2020-01-01', closes_on: '2020-12-31' }]);
    const code = codeOf((await call('convener', 'POST', `/api/surveys/${closed.id}/join-links`)).json().url);
    const before = await tablesSnapshot(getDb(), watched);
    const noWave = await call(null, 'POST', `/api/survey-join/${code}`, {});
    expect(noWave.statusCode).toBe(409);
    expect(noWave.json().error.code).toBe('TT_ERR_SURVEY_WAVE_CLOSED');
    expect((await call(null, 'GET', `/api/survey-join/${code}`)).json().wave).toBeNull();

    const unknown = await call(null, 'POST', `/api/survey-join/${'x'.repeat(22)}`, {});
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('TT_ERR_JOIN_LINK_UNKNOWN');
    const malformed = await call(null, 'GET', '/api/survey-join/%20');
    expect(malformed.json().error.code).toBe('TT_ERR_JOIN_LINK_UNKNOWN');
    const badBody = await call(null, 'POST', `/api/survey-join/${code}`, { side: 'North', extra: 1 });
    expect(badBody.statusCode).toBe(400);
    const funder = await call('funder', 'POST', `/api/surveys/${closed.id}/join-links`);
    expect(funder.statusCode).toBe(403);
    const anonymous = await call(null, 'GET', `/api/surveys/${closed.id}/join-links`);
    expect(anonymous.statusCode).toBe(401);
    expect(await tablesSnapshot(getDb(), watched)).toBe(before);

    const open = await newSurvey([{ kind: 'baseline', opens_on: '2020-01-01', closes_on: '2099-12-31' }]);
    const link = (await call('convener', 'POST', `/api/surveys/${open.id}/join-links`)).json();
    const wrongSide = await call(null, 'POST', `/api/survey-join/${codeOf(link.url)}`, { side: 'East' });
    expect(wrongSide.statusCode).toBe(400);
    expect(wrongSide.json().error.details.field).toBe('side');

    // A new link replaces the old; a revoked link is refused.
    const replacement = (await call('convener', 'POST', `/api/surveys/${open.id}/join-links`)).json();
    const old = await call(null, 'POST', `/api/survey-join/${codeOf(link.url)}`, {});
    expect(old.statusCode).toBe(410);
    expect(old.json().error.code).toBe('TT_ERR_JOIN_LINK_REVOKED');
    const revoked = await call('convener', 'DELETE', `/api/surveys/${open.id}/join-links/${replacement.id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json().revoked_at).not.toBeNull();
    expect((await call(null, 'GET', `/api/survey-join/${codeOf(replacement.url)}`)).statusCode).toBe(410);
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'survey_join_link.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['survey_join_link.create', 'survey_join_link.revoke']),
    );
  });
});
