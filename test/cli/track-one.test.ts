import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createAccount, grantMembership } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { createVaultKeys } from '../../src/security/vault.js';
import type { ServiceContext } from '../../src/services/context.js';
import { forEachEngine } from '../support/databases.js';
import {
  createTestConflict,
  createTestInitiative,
  createTestWorkspace,
  tablesSnapshot,
} from '../support/records.js';

const ROLES = ['convener', 'funder', 'field_monitor', 'participant'] as const;
const email = (role: string) => `${role}@trackone-cli.example.org`;
const TABLES = [
  'track_one_events',
  'track_one_event_parties',
  'peace_indicators',
  'funders',
  'budget_lines',
  'pledges',
  'disbursements',
  'audit_log',
] as const;

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo trackone, resources and indicators (as an account)', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const saved = { key: process.env.TRACKTWO_MASTER_KEY, token: process.env.TRACKTWO_TOKEN };
  let W = '';
  let C = '';
  let I = '';
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());
  const json = async (...args: string[]) => {
    const result = await cli(...args, '--format', 'json');
    expect(result.code, result.err).toBe(0);
    return JSON.parse(result.out);
  };
  const snapshot = () => tablesSnapshot(getDb(), TABLES);

  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    delete process.env.TRACKTWO_TOKEN;
    const system: ServiceContext = {
      db: getDb(),
      dialect: engine.dialect,
      keys: createVaultKeys(masterKey),
      auth: systemAuth('cli fixture'),
    };
    W = (await createTestWorkspace(system, 'Track-I CLI workspace')).id;
    C = (await createTestConflict(system, W, 'Lake dispute', { name: 'Shore', groups: ['North', 'South'] }))
      .id;
    I = (await createTestInitiative(system, W, C, 'Lake talks')).id;
    await getDb()
      .transaction()
      .execute(async (trx) => {
        const sys = systemAuth('cli fixture');
        for (const role of ROLES) {
          const account = await createAccount(trx, system.keys, sys, {
            email: email(role),
            displayName: role,
            password: 'cli fixture passphrase 9',
          });
          await grantMembership(trx, system.keys, sys, { accountId: account.id, initiativeId: I, role });
        }
      });
  });
  afterAll(() => {
    for (const [variable, value] of [
      ['TRACKTWO_MASTER_KEY', saved.key],
      ['TRACKTWO_TOKEN', saved.token],
    ] as const) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
  });

  it('adds, lists and deletes Track-I events, with PA-X coding and parties', async () => {
    const party = (
      await json('actors', 'add', C, '--role', 'state_official', '--track', '1', '--as', email('convener'))
    ).id as string;
    const agreement = await json(
      'trackone',
      'add',
      C,
      '--kind',
      'agreement_signed',
      '--date',
      '2024-03-17',
      '--precision',
      'month',
      '--title',
      'Lake accord',
      '--source',
      'UN press release',
      '--stage',
      'framework_partial',
      '--gender-provisions',
      'yes',
      '--party',
      party,
      '--as',
      email('convener'),
    );
    expect(agreement).toMatchObject({
      kind: 'agreement_signed',
      occurred_on: '2024-03-01',
      date_precision: 'month',
      agreement_stage: 'framework_partial',
      gender_provisions: true,
      party_actor_ids: [party],
    });
    const talks = await cli(
      'trackone',
      'add',
      C,
      '--kind',
      'talks_opened',
      '--date',
      '2023-11-02',
      '--title',
      'Talks open',
      '--as',
      email('convener'),
    );
    expect(talks.code, talks.err).toBe(0);
    expect(talks.out).toMatch(/^Added Track-I event \S+ \(2023-11-02, talks_opened\)/);

    const listed = await json('trackone', 'list', C, '--as', email('convener'));
    expect(listed.items.map((e: { title: string }) => e.title)).toEqual(['Talks open', 'Lake accord']);
    const table = await cli('trackone', 'list', C, '--as', email('convener'));
    expect(table.out).toMatch(/^id\s+date\s+kind\s+title/);
    expect(table.out).toContain('2024-03');
    expect(table.out).toContain('framework_partial');

    // Refused input names the option and changes nothing.
    const before = await snapshot();
    const noStage = await cli(
      'trackone',
      'add',
      C,
      '--kind',
      'agreement_signed',
      '--date',
      '2024-01-01',
      '--title',
      'X',
      '--gender-provisions',
      'no',
      '--as',
      email('convener'),
    );
    expect(noStage.code).not.toBe(0);
    expect(noStage.err).toContain('TT_ERR_VALIDATION');
    expect(noStage.err).toContain('--stage');
    const badYes = await cli(
      'trackone',
      'add',
      C,
      '--kind',
      'agreement_signed',
      '--date',
      '2024-01-01',
      '--title',
      'X',
      '--stage',
      'ceasefire',
      '--gender-provisions',
      'maybe',
      '--as',
      email('convener'),
    );
    expect(badYes.err).toContain('--gender-provisions');
    const byFunder = await cli(
      'trackone',
      'add',
      C,
      '--kind',
      'truce',
      '--date',
      '2024-01-01',
      '--title',
      'X',
      '--as',
      email('funder'),
    );
    expect(byFunder.code).not.toBe(0);
    expect(byFunder.err).toContain('TT_ERR_FORBIDDEN');
    expect(await snapshot()).toBe(before);

    const deleted = await cli('trackone', 'delete', agreement.id, '--as', email('convener'));
    expect(deleted.code, deleted.err).toBe(0);
    expect((await json('trackone', 'list', C, '--as', email('convener'))).items).toHaveLength(1);
  });

  it('records budget lines, pledges and disbursements; the gap per currency; funders see totals', async () => {
    const funder = await json(
      'resources',
      'funder',
      'add',
      W,
      '--name',
      'Lake Fund',
      '--as',
      email('convener'),
    );
    await json(
      'resources',
      'budget-line',
      'add',
      I,
      '--label',
      'Venue',
      '--currency',
      'USD',
      '--amount',
      '1200.50',
      '--as',
      email('convener'),
    );
    await json(
      'resources',
      'budget-line',
      'add',
      I,
      '--label',
      'Travel',
      '--currency',
      'KES',
      '--amount',
      '50000',
      '--as',
      email('convener'),
    );
    const pledge = await json(
      'resources',
      'pledge',
      'add',
      I,
      '--funder',
      funder.id,
      '--currency',
      'USD',
      '--amount',
      '1000',
      '--date',
      '2024-02-01',
      '--as',
      email('convener'),
    );
    expect(pledge).toMatchObject({ funder_name: 'Lake Fund', amount: 1000, disbursed: 0 });
    await json(
      'resources',
      'disburse',
      pledge.id,
      '--amount',
      '400',
      '--date',
      '2024-03-01',
      '--as',
      email('convener'),
    );

    const before = await snapshot();
    const over = await cli(
      'resources',
      'disburse',
      pledge.id,
      '--amount',
      '600.01',
      '--date',
      '2024-03-02',
      '--as',
      email('convener'),
    );
    expect(over.code).not.toBe(0);
    expect(over.err).toContain('TT_ERR_OVER_DISBURSED');
    const badAmount = await cli(
      'resources',
      'budget-line',
      'add',
      I,
      '--label',
      'X',
      '--currency',
      'usd',
      '--amount',
      'ten',
      '--as',
      email('convener'),
    );
    expect(badAmount.code).not.toBe(0);
    expect(badAmount.err).toContain('TT_ERR_VALIDATION');
    expect(await snapshot()).toBe(before);

    const shown = await json('resources', 'show', I, '--as', email('convener'));
    expect(shown.details).toBe(true);
    expect(shown.pledges).toHaveLength(1);
    expect(shown.gap).toEqual([
      { currency: 'KES', needed: 50000, pledged: 0, disbursed: 0, unpledged: 50000, undisbursed: 0 },
      { currency: 'USD', needed: 1200.5, pledged: 1000, disbursed: 400, unpledged: 200.5, undisbursed: 600 },
    ]);
    const table = await cli('resources', 'show', I, '--as', email('convener'));
    expect(table.out).toContain('Lake Fund');
    expect(table.out).toMatch(/USD\s+1200\.5\s+1000\s+400\s+200\.5\s+600/);

    const asFunder = await json('resources', 'show', I, '--as', email('funder'));
    expect(asFunder).toMatchObject({ details: false, pledges: [], disbursements: [] });
    expect(asFunder.gap).toEqual(shown.gap);
    const funderTable = await cli('resources', 'show', I, '--as', email('funder'));
    expect(funderTable.out).not.toContain('Lake Fund');
    expect(funderTable.out).toContain('you see the totals');
  });

  it("takes a field monitor's monthly report, all or nothing", async () => {
    const reported = await json(
      'indicators',
      'report',
      I,
      '--area',
      'North shore',
      '--month',
      '2024-04',
      '--indicator',
      'markets_open=3',
      '--indicator',
      'other:shared well=2',
      '--as',
      email('field_monitor'),
    );
    expect(
      reported.items
        .map((i: { kind: string; other_label: string; count: number }) => [i.kind, i.other_label, i.count])
        .sort(),
    ).toEqual([
      ['markets_open', '', 3],
      ['other', 'shared well', 2],
    ]);
    const before = await snapshot();
    const bad = await cli(
      'indicators',
      'report',
      I,
      '--area',
      'North shore',
      '--month',
      '2024-04',
      '--indicator',
      'markets_open=5',
      '--indicator',
      'joint_events=-1',
      '--as',
      email('field_monitor'),
    );
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('--indicator');
    const noEquals = await cli(
      'indicators',
      'report',
      I,
      '--area',
      'A',
      '--month',
      '2024-04',
      '--indicator',
      'markets_open',
      '--as',
      email('field_monitor'),
    );
    expect(noEquals.err).toContain('KIND=COUNT');
    const participant = await cli(
      'indicators',
      'report',
      I,
      '--area',
      'A',
      '--month',
      '2024-04',
      '--indicator',
      'markets_open=1',
      '--as',
      email('participant'),
    );
    expect(participant.err).toContain('TT_ERR_FORBIDDEN');
    expect(await snapshot()).toBe(before);
    const listed = await cli('indicators', 'list', I, '--month', '2024-04', '--as', email('convener'));
    expect(listed.out).toContain('shared well');
  });
});
