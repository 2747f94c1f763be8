import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken } from '../../src/security/sessions.js';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { testApp, testKeys } from '../server/support/app.js';
import { surveyWorld } from './fixtures.js';

interface Texts {
  name: string;
  instructions: string;
  items: Record<string, string>;
  anchors: Record<string, string>;
}
interface Translation {
  instrument_id: string;
  language: string;
  standing: string;
  from_library: boolean;
  source: Texts;
  texts: Texts | null;
  approved_by: string | null;
  approved_at: string | null;
}

/** A Somali-looking translation of the English texts, keeping {outGroup} where it is. */
const translate = (source: Texts): Texts => {
  const so = (text: string) => `SO ${text}`;
  const map = (record: Record<string, string>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, so(v)]));
  return {
    name: so(source.name),
    instructions: so(source.instructions),
    items: map(source.items),
    anchors: map(source.anchors),
  };
};

forEachEngine('survey instruments translated by people, approved by a second person', (getDb, engine) => {
  let app: FastifyInstance;
  let world: Awaited<ReturnType<typeof surveyWorld>>;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    const keys = testKeys();
    app = await testApp(getDb(), engine.dialect, {}, keys);
    world = await surveyWorld(getDb(), { db: getDb(), dialect: engine.dialect, keys, auth: null });
    for (const role of ['convener', 'facilitator', 'funder'] as const) {
      const accountId = world.accountIds[role];
      tokens[role] = await getDb()
        .transaction()
        .execute(
          async (trx) => (await createApiToken(trx, keys, { accountId }, { accountId, name: 't' })).token,
        );
    }
  });
  afterAll(async () => {
    await app.close();
  });

  const call = (
    role: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
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

  it('asks respondents only in checked texts, and records who approved and when', async () => {
    const created = await call('convener', 'POST', '/api/surveys', {
      initiative_id: world.initiative.id,
      title: 'Seven languages',
      instruments: [{ library: 'feeling-thermometer' }, { library: 'outgroup-trust' }],
      out_groups: ['North', 'South'],
      languages: ['en', 'fr', 'ar', 'so'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const survey = created.json();
    const wave = (
      await call('convener', 'POST', `/api/surveys/${survey.id}/waves`, {
        kind: 'baseline',
        opens_on: '2020-01-01',
        closes_on: '2099-12-31',
      })
    ).json();
    await call('convener', 'POST', `/api/surveys/${survey.id}/respondents`, {
      respondents: [{ arm: 'comparison', pseudonym: 'CMP-T', side: 'North', gender: null }],
    });
    const [link] = (
      await call('convener', 'POST', `/api/surveys/${survey.id}/waves/${wave.id}/links`, {})
    ).json().items;
    const form = (language: string) =>
      call(null, 'POST', `/api/surveys/${survey.id}/waves/${wave.id}/form`, { token: link.token, language });

    const listed: Translation[] = (
      await call('convener', 'GET', `/api/surveys/${survey.id}/translations`)
    ).json().items;
    const standing = (language: string) =>
      listed.filter((t) => t.language === language).map((t) => t.standing);
    expect(standing('fr')).toEqual(['reviewed', 'reviewed']);
    expect(standing('ar')).toEqual(['draft', 'draft']);
    expect(standing('so')).toEqual(['missing', 'missing']);
    expect(listed.find((t) => t.language === 'ar')!.from_library).toBe(true);

    expect((await form('fr')).json().language).toBe('fr');
    // Unchecked texts are never put to respondents: the form comes in English.
    for (const language of ['ar', 'so']) {
      const fallback = await form(language);
      expect(fallback.statusCode).toBe(200);
      expect(fallback.json().language).toBe('en');
    }

    // Bad drafts are refused with the field named, and change nothing.
    const trust = listed.find((t) => t.language === 'so' && t.instrument_id === 'outgroup-trust')!;
    const good = translate(trust.source);
    const url = `/api/surveys/${survey.id}/translations/outgroup-trust/so`;
    const before = await tablesSnapshot(getDb(), ['survey_translations', 'audit_log']);
    const firstItem = Object.keys(good.items)[0];
    const { [firstItem]: _dropped, ...fewer } = good.items;
    const missing = await call('facilitator', 'PUT', url, { texts: { ...good, items: fewer } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.field).toBe(`texts.items.${firstItem}`);
    const withHole = Object.entries(trust.source.items).find(([, text]) => text.includes('{outGroup}'))!;
    const noHole = await call('facilitator', 'PUT', url, {
      texts: { ...good, items: { ...good.items, [withHole[0]]: 'SO without the group' } },
    });
    expect(noHole.statusCode).toBe(400);
    expect(noHole.json().error.details.field).toBe(`texts.items.${withHole[0]}`);
    const english = await call(
      'facilitator',
      'PUT',
      `/api/surveys/${survey.id}/translations/outgroup-trust/en`,
      {
        texts: good,
      },
    );
    expect(english.statusCode).toBe(400);
    const funder = await call('funder', 'PUT', url, { texts: good });
    expect(funder.statusCode).toBe(403);
    expect(await tablesSnapshot(getDb(), ['survey_translations', 'audit_log'])).toBe(before);

    // The facilitator translates both; they cannot approve their own; the convener does.
    for (const t of listed.filter((t) => t.language === 'so')) {
      const saved = await call(
        'facilitator',
        'PUT',
        `/api/surveys/${survey.id}/translations/${t.instrument_id}/so`,
        {
          texts: translate(t.source),
        },
      );
      expect(saved.statusCode, saved.body).toBe(200);
      expect(saved.json()).toMatchObject({ standing: 'draft', from_library: false, approved_at: null });
    }
    expect((await form('so')).json().language).toBe('en');
    const own = await call('facilitator', 'POST', `${url}/approve`);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('TT_ERR_SURVEY_TRANSLATION_OWN');
    for (const t of listed.filter((t) => t.language === 'so')) {
      const approved = await call(
        'convener',
        'POST',
        `/api/surveys/${survey.id}/translations/${t.instrument_id}/so/approve`,
      );
      expect(approved.statusCode, approved.body).toBe(200);
      expect(approved.json().standing).toBe('approved');
      expect(approved.json().approved_by).toBeTruthy();
      expect(Date.parse(approved.json().approved_at)).toBeGreaterThan(0);
    }

    const somali = await form('so');
    expect(somali.statusCode, somali.body).toBe(200);
    const asked = somali.json().instruments as {
      id: string;
      out_group: string | null;
      items: { text: string }[];
      draft_translation: boolean;
    }[];
    expect(asked.every((i) => !i.draft_translation)).toBe(true);
    const south = asked.find((i) => i.id === 'outgroup-trust' && i.out_group === 'South')!;
    expect(south.items.every((item) => item.text.startsWith('SO '))).toBe(true);
    expect(south.items.some((item) => item.text.includes('South'))).toBe(true);
    expect(south.items.some((item) => item.text.includes('{outGroup}'))).toBe(false);

    // Changing an approved translation makes it a draft again, until approved again.
    await call('facilitator', 'PUT', url, { texts: { ...good, name: 'SO a better name' } });
    expect((await form('so')).json().language).toBe('en');

    const audit = await getDb()
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'survey_translation.%')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['survey_translation.save', 'survey_translation.approve']),
    );

    // Removing the survey's own translation brings back the library's (Arabic: a draft again).
    const removed = await call('convener', 'DELETE', url);
    expect(removed.json()).toMatchObject({ standing: 'missing', texts: null });
  });
});
