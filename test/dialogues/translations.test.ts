import { describe, expect, it } from 'vitest';
import { beforeAll } from 'vitest';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import { testKeys } from '../server/support/app.js';
import { forEachEngine } from '../support/databases.js';
import { tablesSnapshot } from '../support/records.js';
import { caller, dialogueWorldOfBlock } from './fixtures.js';

const AR = 'يجب أن نتقاسم الآبار.';
const HE = 'צריך לחלוק את הבארות.';
const AR_IN_HE = 'צריך לשתף את מי הנהר.';
const HE_IN_AR = 'يجب أن نشارك مياه النهر.';

forEachEngine('statements translated by people', (getDb, engine) => {
  const world = dialogueWorldOfBlock(getDb, engine);
  let translatorToken = '';
  const convener = () => caller(world.app, { bearer: world.tokens.convener });
  const translator = () => caller(world.app, { bearer: translatorToken });
  const del = (url: string, bearer: string) =>
    world.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${bearer}` } });
  const snapshot = () =>
    tablesSnapshot(getDb(), ['dialogues', 'dialogue_statements', 'statement_translations', 'audit_log']);

  beforeAll(async () => {
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const sys = systemAuth('translator fixture');
        const keys = testKeys();
        const account = await createAccount(trx, keys, sys, {
          email: 'translator@example.org',
          displayName: 'translator',
          password: 'quiet river lantern 8241',
        });
        await grantMembership(trx, keys, sys, {
          accountId: account.id,
          initiativeId: world.initiativeId,
          role: 'translator',
        });
        translatorToken = (
          await createApiToken(trx, keys, { accountId: account.id }, { accountId: account.id, name: 't' })
        ).token;
      });
  });

  async function arabicHebrewDialogue(hold = false) {
    const created = await convener()('POST', `/api/initiatives/${world.initiativeId}/dialogues`, {
      prompt: 'What should the valley do with its water?',
      languages: ['ar', 'he'],
      translation_hold: hold,
    });
    expect(created.statusCode, created.body).toBe(201);
    const dialogue = created.json() as { id: string; languages: string[]; translation_hold: boolean };
    expect(dialogue.languages).toEqual(['ar', 'he']);
    expect(dialogue.translation_hold).toBe(hold);
    const seeded = await convener()('POST', `/api/dialogues/${dialogue.id}/statements`, {
      statements: [
        { text: AR, language: 'ar' },
        { text: HE, language: 'he' },
      ],
    });
    expect(seeded.statusCode, seeded.body).toBe(201);
    const [ar, he] = seeded.json().items as { id: string; language: string }[];
    expect([ar.language, he.language]).toEqual(['ar', 'he']);
    return { id: dialogue.id, ar: ar.id, he: he.id };
  }

  async function participant(id: string, language: string) {
    const code = (await convener()('GET', `/api/dialogues/${id}`)).json().join_url.split('/').pop();
    const joined = await caller(world.app)('POST', `/api/join/${code}`, { language });
    expect(joined.statusCode, joined.body).toBe(201);
    return caller(world.app, { participant: joined.json().token });
  }

  it('queues statements missing a translation, takes a translator’s text, and shows each reader their language', async () => {
    const d = await arabicHebrewDialogue();
    const queue = await translator()('GET', `/api/dialogues/${d.id}/translations?missing=he`);
    expect(queue.statusCode, queue.body).toBe(200);
    expect(queue.json().items.map((i: { statement_id: string }) => i.statement_id)).toEqual([d.ar]);
    expect(queue.json().items[0]).toMatchObject({ text: AR, language: 'ar', missing: ['he'] });
    // The queue never names an author.
    expect(JSON.stringify(queue.json())).not.toContain('author');

    const put = await translator()('PUT', `/api/dialogues/${d.id}/statements/${d.ar}/translations/he`, {
      text: AR_IN_HE,
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ statement_id: d.ar, language: 'he', text: AR_IN_HE, status: 'human' });
    const put2 = await translator()('PUT', `/api/dialogues/${d.id}/statements/${d.he}/translations/ar`, {
      text: HE_IN_AR,
    });
    expect(put2.statusCode, put2.body).toBe(200);
    expect(
      (await translator()('GET', `/api/dialogues/${d.id}/translations?missing=he`)).json().items,
    ).toEqual([]);
    const stored = await getDb()
      .selectFrom('statement_translations')
      .select(['translator_account_id', 'status'])
      .where('dialogue_id', '=', d.id)
      .execute();
    expect(stored).toHaveLength(2);
    expect(stored.every((r) => r.translator_account_id !== null && r.status === 'human')).toBe(true);

    const hebrew = await participant(d.id, 'he');
    const arabic = await participant(d.id, 'ar');
    const inHebrew = (await hebrew('GET', `/api/dialogues/${d.id}/statements?language=he`)).json().items;
    expect(inHebrew.map((s: { text: string }) => s.text)).toEqual([AR_IN_HE, HE]);
    expect(inHebrew.map((s: { original: boolean }) => s.original)).toEqual([false, true]);
    const inArabic = (await arabic('GET', `/api/dialogues/${d.id}/statements?language=ar`)).json().items;
    expect(inArabic.map((s: { text: string }) => s.text)).toEqual([AR, HE_IN_AR]);

    // Votes pool across languages: one statement, one set of votes.
    for (const [who, statement, vote] of [
      [hebrew, d.ar, 1],
      [arabic, d.ar, 1],
      [hebrew, d.he, -1],
      [arabic, d.he, 1],
    ] as const) {
      const cast = await who('POST', `/api/dialogues/${d.id}/votes`, { statement_id: statement, vote });
      expect(cast.statusCode, cast.body).toBe(201);
    }
    const results = await convener()('GET', `/api/dialogues/${d.id}/results?language=he`);
    expect(results.statusCode, results.body).toBe(200);
    const r = results.json();
    const ar = r.statements.find((s: { id: string }) => s.id === d.ar);
    expect(ar).toMatchObject({ agree: 2, disagree: 0, text: AR_IN_HE, language: 'he', original: false });
    expect(ar).toMatchObject({ original_text: AR, original_language: 'ar' });
    expect(r.statements.find((s: { id: string }) => s.id === d.he)).toMatchObject({ agree: 1, disagree: 1 });
    expect(r.votes).toBe(4);
    expect(r.by_language.languages).toEqual([
      { language: 'ar', participants: 1, votes: 2 },
      { language: 'he', participants: 1, votes: 2 },
    ]);
    const tallies = r.by_language.statements.find((s: { statement_id: string }) => s.statement_id === d.he);
    expect(tallies.tallies).toEqual([
      { language: 'ar', agree: 1, disagree: 0, pass: 0 },
      { language: 'he', agree: 0, disagree: 1, pass: 0 },
    ]);

    // The Pol.is export keeps the original and writes the translations apart.
    const exported = (await convener()('GET', `/api/dialogues/${d.id}/export`)).json();
    expect(exported['comments.csv']).toContain(AR);
    expect(exported['comments.csv']).not.toContain(AR_IN_HE);
    const lines = exported['comment-translations.csv'].trim().split('\n');
    expect(lines[0]).toBe('comment-id,original-language,language,status,comment-body');
    expect(lines).toContain(`0,ar,he,human,${AR_IN_HE}`);
    expect(lines).toContain(`1,he,ar,human,${HE_IN_AR}`);

    // Removing a translation shows the original again, marked as such.
    const removed = await del(`/api/dialogues/${d.id}/statements/${d.ar}/translations/he`, translatorToken);
    expect(removed.statusCode, removed.body).toBe(204);
    const again = (await hebrew('GET', `/api/dialogues/${d.id}/statements?language=he`)).json().items;
    expect(again[0]).toMatchObject({ text: AR, language: 'ar', original: true });
  });

  it('holds a participant’s new statement back from other languages until it is translated', async () => {
    const d = await arabicHebrewDialogue(true);
    const arabic = await participant(d.id, 'ar');
    const hebrew = await participant(d.id, 'he');
    const written = await arabic('POST', `/api/dialogues/${d.id}/statements`, {
      text: 'نحتاج إلى لجنة مشتركة.',
    });
    expect(written.statusCode, written.body).toBe(201);
    const sid = written.json().id as string;
    expect(written.json().language).toBe('ar');
    const seen = async (who: typeof arabic, language: string) =>
      (await who('GET', `/api/dialogues/${d.id}/statements?language=${language}`))
        .json()
        .items.map((s: { id: string }) => s.id);
    expect(await seen(arabic, 'ar')).toContain(sid);
    expect(await seen(hebrew, 'he')).not.toContain(sid);
    const refused = await hebrew('POST', `/api/dialogues/${d.id}/votes`, {
      statement_id: sid,
      vote: 1,
      language: 'he',
    });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('TT_ERR_DIALOGUE_UNKNOWN_STATEMENT');
    const put = await translator()('PUT', `/api/dialogues/${d.id}/statements/${sid}/translations/he`, {
      text: 'אנחנו צריכים ועדה משותפת.',
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await seen(hebrew, 'he')).toContain(sid);
    const voted = await hebrew('POST', `/api/dialogues/${d.id}/votes`, {
      statement_id: sid,
      vote: 1,
      language: 'he',
    });
    expect(voted.statusCode, voted.body).toBe(201);
  });

  it('lets the translator see statements and translations only: no participants, votes, results or actors', async () => {
    const d = await arabicHebrewDialogue();
    const read = await translator()('GET', `/api/dialogues/${d.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().join_url).toBeUndefined();
    const list = await translator()('GET', `/api/initiatives/${world.initiativeId}/dialogues`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.every((x: { join_url?: string }) => x.join_url === undefined)).toBe(true);
    for (const url of [
      `/api/dialogues/${d.id}/results`,
      `/api/dialogues/${d.id}/export`,
      `/api/dialogues/${d.id}/moderation`,
      `/api/dialogues/${d.id}/statements`,
      `/api/dialogues/${d.id}/next`,
      `/api/dialogues/${d.id}/join-links`,
      `/api/initiatives/${world.initiativeId}/meetings`,
      `/api/initiatives/${world.initiativeId}/outcomes`,
      `/api/initiatives/${world.initiativeId}/members`,
    ]) {
      const answer = await translator()('GET', url);
      expect([403, 404], `${url}: ${answer.body}`).toContain(answer.statusCode);
    }
    const voted = await translator()('POST', `/api/dialogues/${d.id}/votes`, { statement_id: d.ar, vote: 1 });
    expect(voted.statusCode).toBe(403);
    // Participants and researchers do not translate.
    for (const role of ['participant', 'researcher', 'funder'] as const) {
      const put = await caller(world.app, { bearer: world.tokens[role] })(
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/he`,
        { text: 'x' },
      );
      expect(put.statusCode, role).toBe(403);
    }
    // An outsider is not told the dialogue exists.
    const outsider = await caller(world.app, { bearer: world.tokens.outsider })(
      'GET',
      `/api/dialogues/${d.id}/translations`,
    );
    expect(outsider.statusCode).toBe(404);
  });

  it('refuses bad input with a coded error and changes nothing', async () => {
    const d = await arabicHebrewDialogue();
    const before = await snapshot();
    const cases: [string, string, unknown, number, string][] = [
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/ar`,
        { text: 'same' },
        400,
        'TT_ERR_TRANSLATION_LANGUAGE',
      ],
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/fr`,
        { text: 'Partager' },
        400,
        'TT_ERR_TRANSLATION_LANGUAGE',
      ],
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/HE!`,
        { text: 'x' },
        400,
        'TT_ERR_VALIDATION',
      ],
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/he`,
        { text: '' },
        400,
        'TT_ERR_VALIDATION',
      ],
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/he`,
        { text: 'x', status: 'machine' },
        400,
        'TT_ERR_VALIDATION',
      ],
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/${d.ar}/translations/he`,
        { text: 'x'.repeat(1_001) },
        400,
        'TT_ERR_VALIDATION',
      ],
      [
        'PUT',
        `/api/dialogues/${d.id}/statements/00000000-0000-4000-8000-000000000000/translations/he`,
        { text: 'x' },
        404,
        'TT_ERR_NOT_FOUND',
      ],
      [
        'GET',
        `/api/dialogues/${d.id}/translations?missing=fr`,
        undefined,
        400,
        'TT_ERR_TRANSLATION_LANGUAGE',
      ],
      [
        'POST',
        `/api/dialogues/${d.id}/statements`,
        { text: 'Bonjour', language: 'fr' },
        400,
        'TT_ERR_TRANSLATION_LANGUAGE',
      ],
      ['PATCH', `/api/dialogues/${d.id}`, { languages: ['ar', 'ar'] }, 400, 'TT_ERR_VALIDATION'],
    ];
    for (const [method, url, body, status, code] of cases) {
      const who = method === 'GET' || url.includes('/translations/') ? translator() : convener();
      const answer = await who(method as 'GET', url, body);
      expect(answer.statusCode, `${method} ${url}: ${answer.body}`).toBe(status);
      expect(answer.json().error.code).toBe(code);
    }
    const missing = await del(`/api/dialogues/${d.id}/statements/${d.ar}/translations/he`, translatorToken);
    expect(missing.statusCode).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('changes a dialogue’s languages and hold in its settings', async () => {
    const d = await arabicHebrewDialogue();
    const patched = await convener()('PATCH', `/api/dialogues/${d.id}`, {
      languages: ['ar', 'he', 'en'],
      translation_hold: true,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ languages: ['ar', 'he', 'en'], translation_hold: true });
    const queue = (await translator()('GET', `/api/dialogues/${d.id}/translations?missing=en`)).json().items;
    expect(queue.map((i: { statement_id: string }) => i.statement_id)).toEqual([d.ar, d.he]);
  });
});

describe('translations list', () => {
  it('is covered by the snapshot tables', async () => {
    const { snapshotTables } = await import('../../src/store/snapshot.js');
    expect(snapshotTables.map(([t]) => t)).toContain('statement_translations');
  });
});
