import { beforeAll, describe, expect, it } from 'vitest';
import type { SurveyAnswer } from '../../src/domain/survey.js';
import { surveyEffects, type WaveScore } from '../../src/evaluation/wave-effects.js';
import { metaAnalysis } from '../../src/evaluation/meta-analysis.js';
import type { ServiceContext } from '../../src/services/context.js';
import * as evidence from '../../src/services/evidence/index.js';
import { initiativeInclusion } from '../../src/services/evidence/index.js';
import * as surveys from '../../src/services/surveys/index.js';
import { surveyResearchExport } from '../../src/services/surveys/index.js';
import { importAnswers } from '../../src/services/surveys/index.js';
import { answerByLink, enterOnBehalf, issueLinks, surveyForm } from '../../src/services/surveys/index.js';
import { countRows, forEachEngine } from '../support/databases.js';
import { testApp, testKeys } from '../server/support/app.js';
import { lcg, surveyWorld } from './fixtures.js';
import { snakeKeys } from '../../src/domain/snake-case.js';

type World = Awaited<ReturnType<typeof surveyWorld>>;

/** Thermometer answers for both out-groups, and trust items (one reversed), from a latent warmth. */
function sheet(warmth: number, rng: ReturnType<typeof lcg>): SurveyAnswer[] {
  const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.round(x)));
  const t = (shift: number) => clamp(warmth + shift + 4 * rng.normal(), 0, 100);
  const trust = (reverse: boolean) => {
    const v = clamp(1 + (warmth / 100) * 6 + 0.7 * rng.normal(), 1, 7);
    return reverse ? 8 - v : v;
  };
  return [
    { instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: t(0) },
    { instrument: 'feeling-thermometer', out_group: 'South', item: 'warmth', value: t(-5) },
    ...(['trust_general', 'trust_word', 'trust_suspicion', 'trust_interests'] as const).flatMap((item) =>
      ['North', 'South'].map((outGroup) => ({
        instrument: 'outgroup-trust',
        out_group: outGroup,
        item,
        value: trust(item === 'trust_suspicion'),
      })),
    ),
  ];
}

function thermometerScore(answers: SurveyAnswer[]): number {
  const values = answers.filter((a) => a.instrument === 'feeling-thermometer').map((a) => a.value as number);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

forEachEngine('surveys: three waves, links, facilitator entry, import, effects, access', (getDb, engine) => {
  let ctx: ServiceContext;
  let world: World;
  let surveyId: string;
  const waves: Record<string, string> = {};
  const respondents: { id: string; arm: string; pseudonym: string }[] = [];
  const expectedScores: WaveScore[] = [];
  const links: Record<string, Record<string, string>> = { baseline: {}, post: {} };

  beforeAll(async () => {
    ctx = { db: getDb(), dialect: engine.dialect, keys: testKeys(), auth: null };
    world = await surveyWorld(getDb(), ctx);
  });

  it('creates a survey with library instruments, three waves and both arms of respondents', async () => {
    const convener = world.accounts.convener;
    const survey = await surveys.createSurvey(convener, {
      initiative_id: world.initiative.id,
      title: 'Attitudes across the divide',
      instruments: [{ library: 'feeling-thermometer' }, { library: 'outgroup-trust' }],
      out_groups: ['North', 'South'],
      languages: ['en', 'fr'],
    });
    surveyId = survey.id;
    expect(survey.instruments.map((i) => i.id)).toEqual(['feeling-thermometer', 'outgroup-trust']);
    for (const [kind, opens, closes, meeting] of [
      ['baseline', '2020-01-01', '2099-12-31', null],
      ['post', '2020-01-01', '2099-12-31', world.meetingIds[0]],
      ['follow_up', '2020-01-01', '2021-01-01', world.meetingIds[2]],
    ] as const) {
      const wave = await surveys.addWave(convener, surveyId, {
        kind,
        opens_on: opens,
        closes_on: closes,
        after_meeting_id: meeting,
      });
      waves[kind] = wave.id;
    }
    await expect(
      surveys.addWave(convener, surveyId, {
        kind: 'post',
        opens_on: '2024-01-01',
        closes_on: '2024-02-01',
        after_meeting_id: null,
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_CONFLICT' });
    const added = await surveys.addRespondents(world.accounts.facilitator, surveyId, [
      ...world.people.map((p) => ({ arm: 'participant' as const, actor_id: p.id })),
      ...Array.from({ length: 8 }, (_, i) => ({
        arm: 'comparison' as const,
        pseudonym: `CMP-${i + 1}`,
        side: i < 4 ? 'North' : 'South',
        gender: (i % 2 === 0 ? 'woman' : 'man') as 'woman' | 'man',
      })),
    ]);
    respondents.push(...added);
    expect(added.filter((r) => r.arm === 'participant').map((r) => r.pseudonym)).toEqual(
      world.people.map((p) => p.pseudonym),
    );
  });

  it('takes answers by link (participants) and by facilitator (comparison group), sealed at rest', async () => {
    const rng = lcg(7);
    for (const kind of ['baseline', 'post'] as const) {
      const issued = await issueLinks(world.accounts.convener, surveyId, waves[kind]);
      expect(issued).toHaveLength(16);
      for (const link of issued) links[kind][link.respondent_id] = link.token;
    }
    for (const r of respondents) {
      const base = 35 + 10 * rng.normal();
      const gain = r.arm === 'participant' ? 9 : 1;
      for (const kind of ['baseline', 'post'] as const) {
        const answers = sheet(kind === 'baseline' ? base : base + gain + 3 * rng.normal(), rng);
        if (r.arm === 'participant') {
          const result = await answerByLink(ctx, surveyId, waves[kind], links[kind][r.id], {
            language: 'en',
            answers,
          });
          expect(result.replaced).toBe(false);
        } else {
          await enterOnBehalf(world.accounts.facilitator, surveyId, waves[kind], {
            respondent_id: r.id,
            language: 'fr',
            answers,
          });
        }
        expectedScores.push({
          respondentId: r.id,
          wave: kind,
          arm: r.arm as 'participant',
          score: thermometerScore(answers),
        });
      }
    }
    expect(await countRows(getDb(), 'survey_responses')).toBe(32);
    const stored = await getDb().selectFrom('survey_responses').select('ciphertext').execute();
    for (const row of stored) expect(row.ciphertext).not.toMatch(/warmth|thermometer/);
  });

  it('lets a later answer by the same link replace the earlier one, and shows the author their own answer', async () => {
    const r = respondents[0];
    const form = await surveyForm(ctx, surveyId, waves.post, links.post[r.id], 'fr');
    expect(form.instruments).toHaveLength(4);
    expect(form.instruments[0].items[0].text).toContain('North');
    const previous = form.previous!;
    const again = await answerByLink(ctx, surveyId, waves.post, links.post[r.id], {
      language: 'en',
      answers: previous,
    });
    expect(again.replaced).toBe(true);
    expect(await countRows(getDb(), 'survey_responses')).toBe(32);
    const row = await getDb()
      .selectFrom('survey_responses')
      .select('revision')
      .where('respondent_id', '=', r.id)
      .where('wave_id', '=', waves.post)
      .executeTakeFirstOrThrow();
    expect(row.revision).toBe(2);
  });

  it('rejects links of another wave or survey, unknown links and closed waves, changing nothing', async () => {
    const other = await surveys.createSurvey(world.accounts.convener, {
      initiative_id: world.initiative.id,
      title: 'Other survey',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North'],
      languages: ['en'],
    });
    const otherWave = await surveys.addWave(world.accounts.convener, other.id, {
      kind: 'baseline',
      opens_on: '2020-01-01',
      closes_on: '2099-12-31',
      after_meeting_id: null,
    });
    const r = respondents[1];
    const answers = [{ instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 99 }];
    const before = [await countRows(getDb(), 'survey_responses'), await countRows(getDb(), 'audit_log')];
    await expect(
      answerByLink(ctx, surveyId, waves.post, links.baseline[r.id], { language: 'en', answers }),
    ).rejects.toMatchObject({
      code: 'TT_ERR_SURVEY_LINK_MISMATCH',
      status: 403,
    });
    await expect(
      answerByLink(ctx, other.id, otherWave.id, links.baseline[r.id], { language: 'en', answers }),
    ).rejects.toMatchObject({
      code: 'TT_ERR_SURVEY_LINK_MISMATCH',
    });
    await expect(
      answerByLink(ctx, surveyId, waves.baseline, 'x'.repeat(43), { language: 'en', answers }),
    ).rejects.toMatchObject({
      code: 'TT_ERR_SURVEY_LINK_INVALID',
      status: 401,
    });
    const [followLink] = await issueLinks(world.accounts.convener, surveyId, waves.follow_up, [r.id]);
    const afterIssue = await countRows(getDb(), 'audit_log');
    await expect(
      answerByLink(ctx, surveyId, waves.follow_up, followLink.token, { language: 'en', answers }),
    ).rejects.toMatchObject({
      code: 'TT_ERR_SURVEY_WAVE_CLOSED',
    });
    // A value off the scale is refused with the field named.
    await expect(
      answerByLink(ctx, surveyId, waves.post, links.post[r.id], {
        language: 'en',
        answers: [{ instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 101 }],
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_VALIDATION', details: { field: 'answers.0.value' } });
    // A reissued link replaces the old one.
    const [fresh] = await issueLinks(world.accounts.convener, surveyId, waves.post, [r.id]);
    await expect(
      answerByLink(ctx, surveyId, waves.post, links.post[r.id], { language: 'en', answers }),
    ).rejects.toMatchObject({
      code: 'TT_ERR_SURVEY_LINK_INVALID',
    });
    links.post[r.id] = fresh.token;
    expect(await countRows(getDb(), 'survey_responses')).toBe(before[0]);
    expect(await countRows(getDb(), 'audit_log')).toBe(afterIssue + 1);
  });

  it('computes effects equal to the evaluation core on the same scores', async () => {
    const report = await evidence.surveyEffectsOf(world.accounts.funder, surveyId, {
      from: 'baseline',
      to: 'post',
    });
    const thermometer = report.instruments.find((i) => i.instrument_id === 'feeling-thermometer')!;
    const core = surveyEffects(expectedScores, { from: 'baseline', to: 'post' });
    expect(thermometer.report.overall.participants.n).toBe(8);
    expect(thermometer.report.overall.comparison.n).toBe(8);
    // The core's figures, with its field names in the API's snake_case.
    expect(thermometer.report.overall).toEqual(snakeKeys(core.overall));
    expect(thermometer.report.overall.pre_post_control!.d).toBeGreaterThan(0.3);
    const bySide = thermometer.report.subgroups.find((s) => s.attribute === 'side')!;
    // Four per arm is below the minimum of 10: the counts are given, the effect is not.
    expect(bySide.groups.map((g) => [g.level, g.participants, g.comparison, g.effect])).toEqual([
      ['North', 4, 4, null],
      ['South', 4, 4, null],
    ]);
    expect(bySide.groups.every((g) => g.suppressed?.reason === 'too_few_per_arm')).toBe(true);
    const byGender = thermometer.report.subgroups.find((s) => s.attribute === 'gender')!;
    expect(byGender.groups.map((g) => g.level)).toEqual(['man', 'woman']);
    // Dose: meetings attended by the post wave's close (every meeting): 3, 3, 2, 3, 2, 3, 1, 1.
    expect(thermometer.report.dose_response!.levels.map((l) => [l.dose, l.n])).toEqual([
      [1, 2],
      [2, 2],
      [3, 4],
    ]);
    expect(thermometer.improvement_sign).toBe(1);
  });

  it('imports a wave from CSV all or nothing, naming the row and column of an error', async () => {
    const header = 'respondent,arm,feeling-thermometer:warmth:North,feeling-thermometer:warmth:South';
    const good = respondents.slice(0, 3).map((r, i) => `${r.pseudonym},,${60 + i},${55 + i}`);
    const bad = [header, ...good, 'NEW-1,comparison,50,abc'].join('\n');
    const before = [
      await countRows(getDb(), 'survey_responses'),
      await countRows(getDb(), 'survey_respondents'),
    ];
    await expect(
      importAnswers(world.accounts.convener, surveyId, waves.follow_up, bad),
    ).rejects.toMatchObject({
      code: 'TT_ERR_IMPORT_REJECTED',
      details: { row: 5, column: 'feeling-thermometer:warmth:South' },
    });
    await expect(
      importAnswers(
        world.accounts.convener,
        surveyId,
        waves.follow_up,
        [header, ...good, 'NOBODY,,50,50'].join('\n'),
      ),
    ).rejects.toMatchObject({ details: { row: 5, column: 'respondent' } });
    await expect(
      importAnswers(
        world.accounts.convener,
        surveyId,
        waves.follow_up,
        `${header},feeling-thermometer:warmth:East\nX,,1,2,3`,
      ),
    ).rejects.toMatchObject({ details: { row: 1, column: 'feeling-thermometer:warmth:East' } });
    await expect(
      importAnswers(
        world.accounts.convener,
        surveyId,
        waves.follow_up,
        [header, ...good, `${respondents[4].pseudonym},,50,150`].join('\n'),
      ),
    ).rejects.toMatchObject({ details: { row: 5, column: 'feeling-thermometer:warmth:South' } });
    expect([
      await countRows(getDb(), 'survey_responses'),
      await countRows(getDb(), 'survey_respondents'),
    ]).toEqual(before);
    await expect(
      importAnswers(world.accounts.funder, surveyId, waves.follow_up, [header, ...good].join('\n')),
    ).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });

    const progress: number[] = [];
    const result = await importAnswers(
      world.accounts.convener,
      surveyId,
      waves.follow_up,
      [header, ...good, 'NEW-1,comparison,50,51'].join('\n'),
      { onProgress: (done) => progress.push(done) },
    );
    expect(result).toEqual({ rows: 4, created: 4, replaced: 0, new_respondents: 1 });
    expect(progress).toEqual([1, 2, 3, 4]);
    expect(await countRows(getDb(), 'survey_responses')).toBe(before[0] + 4);
  });

  it('holds each role to the contract: participants and funders never read answers, only some may manage', async () => {
    const { participant, funder, researcher, facilitator } = world.accounts;
    await expect(evidence.surveyEffectsOf(participant, surveyId)).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });
    await expect(surveys.listRespondents(funder, surveyId)).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });
    await expect(surveys.listRespondents(researcher, surveyId)).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });
    await expect(issueLinks(funder, surveyId, waves.post)).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });
    await expect(
      enterOnBehalf(participant, surveyId, waves.post, {
        respondent_id: respondents[0].id,
        language: 'en',
        answers: [],
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    await expect(surveyResearchExport(funder, surveyId)).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    await expect(surveyResearchExport(facilitator, surveyId)).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });
    await expect(surveys.getSurvey({ ...ctx, auth: null }, surveyId)).rejects.toMatchObject({
      code: 'TT_ERR_UNAUTHENTICATED',
    });
    const status = await surveys.listRespondents(facilitator, surveyId);
    expect(JSON.stringify(status)).not.toMatch(/warmth|"value"/);
    expect(status.find((s) => s.id === respondents[0].id)!.answered).toEqual([
      'baseline',
      'follow_up',
      'post',
    ]);
  });

  it('exports anonymised cells with none smaller than k = 5', async () => {
    const data = await surveyResearchExport(world.accounts.researcher, surveyId);
    expect(data.k).toBe(5);
    expect(data.suppressed).toBeGreaterThan(0);
    for (const cell of data.cells) {
      if (cell.n !== null) expect(cell.n).toBeGreaterThanOrEqual(5);
      else expect([cell.mean, cell.sd]).toEqual([null, null]);
    }
    const all = data.cells.find(
      (c) =>
        c.instrument === 'feeling-thermometer' &&
        c.wave === 'baseline' &&
        c.arm === 'participant' &&
        c.dimension === 'all',
    )!;
    expect(all.n).toBe(8);
    // Sides split 4/4: both hidden. Roles split 2 elders / 6 youth leaders: the 6 is hidden too, or 8 - 6 gives the 2 away.
    const roles = data.cells.filter(
      (c) =>
        c.instrument === 'feeling-thermometer' &&
        c.wave === 'baseline' &&
        c.arm === 'participant' &&
        c.dimension === 'role',
    );
    expect(roles.map((c) => [c.level, c.n])).toEqual([
      ['elder', null],
      ['youth_leader', null],
    ]);
    const text = JSON.stringify(data);
    for (const r of respondents) expect(text).not.toContain(r.pseudonym);
    for (const r of respondents) expect(text).not.toContain(r.id);
  });

  it('warns when women fall below the target, beside the Track-I baseline', async () => {
    const report = await initiativeInclusion(world.accounts.funder, world.initiative.id, 'year');
    expect(report.baseline.negotiators).toBe(0.13);
    const meetings = report.initiatives[0].meetings.rows;
    expect(meetings.map((r) => [r.attendees, r.women])).toEqual([
      [8, 4],
      [4, 1],
      [6, 3],
    ]);
    expect(report.warnings.map((w) => [w.level, w.unit_id])).toEqual([['meeting', world.meetingIds[1]]]);
    expect(report.warnings[0].message).toContain('25%');
    expect(report.breakdown.side.find((r) => r.period === '2024')!.counts).toEqual({ North: 4, South: 4 });
    await expect(initiativeInclusion(world.accounts.participant, world.initiative.id)).rejects.toMatchObject({
      code: 'TT_ERR_FORBIDDEN',
    });
  });

  it('pools the initiative with an external study as the core does, and draws the forest plot over HTTP', async () => {
    const researcher = world.accounts.researcher;
    await expect(
      evidence.addExternalEffect(world.accounts.funder, world.workspace.id, {
        label: 'X',
        effect: 0.3,
        variance: 0.02,
        instrument_kind: null,
        citation: '',
      }),
    ).rejects.toMatchObject({ code: 'TT_ERR_FORBIDDEN' });
    // One study alone is listed, unpooled, where the meta-analysis (REML needs two) refuses.
    const alone = await evidence.evidenceStudies(world.accounts.funder, world.workspace.id);
    expect(alone.studies.map((s) => s.source)).toEqual(['initiative']);
    await expect(evidence.evidenceMeta(world.accounts.funder, world.workspace.id)).rejects.toMatchObject({
      code: 'TT_ERR_EVIDENCE_TOO_FEW',
    });
    await evidence.addExternalEffect(researcher, world.workspace.id, {
      label: 'Published study (2019)',
      effect: 0.25,
      variance: 0.015,
      instrument_kind: 'feeling_thermometer',
      citation: 'A journal',
    });
    const meta = await evidence.evidenceMeta(world.accounts.funder, world.workspace.id, { method: 'dl' });
    expect(meta.studies.map((s) => s.source)).toEqual(['initiative', 'external']);
    const core = metaAnalysis(meta.studies, { method: 'dl' });
    expect(meta.result).toEqual(snakeKeys(core));
    const effects = await evidence.surveyEffectsOf(world.accounts.funder, surveyId);
    const primary = effects.instruments[0].report.overall.primary!;
    expect(meta.studies[0].effect).toBeCloseTo(primary.estimate, 12);
    expect(meta.studies[0].variance).toBeCloseTo(primary.se ** 2, 12);

    const app = await testApp(getDb(), engine.dialect, {}, ctx.keys);
    try {
      const token = await getDb()
        .transaction()
        .execute(async (trx) => {
          const { createApiToken } = await import('../../src/security/sessions.js');
          return (
            await createApiToken(
              trx,
              ctx.keys,
              { accountId: world.accountIds.funder },
              { accountId: world.accountIds.funder, name: 'forest' },
            )
          ).token;
        });
      const headers = { authorization: `Bearer ${token}` };
      const svg = await app.inject({
        method: 'GET',
        url: `/api/workspaces/${world.workspace.id}/evidence/forest.svg?method=reml`,
        headers,
      });
      expect(svg.statusCode).toBe(200);
      expect(svg.headers['content-type']).toContain('image/svg+xml');
      expect(svg.body).toContain('<svg');
      expect(svg.body).toContain('Published study (2019)');
      const studies = await app.inject({
        method: 'GET',
        url: `/api/workspaces/${world.workspace.id}/evidence/studies?to=post`,
        headers,
      });
      expect(studies.statusCode).toBe(200);
      expect(studies.json().studies.map((s: { label: string }) => s.label)).toEqual(
        meta.studies.map((s) => s.label),
      );
      expect(studies.json()).not.toHaveProperty('result');
      const byHttp = await app.inject({
        method: 'GET',
        url: `/api/surveys/${surveyId}/effects?from=baseline&to=post`,
        headers,
      });
      expect(byHttp.statusCode).toBe(200);
      expect(byHttp.json().instruments[0].report.overall.pre_post_control.d).toBeCloseTo(
        effects.instruments[0].report.overall.pre_post_control!.d,
        12,
      );
      const wrongWave = await app.inject({
        method: 'POST',
        url: `/api/surveys/${surveyId}/waves/${waves.baseline}/answers`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          token: links.post[respondents[2].id],
          answers: [{ instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 1 }],
        }),
      });
      expect(wrongWave.statusCode).toBe(403);
      expect(wrongWave.json().error?.code ?? wrongWave.body).toContain('TT_ERR_SURVEY_LINK_MISMATCH');
      const byLink = await app.inject({
        method: 'POST',
        url: `/api/surveys/${surveyId}/waves/${waves.post}/answers`,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({
          token: links.post[respondents[2].id],
          answers: [{ instrument: 'feeling-thermometer', out_group: 'North', item: 'warmth', value: 70 }],
        }),
      });
      expect(byLink.statusCode).toBe(201);
      expect(byLink.json().replaced).toBe(true);
    } finally {
      await app.close();
    }
  });
});

describe('survey definitions', () => {
  it('refuses an unknown library instrument and a malformed custom one, naming the field', () => {
    expect(() => surveys.resolveInstruments([{ library: 'no-such' }])).toThrow(/instruments.0.library/);
    expect(() => surveys.resolveInstruments([{ custom: { id: 'mine' } }])).toThrow(/instruments.0.custom/);
    expect(() =>
      surveys.resolveInstruments([{ library: 'outgroup-trust' }, { library: 'outgroup-trust' }]),
    ).toThrow(/twice/);
  });
});
