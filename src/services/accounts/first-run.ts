import {
  createAccount,
  grantWorkspaceAdmin,
  setInstanceAdmin,
  type Account,
} from '../../security/accounts.js';
import { systemAuth } from '../../security/auth.js';
import { generatePassword } from '../../security/passwords.js';
import { listAccountRows } from '../../store/repositories/accounts.js';
import { hasNoWorkspace } from '../../store/repositories/workspaces.js';
import { actingAs, inTransaction, type ServiceContext } from '../context.js';

/** Loads the demo workspace and returns its id (the demo engineer's `loadDemoWorkspace`, injected). */
export type DemoLoader = (ctx: ServiceContext) => Promise<{ workspaceId: string }>;

export const DEMO_ADMIN_EMAIL = 'admin@demo.tracktwo.invalid';

export type FirstRun =
  | { kind: 'existing' }
  | { kind: 'setup-open' }
  | { kind: 'demo'; workspaceId: string; account: Account; password: string };

/**
 * What a start does to an empty database: with the demo, load it and make a demo administrator whose
 * password is printed once (only its hash is kept); without, leave the first account to /api/setup.
 * A database that has any account is left alone.
 */
export async function prepareFirstRun(
  ctx: ServiceContext,
  options: { demo: boolean; loadDemo?: DemoLoader },
): Promise<FirstRun> {
  if ((await listAccountRows(ctx.db)).length > 0) return { kind: 'existing' };
  if (!options.demo || !options.loadDemo || !(await hasNoWorkspace(ctx.db))) return { kind: 'setup-open' };
  const system = systemAuth('first start: demo workspace');
  const { workspaceId } = await options.loadDemo(actingAs(ctx, system));
  const password = generatePassword();
  const account = await inTransaction(ctx, async (trx) => {
    const created = await createAccount(trx, ctx.keys, system, {
      email: DEMO_ADMIN_EMAIL,
      displayName: 'Demo administrator',
      password,
      // Printed on the console: whoever reads it must not keep it as the administrator's password.
      mustChangePassword: true,
    });
    await grantWorkspaceAdmin(trx, ctx.keys, system, { workspaceId, accountId: created.id });
    await setInstanceAdmin(trx, ctx.keys, system, { accountId: created.id, grant: true });
    return created;
  });
  return { kind: 'demo', workspaceId, account, password };
}
