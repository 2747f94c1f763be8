import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createAccount, grantWorkspaceAdmin } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createApiToken } from '../../src/security/sessions.js';
import type { Database } from '../../src/store/schema.js';
import { forEachEngine, listTables } from '../support/databases.js';
import { testApp, testKeys } from '../server/support/app.js';
import { surveyWorld } from '../surveys/fixtures.js';

/**
 * Malformed files through every importer's real route (Kumu CSV pair, workspace JSON, survey answers
 * CSV, Pol.is files): fast-check derives them from valid seeds by dropping, duplicating and renaming
 * columns, wrong types, huge values, NUL bytes, BOMs, CR/LF mixes, unclosed quotes, duplicate rows,
 * references to missing records, truncation, deep JSON and invalid UTF-8. Whatever arrives: never a
 * 5xx, every refusal a coded TT_ERR_* body (naming row and column, or the field, where the importer
 * can), and a refused import changes no row of any table.
 */

const RUNS_PER_IMPORTER = 260;

// --- mutations of CSV text ----------------------------------------------------------------------------

type CsvMutation = (csv: string, pick: number) => string;

const lines = (csv: string) => csv.split('\n');
const cells = (line: string) => line.split(',');

const csvMutations: Record<string, CsvMutation> = {
  dropColumn: (csv, pick) =>
    lines(csv)
      .map((line) => cells(line).filter((_, i) => i !== pick % cells(lines(csv)[0]).length))
      .map((c) => c.join(','))
      .join('\n'),
  duplicateColumn: (csv, pick) =>
    lines(csv)
      .map((line) => {
        const c = cells(line);
        const i = pick % c.length;
        return [...c.slice(0, i + 1), c[i], ...c.slice(i + 1)].join(',');
      })
      .join('\n'),
  renameColumn: (csv, pick) => {
    const [head, ...rest] = lines(csv);
    const c = cells(head);
    c[pick % c.length] = ['Label ', 'label', 'x', '', '"', 'Unknown column'][pick % 6];
    return [c.join(','), ...rest].join('\n');
  },
  wrongType: (csv, pick) => setCell(csv, pick, ['abc', '-1', '1e309', 'NaN', '3.5', 'true', '[]'][pick % 7]),
  hugeValue: (csv, pick) => setCell(csv, pick, 'x'.repeat(100_000 + pick)),
  hugeNumber: (csv, pick) => setCell(csv, pick, '9'.repeat(400)),
  nulByte: (csv, pick) => insertAt(csv, pick, '\u0000'),
  bom: (csv) => '\uFEFF' + csv,
  doubleBom: (csv) => '\uFEFF\uFEFF' + csv,
  crlfMix: (csv, pick) =>
    lines(csv)
      .map((line, i) => line + ((i + pick) % 2 ? '\r' : ''))
      .join('\n'),
  bareCr: (csv) => csv.replaceAll('\n', '\r'),
  unclosedQuote: (csv, pick) => insertAt(csv, pick, '"'),
  duplicateRow: (csv, pick) => {
    const all = lines(csv);
    if (all.length < 2) return csv + '\n' + csv;
    const i = 1 + (pick % (all.length - 1));
    return [...all.slice(0, i + 1), all[i], ...all.slice(i + 1)].join('\n');
  },
  missingReference: (csv, pick) => setCell(csv, pick, 'Nobody Known ' + pick),
  truncate: (csv, pick) => csv.slice(0, pick % Math.max(1, csv.length)),
  headerOnly: (csv) => lines(csv)[0],
  blankLines: (csv) => csv.replaceAll('\n', '\n\n\n'),
  extraCells: (csv, pick) =>
    lines(csv)
      .map((line, i) => (i === 1 + (pick % Math.max(1, lines(csv).length - 1)) ? line + ',extra,more' : line))
      .join('\n'),
  loneSurrogate: (csv, pick) => insertAt(csv, pick, '\uD800'),
  controlChars: (csv, pick) => insertAt(csv, pick, '\u0001\u001b[2J\u007f'),
  manyRows: (csv) => {
    const all = lines(csv);
    if (csv.length > 10_000) return csv;
    return [all[0], ...Array.from({ length: 5_000 }, () => all[1] ?? '')].join('\n');
  },
};

function setCell(csv: string, pick: number, value: string): string {
  const all = lines(csv);
  if (all.length < 2) return csv;
  const row = 1 + (pick % (all.length - 1));
  const c = cells(all[row]);
  c[Math.floor(pick / 7) % c.length] = value;
  all[row] = c.join(',');
  return all.join('\n');
}

function insertAt(text: string, pick: number, piece: string): string {
  const at = pick % (text.length + 1);
  return text.slice(0, at) + piece + text.slice(at);
}

/** One to three CSV mutations in a row. */
const csvFile = (seed: string) =>
  fc
    .array(fc.tuple(fc.constantFrom(...Object.keys(csvMutations)), fc.nat(1_000_000)), {
      minLength: 1,
      maxLength: 3,
    })
    .map((steps) => ({
      steps: steps.map(([name]) => name),
      text: steps.reduce((text, [name, pick]) => csvMutations[name](text, pick), seed),
    }));

// --- mutations of JSON documents ----------------------------------------------------------------------

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a document (objects and arrays), so a mutation can land anywhere. */
function paths(value: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  // Below this depth lies only what an earlier `deep` mutation put there.
  if (prefix.length > 12) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) paths(v, [...prefix, k], out);
  return out;
}

function getAt(doc: Json, path: (string | number)[]): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k], doc);
}

function setAt(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const copy = structuredClone(doc);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1];
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
  return copy;
}

/**
 * Deep nesting is spliced in as text when the body is serialised: as a value it would overflow the
 * generator's own recursion (structuredClone, JSON.stringify) before the server ever saw it.
 */
const deepMarker = (depth: number) => `__deep_${depth}__`;

function serialise(doc: Json): Buffer {
  const text = JSON.stringify(doc).replace(/"__deep_(\d+)__"/g, (_, n: string) => {
    const depth = Number(n);
    return '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
  });
  return Buffer.from(text, 'utf8');
}

type JsonMutation = (doc: Json, path: (string | number)[], pick: number) => Json;

const jsonMutations: Record<string, JsonMutation> = {
  drop: (doc, path) => setAt(doc, path, undefined),
  toNull: (doc, path) => setAt(doc, path, null),
  toText: (doc, path) => setAt(doc, path, 'not the right type'),
  toNumber: (doc, path, pick) => setAt(doc, path, [-1, 0, 1e308, 3.5, -0, 2 ** 53 + 1][pick % 6]),
  toBoolean: (doc, path) => setAt(doc, path, true),
  toArray: (doc, path) => setAt(doc, path, []),
  toObject: (doc, path) => setAt(doc, path, {}),
  huge: (doc, path, pick) => setAt(doc, path, 'y'.repeat(200_000 + pick)),
  nul: (doc, path) => setAt(doc, path, 'a\u0000b'),
  deep: (doc, path, pick) => setAt(doc, path, deepMarker(200 + (pick % 5_000))),
  rename: (doc, path) => {
    if (path.length === 0) return doc;
    const parent = getAt(doc, path.slice(0, -1));
    if (Array.isArray(parent) || parent === null || typeof parent !== 'object') return doc;
    const key = String(path[path.length - 1]);
    const copy = setAt(doc, path, undefined) as Json;
    return setAt(copy, [...path.slice(0, -1), key + '_renamed'], getAt(doc, path));
  },
  duplicate: (doc, path) => {
    // The nearest array around the path gets a copy of its element: duplicate ids.
    for (let n = path.length; n > 0; n--) {
      const parent = getAt(doc, path.slice(0, n - 1));
      if (Array.isArray(parent)) {
        const i = path[n - 1] as number;
        const copy = structuredClone(parent);
        copy.splice(i, 0, structuredClone(parent[i]));
        return setAt(doc, path.slice(0, n - 1), copy);
      }
    }
    return doc;
  },
  missingReference: (doc, path) => setAt(doc, path, '00000000-0000-4000-8000-000000000000'),
  foreignId: (doc, path) => setAt(doc, path, 'not-an-id'),
};

/** A JSON body: a mutated document, or raw bytes that are not (quite) JSON. */
interface Body {
  steps: string[];
  raw: Buffer;
}

/** A counterexample reads as its mutations and the start of its bytes, not as a dump of every byte. */
function body(steps: string[], raw: Buffer): Body {
  return {
    steps,
    raw,
    [fc.toStringMethod]: () =>
      `${steps.join(' then ')} (${raw.length} bytes): ${JSON.stringify(raw.subarray(0, 400).toString('utf8'))}`,
  } as Body;
}

const jsonFile = (seed: Json) => {
  const all = paths(seed);
  const mutated = fc
    .array(
      fc.tuple(fc.constantFrom(...Object.keys(jsonMutations)), fc.nat(all.length - 1), fc.nat(1_000_000)),
      { minLength: 1, maxLength: 3 },
    )
    .map((steps): Body => {
      let doc = seed;
      for (const [name, at, pick] of steps) {
        const inDoc = paths(doc);
        doc = jsonMutations[name](doc, inDoc[at % inDoc.length], pick);
      }
      return body(
        steps.map(([name]) => name),
        serialise(doc),
      );
    });
  const text = JSON.stringify(seed);
  const rawBytes = fc
    .tuple(fc.constantFrom('truncate', 'bom', 'latin1', 'invalidUtf8', 'deepText'), fc.nat(1_000_000))
    .map(([name, pick]): Body => {
      const bytes = Buffer.from(text, 'utf8');
      const raw =
        name === 'truncate'
          ? bytes.subarray(0, pick % bytes.length)
          : name === 'bom'
            ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
            : name === 'latin1'
              ? Buffer.from(text.replace(/"([^"]{3,})"/, '"$1é"'), 'latin1')
              : name === 'invalidUtf8'
                ? Buffer.concat([
                    bytes.subarray(0, pick % bytes.length),
                    Buffer.from([0xc3, 0x28, 0xff]),
                    bytes.subarray(pick % bytes.length),
                  ])
                : Buffer.from('['.repeat(50_000 + (pick % 50_000)) + ']'.repeat(50_000 + (pick % 50_000)));
      return body([`raw:${name}`], raw);
    });
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: rawBytes, weight: 1 });
};

/** A JSON body carrying CSV files as strings: mutate one of them (or the envelope's bytes). */
const csvFilesBody = (seed: Record<string, string>, files: string[]) =>
  fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.constantFrom(...files), ...files.map((f) => csvFile(seed[f])))
        .map(([which, ...mutated]): Body => {
          const i = files.indexOf(which);
          const texts = { ...seed, [which]: mutated[i].text };
          return body([`${which}:${mutated[i].steps.join('+')}`], Buffer.from(JSON.stringify(texts)));
        }),
    },
    { weight: 1, arbitrary: jsonFile(seed) },
  );

// --- the test ---------------------------------------------------------------------------------------

interface ErrorBody {
  error?: {
    code?: unknown;
    details?: { row?: unknown; column?: unknown; field?: unknown; file?: unknown; reason?: unknown };
  };
}

forEachEngine('malformed files through every importer', (getDb, engine) => {
  let app: FastifyInstance;
  let headers: Record<string, string>;
  /** Each importer's route and valid body; `files` counts the CSV files one body carries. */
  const seeds = {} as Record<
    'kumu' | 'workspace' | 'survey' | 'polis',
    { url: string; body: Json; files: number }
  >;
  let tables: string[];
  const figures = { files: 0, accepted: 0, refused: 0, codes: new Map<string, number>() };

  beforeAll(async () => {
    const keys = testKeys();
    const db = getDb();
    app = await testApp(db, engine.dialect, {}, keys);
    const world = await surveyWorld(db, { db, dialect: engine.dialect, keys, auth: null });
    // One workspace administrator for all four importers: the Pol.is, Kumu and survey routes take
    // narrower roles, but the workspace JSON import needs an administrator.
    const token = await db.transaction().execute(async (trx) => {
      const system = systemAuth('malformed imports');
      const account = await createAccount(trx, keys, system, {
        email: 'importer@example.org',
        displayName: 'Importer',
        password: 'malformed imports passphrase',
      });
      await grantWorkspaceAdmin(trx, keys, system, {
        workspaceId: world.workspace.id,
        accountId: account.id,
      });
      return (
        await createApiToken(trx, keys, { accountId: account.id }, { accountId: account.id, name: 'fuzz' })
      ).token;
    });
    headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const call = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
      const response = await app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
      return response.json();
    };

    const survey = await call('POST', '/api/surveys', {
      initiative_id: world.initiative.id,
      title: 'Fuzzed survey',
      instruments: [{ library: 'feeling-thermometer' }],
      out_groups: ['North', 'South'],
    });
    const wave = await call('POST', `/api/surveys/${survey.id}/waves`, {
      kind: 'baseline',
      opens_on: '2020-01-01',
      closes_on: '2099-12-31',
    });
    await call('POST', `/api/surveys/${survey.id}/respondents`, {
      respondents: world.people.map((p) => ({ arm: 'participant', actor_id: p.id })),
    });
    const links = (await call('POST', `/api/surveys/${survey.id}/waves/${wave.id}/links`, {})).items as {
      pseudonym: string;
    }[];
    seeds.survey = {
      url: `/api/surveys/${survey.id}/waves/${wave.id}/import`,
      files: 1,
      body: {
        csv: [
          'respondent,feeling-thermometer:warmth:North,feeling-thermometer:warmth:South',
          ...links.slice(0, 4).map((l, i) => `${l.pseudonym},${40 + i},${60 - i}`),
        ].join('\n'),
      },
    };
    const pseudonym = world.people[0].pseudonym;
    seeds.kumu = {
      url: `/api/conflicts/${world.conflict.id}/import/kumu`,
      files: 2,
      body: {
        elements: [
          'Label,Type,Role,Track,Gender,Region,Side,Description',
          'Quillon Ardevane,Person,scholar,2,woman,Coast,North,Met at the port forum',
          'Serrith Maloven,Person,elder,3,man,Coast,South,',
          'Harbour Women Network,Organisation,womens_leader,2,,Coast,,',
        ].join('\n'),
        connections: [
          'From,To,Type,Strength',
          'Quillon Ardevane,Serrith Maloven,trusts,4',
          `Harbour Women Network,${pseudonym},works_with,2`,
        ].join('\n'),
      },
    };
    seeds.polis = {
      url: `/api/initiatives/${world.initiative.id}/dialogues/import`,
      files: 3,
      body: {
        prompt: 'Fuzzed conversation',
        summary: 'topic,Fuzzed\nurl,https://pol.is/x\nviews,10',
        comments: [
          'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
          '1403067224363,Wed Jun 18 11:53:44 WIB 2014,0,0,1,1,1,Wells should be shared',
          '1403067224364,Wed Jun 18 11:53:45 WIB 2014,1,1,1,0,1,"Roads first, then schools"',
          '1403067224365,Wed Jun 18 11:53:46 WIB 2014,2,2,0,1,-1,Nothing will change',
        ].join('\n'),
        votes: [
          'timestamp,datetime,comment-id,voter-id,vote',
          '1403054214196,Wed Jun 18 08:16:54 WIB 2014,0,0,1',
          '1403054214197,Wed Jun 18 08:16:55 WIB 2014,1,0,-1',
          '1403054214198,Wed Jun 18 08:16:56 WIB 2014,0,1,1',
          '1403054214199,Wed Jun 18 08:16:57 WIB 2014,1,1,1',
          '1403054214200,Wed Jun 18 08:16:58 WIB 2014,2,2,0',
        ].join('\n'),
      },
    };
    const exported = await call('GET', `/api/workspaces/${world.workspace.id}/export/json`);
    seeds.workspace = { url: '/api/workspaces/import/json', body: exported, files: 0 };
    tables = (await listTables(db)).filter((t) => !t.startsWith('kysely_'));
  });
  afterAll(async () => {
    await app.close();
    const codes = [...figures.codes].map(([code, n]) => `${code} ${n}`).join(', ');
    console.log(
      `[malformed-imports] ${engine.dialect}: ${figures.files} files, ${figures.accepted} accepted, ` +
        `${figures.refused} refused (${codes}); 0 5xx, 0 rows changed by a refusal`,
    );
  });

  /**
   * Every row of every table, read table by table side by side. A session's last_used_at is left out:
   * signing a request in writes it once a minute, whether the import is taken or refused.
   */
  const fingerprint = async () => {
    const parts = await Promise.all(
      tables.map(async (table) => {
        const rows = await getDb()
          .selectFrom(table as keyof Database)
          .selectAll()
          .execute();
        const kept = rows.map((row) => {
          if (table !== 'sessions') return JSON.stringify(row);
          const { last_used_at: _touched, ...rest } = row as Record<string, unknown>;
          return JSON.stringify(rest);
        });
        return `${table}:${kept.sort().join('\n')}`;
      }),
    );
    return parts.join('\n#\n');
  };
  // The database as it stands after the last request: a refusal leaves it so, only an accepted import
  // moves it on; so one read per file, after the request, suffices.
  let known: string | undefined;

  async function post(name: keyof typeof seeds, file: Body): Promise<void> {
    const before = (known ??= await fingerprint());
    const response = await app.inject({
      method: 'POST',
      url: seeds[name].url,
      headers,
      payload: file.raw,
    });
    figures.files++;
    const what = `${name} ${file.steps.join(' then ')}: ${response.statusCode} ${response.body.slice(0, 300)}`;
    expect(response.statusCode, what).toBeLessThan(500);
    if (response.statusCode < 300) {
      figures.accepted++;
      known = undefined;
      return;
    }
    figures.refused++;
    const error = (response.json() as ErrorBody).error;
    const code = String(error?.code);
    figures.codes.set(code, (figures.codes.get(code) ?? 0) + 1);
    expect(code, what).toMatch(/^TT_ERR_[A-Z_]+$/);
    const d = error?.details ?? {};
    if (code === 'TT_ERR_IMPORT_REJECTED' || code.startsWith('TT_ERR_CSV_')) {
      // A file's content was at fault: the row (header = 1), and which file when the body holds several.
      expect(Number.isInteger(d.row) && (d.row as number) >= 1, what).toBe(true);
      if (seeds[name].files > 1) expect(typeof d.file, what).toBe('string');
      if (code === 'TT_ERR_CSV_MISSING_COLUMN' && !/empty/.test(String(d.reason))) {
        expect(typeof d.column, what).toBe('string');
      }
    }
    if (code === 'TT_ERR_VALIDATION') expect(typeof d.field, what).toBe('string');
    known = await fingerprint();
    expect(known, what).toBe(before);
  }

  const runs = { numRuns: RUNS_PER_IMPORTER, seed: 20_261_201, endOnFailure: true };

  it('Kumu elements and connections', async () => {
    const seed = seeds.kumu.body as Record<string, string>;
    await fc.assert(
      fc.asyncProperty(csvFilesBody(seed, ['elements', 'connections']), (body) => post('kumu', body)),
      runs,
    );
  });

  it('survey answers CSV', async () => {
    const seed = seeds.survey.body as Record<string, string>;
    await fc.assert(
      fc.asyncProperty(csvFilesBody(seed, ['csv']), (body) => post('survey', body)),
      runs,
    );
  });

  it('Pol.is files', async () => {
    const seed = seeds.polis.body as Record<string, string>;
    await fc.assert(
      fc.asyncProperty(csvFilesBody(seed, ['summary', 'comments', 'votes']), (body) => post('polis', body)),
      runs,
    );
  });

  it('workspace JSON document', async () => {
    await fc.assert(
      fc.asyncProperty(jsonFile(seeds.workspace.body), (body) => post('workspace', body)),
      runs,
    );
  });
});
