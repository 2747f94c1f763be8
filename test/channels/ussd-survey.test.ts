import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../src/services/demo/index.js';
import { writeChannelSettings } from '../../src/services/channels/settings.js';
import { openAnswers } from '../../src/services/surveys/responses.js';
import * as surveys from '../../src/store/repositories/surveys.js';
import { forEachEngine } from '../support/databases.js';
import { freePort } from '../support/free-port.js';
import { testApp, testKeys } from '../server/support/app.js';

const USSD_KEY = 'ussd-secret-key';
const PHONE = '+254711555321';

/** Real Africa's Talking callbacks to the listening server: the dialogue's survey, question by question. */
forEachEngine('channels: a survey answered by USSD', (getDb, engine) => {
  let app: FastifyInstance;
  let base: string;
  let surveyId: string;
  let waveId: string;
  const keys = testKeys();
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    process.env.TRACKTWO_USSD_KEY = USSD_KEY;
    process.env.TRACKTWO_CHANNEL_RATE = '200';
    await loadDemoWorkspace(getDb(), keys);
    const channel = await getDb()
      .selectFrom('dialogue_channels')
      .innerJoin('dialogues', 'dialogues.id', 'dialogue_channels.dialogue_id')
      .select(['dialogue_channels.dialogue_id', 'dialogue_channels.workspace_id', 'dialogues.initiative_id'])
      .where('sms_keyword', '=', 'DEMO')
      .executeTakeFirstOrThrow();
    const survey = await getDb()
      .selectFrom('surveys')
      .select('id')
      .where('initiative_id', '=', channel.initiative_id)
      .executeTakeFirstOrThrow();
    surveyId = survey.id;
    const today = new Date().toISOString().slice(0, 10);
    // The demo's follow-up wave is moved to today, the others off it.
    await getDb()
      .updateTable('survey_waves')
      .set({ opens_on: '2000-01-01', closes_on: '2000-01-02' })
      .where('survey_id', '=', surveyId)
      .execute();
    waveId = (
      await getDb()
        .updateTable('survey_waves')
        .set({ opens_on: today, closes_on: today })
        .where('survey_id', '=', surveyId)
        .where('kind', '=', 'follow_up')
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    app = await testApp(getDb(), engine.dialect, {}, keys);
    await app.listen({ port, host: '127.0.0.1' });
    // Without a survey set, the menu item says so and ends.
    const none = await ussd('1*3', 'ATUid_none');
    expect(none.text).toBe('END No survey is open in this dialogue at the moment.');
    await getDb()
      .transaction()
      .execute((trx) =>
        writeChannelSettings(trx, channel.dialogue_id, channel.workspace_id, { survey_id: surveyId }),
      );
  });
  afterAll(async () => {
    await app?.close();
  });

  const ussd = async (text: string, session: string) => {
    const response = await fetch(`${base}/hooks/ussd/africastalking?key=${encodeURIComponent(USSD_KEY)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ sessionId: session, serviceCode: '*384*123#', phoneNumber: PHONE, text }),
    });
    expect(response.status).toBe(200);
    return { status: response.status, text: await response.text() };
  };
  const responses = () =>
    getDb()
      .selectFrom('survey_responses')
      .selectAll()
      .where('wave_id', '=', waveId)
      .where('respondent_id', 'in', (q) =>
        q.selectFrom('survey_respondents').select('id').where('pseudonym', 'like', 'U-%'),
      )
      .execute();

  it('asks each question with CON, re-asks a wrong answer, stores nothing until the end, then END thanks', async () => {
    const first = await ussd('1*3', 'ATUid_s1');
    expect(first.text).toMatch(/^CON 1\/(\d+) .+\nType a number from \d+ to \d+\.$/su);
    const total = Number(/^CON 1\/(\d+)/u.exec(first.text)![1]);
    expect(total).toBeGreaterThan(1);
    expect(first.text.length).toBeLessThanOrEqual(182);
    const wrong = await ussd('1*3*abc', 'ATUid_s1');
    expect(wrong.text).toMatch(/^CON That choice is not on the menu\. 1\//u);
    const path = ['1', '3', 'abc'];
    const values: number[] = [];
    for (let i = 0; i < total; i += 1) {
      const screen = await ussd(path.join('*'), 'ATUid_s1');
      expect(screen.text, `question ${i + 1}`).toContain(`CON `);
      expect(screen.text).toContain(` ${i + 1}/${total} `);
      const [, min, max] = /Type a number from (\d+) to (\d+)\./u.exec(screen.text)!;
      const value = i % 2 === 0 ? Number(min) : Number(max);
      values.push(value);
      path.push(String(value));
      expect((await responses()).length).toBe(0);
    }
    const done = await ussd(path.join('*'), 'ATUid_s1');
    expect(done.text).toBe('END Thank you: your answers to the survey were saved.');
    const stored = await responses();
    expect(stored).toHaveLength(1);
    expect(stored[0].entered_by).toBe('respondent');
    const survey = (await surveys.getSurvey(getDb(), surveyId))!;
    const answers = await openAnswers(getDb(), keys, survey, stored[0]);
    expect(answers.map((a) => a.value)).toEqual(values);
    // The retried last callback is answered the same and stores nothing more.
    expect((await ussd(path.join('*'), 'ATUid_s1')).text).toBe(done.text);
    expect(await responses()).toHaveLength(1);
  });

  it('a second session of the same phone finds the same respondent: its answer replaces the first', async () => {
    const before = await responses();
    const path = ['1', '3'];
    for (;;) {
      const screen = await ussd(path.join('*'), 'ATUid_s2');
      if (screen.text.startsWith('END ')) {
        expect(screen.text).toContain('Thank you');
        break;
      }
      const [, min] = /Type a number from (\d+) to (\d+)\./u.exec(screen.text)!;
      path.push(min);
    }
    const after = await responses();
    expect(after).toHaveLength(1);
    expect(after[0].respondent_id).toBe(before[0].respondent_id);
    const links = await getDb()
      .selectFrom('survey_links')
      .selectAll()
      .where('respondent_id', '=', after[0].respondent_id)
      .execute();
    expect(links.filter((l) => !l.revoked_at)).toHaveLength(1);
    expect(
      JSON.stringify(await getDb().selectFrom('survey_respondents').selectAll().execute()),
    ).not.toContain(PHONE.slice(4));
  });
});
