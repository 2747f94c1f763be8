import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createVaultKeys } from '../../src/security/vault.js';
import { generateDemoWorkspace } from '../../src/domain/demo/index.js';
import { generateDemoSurveys } from '../../src/domain/demo/surveys.js';
import { systemAuth } from '../../src/security/auth.js';
import type { ServiceContext } from '../../src/services/context.js';
import { loadDemoWorkspace, type DemoWorkspaceIds } from '../../src/services/demo/index.js';
import { evidenceMeta, initiativeSurveyEffects } from '../../src/services/evidence/index.js';
import { surveyResearchExport } from '../../src/services/surveys/index.js';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { forEachEngine } from '../support/databases.js';

describe('demo surveys (pure)', () => {
  it('are the same on every run, three waves per initiative with a comparison group', () => {
    const doc = generateDemoWorkspace();
    const a = generateDemoSurveys(doc);
    expect(generateDemoSurveys(doc)).toEqual(a);
    expect(a.map((s) => s.initiative_id)).toEqual(['initiative-dialogue', 'initiative-council']);
    for (const survey of a) {
      expect(survey.waves.map((w) => w.kind)).toEqual(['baseline', 'post', 'follow_up']);
      expect(survey.respondents.filter((r) => r.arm === 'comparison').length).toBeGreaterThanOrEqual(8);
      // Respondents answer about the other communities only.
      for (const answer of survey.answers) {
        const respondent = survey.respondents.find((r) => r.key === answer.respondent)!;
        expect(answer.answers.some((x) => x.out_group === respondent.side)).toBe(false);
      }
    }
  });
});

forEachEngine('demo surveys in the demo workspace', (getDb, engine) => {
  let ctx: ServiceContext;
  let demo: DemoWorkspaceIds;
  const masterKey = randomBytes(32);
  beforeAll(async () => {
    ctx = {
      db: getDb(),
      dialect: engine.dialect,
      keys: createVaultKeys(masterKey),
      auth: systemAuth('demo survey test'),
    };
    demo = await loadDemoWorkspace(ctx);
  });

  it('shows a positive effect of contact on every initiative, beyond the comparison group', async () => {
    for (const initiativeId of [demo.initiativeIds.dialogue, demo.initiativeIds.council]) {
      for (const to of ['post', 'follow_up'] as const) {
        const [survey] = await initiativeSurveyEffects(ctx, initiativeId, { from: 'baseline', to });
        const thermometer = survey.instruments.find((i) => i.instrument_id === 'feeling-thermometer')!;
        const { overall } = thermometer.report;
        expect(overall.participants.n).toBeGreaterThanOrEqual(5);
        expect(overall.comparison.n).toBeGreaterThanOrEqual(5);
        expect(overall.primary!.kind).toBe('d_ppc2');
        expect(overall.difference_in_differences!.estimate).toBeGreaterThan(0);
        const trust = survey.instruments.find((i) => i.instrument_id === 'outgroup-trust')!;
        expect(trust.report.overall.difference_in_differences!.estimate).toBeGreaterThan(0);
      }
    }
  });

  it('pools both initiatives and exports k-anonymous cells', async () => {
    const meta = await evidenceMeta(ctx, demo.workspaceId, { method: 'reml' });
    expect(meta.studies).toHaveLength(2);
    expect(meta.result.estimate).toBeGreaterThan(0);
    const [survey] = await initiativeSurveyEffects(ctx, demo.initiativeIds.dialogue);
    const data = await surveyResearchExport(ctx, survey.survey_id);
    expect(data.cells.every((c) => c.n === null || c.n >= 5)).toBe(true);
  });

  it('prints the effects and imports answers with tracktwo surveys, through the same services', async () => {
    const previous = process.env.TRACKTWO_MASTER_KEY;
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    try {
      const io = captureIo();
      const args = ['--initiative', demo.initiativeIds.dialogue, '--database', engine.getUrl()];
      expect(await main(['node', 'tracktwo', 'surveys', 'effects', ...args, '--format', 'json'], io)).toBe(0);
      const expected = await initiativeSurveyEffects(ctx, demo.initiativeIds.dialogue);
      expect(JSON.parse(io.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
      const text = captureIo();
      expect(await main(['node', 'tracktwo', 'surveys', 'effects', ...args], text)).toBe(0);
      expect(text.stdout).toContain('d_ppc2');
      expect(text.stdout).toContain('by side:');
      // A subgroup below 10 per arm is printed with its counts and no estimate.
      const groups = expected.flatMap((s) =>
        s.instruments.flatMap((i) => i.report.subgroups.flatMap((split) => split.groups)),
      );
      for (const g of groups.filter((group) => group.suppressed)) {
        expect(text.stdout).toContain(
          `${g.level} too few to show: n < 10 (participants ${g.participants}, comparison ${g.comparison})`,
        );
      }
      for (const g of groups.filter((group) => !group.suppressed)) {
        expect(g.participants).toBeGreaterThanOrEqual(10);
      }

      const dir = mkdtempSync(join(tmpdir(), 'tt-survey-'));
      const file = join(dir, 'answers.csv');
      writeFileSync(file, 'respondent,arm,feeling-thermometer:warmth:Keshani\nCMP-NEW-1,comparison,101\n');
      const bad = captureIo();
      const surveyId = expected[0].survey_id;
      const importArgs = [
        '--survey',
        surveyId,
        '--wave',
        'follow_up',
        '--file',
        file,
        '--database',
        engine.getUrl(),
      ];
      expect(await main(['node', 'tracktwo', 'surveys', 'import', ...importArgs], bad)).not.toBe(0);
      expect(bad.stderr).toContain('TT_ERR_IMPORT_REJECTED');
      expect(bad.stderr).toContain('row 2');
      writeFileSync(file, 'respondent,arm,feeling-thermometer:warmth:Keshani\nCMP-NEW-1,comparison,61\n');
      const good = captureIo();
      expect(await main(['node', 'tracktwo', 'surveys', 'import', ...importArgs], good)).toBe(0);
      expect(good.stdout).toContain('Imported 1 answers (1 new, 0 replaced; 1 new comparison respondents)');
      rmSync(dir, { recursive: true, force: true });
    } finally {
      if (previous === undefined) delete process.env.TRACKTWO_MASTER_KEY;
      else process.env.TRACKTWO_MASTER_KEY = previous;
    }
  });
});
