import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createVaultKeys } from '../../src/security/vault.js';
import { systemAuth } from '../../src/security/auth.js';
import { createDialogue } from '../../src/services/dialogues/index.js';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { forEachEngine } from '../support/databases.js';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo dialogue channels show|set', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const saved = { key: process.env.TRACKTWO_MASTER_KEY, token: process.env.TRACKTWO_TOKEN };
  let D = '';
  let other = '';
  let survey = '';
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());
  const row = () =>
    getDb()
      .selectFrom('dialogue_channels')
      .selectAll()
      .where('dialogue_id', '=', D)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    delete process.env.TRACKTWO_TOKEN;
    await loadDemoWorkspace(getDb(), createVaultKeys(masterKey));
    const demo = await getDb()
      .selectFrom('dialogue_channels')
      .innerJoin('dialogues', 'dialogues.id', 'dialogue_channels.dialogue_id')
      .select(['dialogues.id', 'dialogues.initiative_id'])
      .where('sms_keyword', '=', 'DEMO')
      .executeTakeFirstOrThrow();
    D = demo.id;
    survey = (
      await getDb()
        .selectFrom('surveys')
        .select('id')
        .where('initiative_id', '=', demo.initiative_id)
        .executeTakeFirstOrThrow()
    ).id;
    other = (
      await createDialogue(
        {
          db: getDb(),
          dialect: engine.dialect,
          keys: createVaultKeys(masterKey),
          auth: systemAuth('fixture'),
        },
        demo.initiative_id,
        {
          meeting_id: null,
          divide_id: null,
          prompt: 'Grazing?',
          strict_moderation: false,
          hide_authors: false,
          seed: 0,
          statements: [],
          languages: ['en'],
        },
      )
    ).id;
  });
  afterAll(() => {
    process.env.TRACKTWO_MASTER_KEY = saved.key;
    if (saved.token === undefined) delete process.env.TRACKTWO_TOKEN;
    else process.env.TRACKTWO_TOKEN = saved.token;
  });

  it('shows and sets keyword, channels, languages and survey through the settings use case', async () => {
    const shown = await cli('dialogue', 'channels', 'show', D);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain('keyword: DEMO\nsms: on\nussd: on\n');
    const set = await cli(
      'dialogue',
      'channels',
      'set',
      D,
      '--keyword',
      'MAJI',
      '--sms',
      'off',
      '--languages',
      'so,en',
      '--survey',
      survey,
      '--format',
      'json',
    );
    expect(set.code, set.err).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({
      sms_keyword: 'MAJI',
      sms_enabled: false,
      ussd_enabled: true,
      languages: ['so', 'en'],
      survey_id: survey,
    });
    expect(await row()).toMatchObject({ sms_keyword: 'MAJI', sms_enabled: 0, survey_id: survey });
    const audited = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'dialogue_channels.set')
      .execute();
    expect(audited.length).toBeGreaterThan(0);
    expect((await cli('dialogue', 'channels', 'show', D)).out).toContain('survey: ' + survey);
  });

  it('refuses a taken keyword, a bad switch and an unknown language with a code, changing nothing', async () => {
    const before = await row();
    const taken = await cli('dialogue', 'channels', 'set', other, '--keyword', 'MAJI');
    expect(taken.code).not.toBe(0);
    expect(taken.err).toContain('TT_ERR_CHANNEL_KEYWORD_TAKEN');
    const bad = await cli('dialogue', 'channels', 'set', D, '--sms', 'maybe');
    expect(bad.err).toContain('TT_ERR_VALIDATION');
    const language = await cli('dialogue', 'channels', 'set', D, '--languages', 'de');
    expect(language.err).toContain('TT_ERR_VALIDATION');
    const noSurvey = await cli('dialogue', 'channels', 'set', D, '--survey', 'nope');
    expect(noSurvey.err).toContain('TT_ERR_NOT_FOUND');
    expect(await row()).toEqual(before);
  });
});
