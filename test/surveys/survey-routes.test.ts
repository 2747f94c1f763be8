import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/security/sessions.js';
import { forEachEngine } from '../support/databases.js';
import { testApp, testKeys } from '../server/support/app.js';
import { surveyWorld } from './fixtures.js';
import { tablesSnapshot } from '../support/records.js';

forEachEngine('survey routes: the same flow over HTTP', (getDb, engine) => {
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof surveyWorld>>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    world = await surveyWorld(getDb(), { db: getDb(), dialect: engine.dialect, keys, auth: null });
    for (const role of ['convener', 'funder', 'researcher'] as const) {
      const accountId = world.accountIds[role];
      tokens[role] = await getDb()
        .transaction()
        .execute(
          async (trx) =>
            (await createApiToken(trx, keys, { accountId }, { accountId, name: 'routes' })).token,
        );
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (
    role: string | null,
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    body?: unknown,
  ) =>
    app.inject({
      method,
      url,
      headers: {
        ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
    });

  it('creates, links, answers, enters, imports, reports and exports', async () => {
    const created = await call('convener', 'POST', '/api/surveys', {
      initiative_id: world.initiative.id,
      title: 'Over HTTP',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North', 'South'],
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json();
    const wave = async (kind: string) => {
      const response = await call('convener', 'POST', `/api/surveys/${survey.id}/waves`, {
        kind,
        opens_on: '2020-01-01',
        closes_on: '2099-12-31',
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const baseline = await wave('baseline');
    const post = await wave('post');
    const added = await call('convener', 'POST', `/api/surveys/${survey.id}/respondents`, {
      respondents: [
        ...world.people.map((p) => ({ arm: 'participant', actor_id: p.id })),
        { arm: 'comparison', pseudonym: 'CMP-A', side: 'North', gender: 'woman' },
      ],
    });
    expect(added.statusCode).toBe(201);
    const links = await call('convener', 'POST', `/api/surveys/${survey.id}/waves/${baseline}/links`, {});
    expect(links.statusCode).toBe(201);
    const issued: { respondent_id: string; token: string; pseudonym: string }[] = links.json().items;
    expect(issued).toHaveLength(9);

    const french = await call(null, 'POST', `/api/surveys/${survey.id}/waves/${baseline}/form`, {
      token: issued[0].token,
      language: 'fr',
    });
    // Not asked in French: the form comes in English, and says so.
    expect(french.statusCode).toBe(200);
    expect(french.json().language).toBe('en');
    const form = await call(null, 'POST', `/api/surveys/${survey.id}/waves/${baseline}/form`, {
      token: issued[0].token,
    });
    expect(form.statusCode).toBe(200);
    expect(form.json().instruments.map((i: { out_group: string }) => i.out_group)).toEqual([
      'North',
      'South',
    ]);
    const answer = (value: number) => [
      { instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value },
      { instrument: 'feeling-thermometer', out_group: 'South', item: 'warmth', value: value - 4 },
    ];
    for (const [i, link] of issued.entries()) {
      const response = await call(null, 'POST', `/api/surveys/${survey.id}/waves/${baseline}/answers`, {
        token: link.token,
        answers: answer(30 + 3 * i),
      });
      expect(response.statusCode).toBe(201);
    }
    const entry = await call('convener', 'POST', `/api/surveys/${survey.id}/waves/${post}/entries`, {
      respondent_id: issued[0].respondent_id,
      answers: answer(50),
    });
    expect(entry.statusCode).toBe(201);
    const csv = [
      'respondent,feeling-thermometer:warmth:North,feeling-thermometer:warmth:South',
      ...issued.slice(1).map((link, i) => `${link.pseudonym},${40 + 4 * i + (i % 3)},${38 + 4 * i}`),
    ].join('\n');
    const imported = await call('convener', 'POST', `/api/surveys/${survey.id}/waves/${post}/import`, {
      csv,
    });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ rows: 8, created: 8 });
    const badCsv = await call('convener', 'POST', `/api/surveys/${survey.id}/waves/${post}/import`, {
      csv: 'respondent,feeling-thermometer:warmth:North\nCMP-A,x\n',
    });
    expect(badCsv.statusCode).toBe(400);
    expect(badCsv.body).toContain('TT_ERR_IMPORT_REJECTED');

    const status = await call('convener', 'GET', `/api/surveys/${survey.id}/respondents`);
    expect(status.json().items.every((r: { answered: string[] }) => r.answered.length === 2)).toBe(true);
    expect((await call('funder', 'GET', `/api/surveys/${survey.id}/respondents`)).statusCode).toBe(403);

    const effects = await call(
      'funder',
      'GET',
      `/api/initiatives/${world.initiative.id}/evidence/effects?to=post`,
    );
    expect(effects.statusCode).toBe(200);
    const overall = effects.json().items[0].instruments[0].report.overall;
    expect(overall.participants.n).toBe(8);
    expect(overall.participants.change.mean_change).toBeGreaterThan(0);
    // Subgroups of 4 participants and 4 comparison: below 10 per arm, counts and a coded reason only.
    const report = effects.json().items[0].instruments[0].report;
    const bySide = report.subgroups.find((s: { attribute: string }) => s.attribute === 'side');
    expect(bySide.groups.map((g: { level: string }) => g.level)).toEqual(['North', 'South']);
    expect(bySide.groups.map((g: { participants: number }) => g.participants)).toEqual([4, 4]);
    for (const group of bySide.groups) {
      expect(group.comparison).toBeLessThan(10);
      expect(group).toEqual({
        level: group.level,
        participants: 4,
        comparison: group.comparison,
        effect: null,
        suppressed: { reason: 'too_few_per_arm', minimum: 10 },
      });
    }
    expect(bySide.difference).toBeNull();
    for (const split of report.subgroups) {
      for (const group of split.groups) {
        expect(group.effect).toBeNull();
        expect(JSON.stringify(group)).not.toMatch(/estimate|mean_change|"d"/);
      }
    }

    const exported = await call('researcher', 'GET', `/api/surveys/${survey.id}/export/research?format=csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    expect(exported.body.split('\n')[0]).toBe('instrument,wave,arm,dimension,level,n,mean,sd');
    expect(exported.body).not.toContain('CMP-A');
    expect((await call('funder', 'GET', `/api/surveys/${survey.id}/export/research`)).statusCode).toBe(403);

    const inclusion = await call('funder', 'GET', `/api/conflicts/${world.conflict.id}/evidence/inclusion`);
    expect(inclusion.statusCode).toBe(200);
    expect(inclusion.json().warnings).toHaveLength(1);
  });
  it('edits a survey and its waves, deletes an unanswered wave, refuses bad edits changing nothing', async () => {
    const created = await call('convener', 'POST', '/api/surveys', {
      initiative_id: world.initiative.id,
      title: 'To edit',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North', 'South'],
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json();
    const renamed = await call('convener', 'PATCH', `/api/surveys/${survey.id}`, { title: 'Edited title' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().title).toBe('Edited title');
    const addWave = async (kind: string) => {
      const response = await call('convener', 'POST', `/api/surveys/${survey.id}/waves`, {
        kind,
        opens_on: '2020-01-01',
        closes_on: '2099-12-31',
      });
      expect(response.statusCode).toBe(201);
      return response.json().id as string;
    };
    const baseline = await addWave('baseline');
    const post = await addWave('post');
    const moved = await call('convener', 'PATCH', `/api/surveys/${survey.id}/waves/${post}`, {
      opens_on: '2021-02-03',
      closes_on: '2021-03-04',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ opens_on: '2021-02-03', closes_on: '2021-03-04' });

    // Bad edits: a closing date before the opening date (in one body, or against the stored one).
    const before = await tablesSnapshot(getDb(), ['surveys', 'survey_waves', 'audit_log']);
    const reversed = await call('convener', 'PATCH', `/api/surveys/${survey.id}/waves/${post}`, {
      opens_on: '2021-05-01',
      closes_on: '2021-04-01',
    });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.code).toBe('TT_ERR_VALIDATION');
    const againstStored = await call('convener', 'PATCH', `/api/surveys/${survey.id}/waves/${post}`, {
      closes_on: '2021-01-01',
    });
    expect(againstStored.statusCode).toBe(400);
    expect(againstStored.json().error.code).toBe('TT_ERR_VALIDATION');
    const emptyTitle = await call('convener', 'PATCH', `/api/surveys/${survey.id}`, { title: '  ' });
    expect(emptyTitle.statusCode).toBe(400);
    expect(await tablesSnapshot(getDb(), ['surveys', 'survey_waves', 'audit_log'])).toBe(before);
    const forbidden = await call('funder', 'DELETE', `/api/surveys/${survey.id}/waves/${post}`);
    expect(forbidden.statusCode).toBe(403);
    const otherSurveys = await call('convener', 'DELETE', `/api/surveys/${survey.id}/waves/${survey.id}`);
    expect(otherSurveys.statusCode).toBe(404);

    // A wave with an answer cannot be deleted; its answer stays.
    await call('convener', 'POST', `/api/surveys/${survey.id}/respondents`, {
      respondents: [{ arm: 'comparison', pseudonym: 'CMP-EDIT' }],
    });
    const links = await call('convener', 'POST', `/api/surveys/${survey.id}/waves/${baseline}/links`, {});
    const [link] = links.json().items as { token: string }[];
    const answered = await call(null, 'POST', `/api/surveys/${survey.id}/waves/${baseline}/answers`, {
      token: link.token,
      answers: [
        { instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 60 },
        { instrument: 'feeling-thermometer', out_group: 'South', item: 'warmth', value: 40 },
      ],
    });
    expect(answered.statusCode, answered.body).toBe(201);
    const snapshot = await tablesSnapshot(getDb(), ['survey_waves', 'survey_responses', 'audit_log']);
    const refused = await call('convener', 'DELETE', `/api/surveys/${survey.id}/waves/${baseline}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('TT_ERR_SURVEY_WAVE_HAS_RESPONSES');
    expect(await tablesSnapshot(getDb(), ['survey_waves', 'survey_responses', 'audit_log'])).toBe(snapshot);

    const deleted = await call('convener', 'DELETE', `/api/surveys/${survey.id}/waves/${post}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    const detail = (await call('convener', 'GET', `/api/surveys/${survey.id}`)).json();
    expect(detail.waves.map((wave: { id: string }) => wave.id)).toEqual([baseline]);
    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('record_id', '=', post)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['survey_wave.create', 'survey_wave.update', 'survey_wave.delete']),
    );
  });
});
