import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { captureIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { createAccount } from '../../src/security/accounts.js';
import { systemAuth } from '../../src/security/auth.js';
import { totpCode } from '../../src/security/totp.js';
import { createVaultKeys } from '../../src/security/vault.js';
import {
  confirmTotpEnrolment,
  secondFactorStatusOf,
  startTotpEnrolment,
} from '../../src/services/accounts/index.js';
import type { ServiceContext } from '../../src/services/context.js';
import { forEachEngine } from '../support/databases.js';
import { createTestWorkspace } from '../support/records.js';

async function run(...args: string[]) {
  const io = captureIo();
  const code = await main(['node', 'tracktwo', ...args], io);
  return { code, out: io.stdout, err: io.stderr };
}

forEachEngine('tracktwo accounts 2fa and workspaces require-2fa', (getDb, engine) => {
  const masterKey = randomBytes(32);
  const saved = process.env.TRACKTWO_MASTER_KEY;
  let system: ServiceContext;
  let W = '';
  const cli = (...args: string[]) => run(...args, '--database', engine.getUrl());
  const actions = async () =>
    (await getDb().selectFrom('audit_log').select(['action', 'account_id']).orderBy('seq').execute()).map(
      (row) => `${row.action}:${row.account_id ?? 'system'}`,
    );

  beforeAll(async () => {
    process.env.TRACKTWO_MASTER_KEY = masterKey.toString('base64');
    system = {
      db: getDb(),
      dialect: engine.dialect,
      keys: createVaultKeys(masterKey),
      auth: systemAuth('test'),
    };
    W = (await createTestWorkspace(system, 'Rule workspace')).id;
    const account = await getDb()
      .transaction()
      .execute((trx) =>
        createAccount(trx, system.keys, system.auth, {
          email: 'lost@example.org',
          displayName: 'Lost Phone',
          password: 'a long enough passphrase 9',
        }),
      );
    const own: ServiceContext = { ...system, auth: { accountId: account.id } };
    const { secret } = await startTotpEnrolment(own, 'cookie');
    await confirmTotpEnrolment(own, 'cookie', { code: await totpCode(secret) });
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TRACKTWO_MASTER_KEY;
    else process.env.TRACKTWO_MASTER_KEY = saved;
  });

  it('shows an account’s second factors and resets them, audited', async () => {
    const status = await cli('accounts', '2fa', 'status', 'LOST@example.org');
    expect(status.code, status.err).toBe(0);
    expect(status.out).toContain('lost@example.org: second factor on');
    expect(status.out).toContain('authenticator app: on');
    expect(status.out).toContain('recovery codes left: 10');

    const reset = await cli('accounts', '2fa', 'reset', 'lost@example.org');
    expect(reset.code, reset.err).toBe(0);
    expect(reset.out).toContain('second factor off');
    expect((await secondFactorStatusOf(system, 'lost@example.org')).enabled).toBe(false);
    expect(await actions()).toContain('second_factor.reset:system');

    const unknown = await cli('accounts', '2fa', 'reset', 'nobody@example.org');
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toContain('TT_ERR_NOT_FOUND');
  });

  it('sets the workspace rule on and off, audited; refuses a bad value and changes nothing', async () => {
    const bad = await cli('workspaces', 'require-2fa', W, 'maybe');
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('TT_ERR_VALIDATION');
    expect(await getDb().selectFrom('second_factor_rules').selectAll().execute()).toEqual([]);

    const on = await cli('workspaces', 'require-2fa', W, 'on');
    expect(on.code, on.err).toBe(0);
    expect(on.out).toContain('requires a second factor');
    expect(await getDb().selectFrom('second_factor_rules').select('workspace_id').execute()).toEqual([
      { workspace_id: W },
    ]);
    const off = await cli('workspaces', 'require-2fa', W, 'off');
    expect(off.code, off.err).toBe(0);
    expect(await getDb().selectFrom('second_factor_rules').selectAll().execute()).toEqual([]);
    const log = await actions();
    expect(log).toContain('workspace.second_factor.require:system');
    expect(log).toContain('workspace.second_factor.release:system');
  });
});
