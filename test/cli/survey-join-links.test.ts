import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { enginesToRun, openTestDatabase, type TestDatabase } from '../support/databases.js';

async function run(env: Record<string, string>, ...args: string[]) {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const io = captureIo();
    const code = await main(['node', 'tracktwo', ...args], io);
    return { code, out: io.stdout, err: io.stderr };
  } finally {
    process.env = saved;
  }
}

for (const dialect of enginesToRun()) {
  describe(`tracktwo surveys join-link (${dialect})`, () => {
    const env = { TRACKTWO_MASTER_KEY: randomBytes(32).toString('base64') };
    let database: TestDatabase;
    let surveyId: string;
    beforeAll(async () => {
      database = await openTestDatabase(dialect);
      expect((await run(env, 'demo', 'load', '--database', database.url)).code).toBe(0);
      surveyId = (
        await database.store.db.selectFrom('surveys').select('id').orderBy('id').executeTakeFirstOrThrow()
      ).id;
    });
    afterAll(async () => {
      await database?.dispose();
    });

    it('opens, lists and revokes a survey join link', async () => {
      const db = ['--database', database.url];
      const opened = await run(env, 'surveys', 'join-link', 'open', '--survey', surveyId, ...db);
      expect(opened.code, opened.err).toBe(0);
      expect(opened.out).toMatch(/^\/p\/#\/survey-join\/[A-Za-z0-9_-]{22}\n/);
      const listed = await run(env, 'surveys', 'join-link', 'list', '--survey', surveyId, ...db);
      expect(listed.out).toContain('in force  joined 0');
      const linkId = listed.out.split(/\s+/)[0];
      const revoked = await run(
        env,
        'surveys',
        'join-link',
        'revoke',
        '--survey',
        surveyId,
        '--link',
        linkId,
        ...db,
      );
      expect(revoked.code, revoked.err).toBe(0);
      expect(revoked.out).toContain('revoked');
      const rows = await database.store.db.selectFrom('survey_join_links').selectAll().execute();
      expect(rows).toHaveLength(1);
      expect(rows[0].revoked_at).not.toBeNull();
    });

    it('refuses an unknown survey with a coded error and makes nothing', async () => {
      const before = await database.store.db.selectFrom('survey_join_links').selectAll().execute();
      const unknown = await run(
        env,
        'surveys',
        'join-link',
        'open',
        '--survey',
        'no-such-survey',
        '--database',
        database.url,
      );
      expect(unknown.code).not.toBe(0);
      expect(unknown.err).toMatch(/TT_ERR_/);
      expect(await database.store.db.selectFrom('survey_join_links').selectAll().execute()).toEqual(before);
    });
  });
}
