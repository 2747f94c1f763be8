import type { Command } from 'commander';
import { TrackTwoError } from '../../domain/errors.js';
import * as accountsService from '../../services/accounts/index.js';
import { databaseHelp, withOperator } from '../database.js';
import type { CommandContext } from '../io.js';

/** Second factors at the command line: the operator looks at an account's, resets lost ones, sets the rule. */

function printStatus(ctx: CommandContext, email: string, status: accountsService.SecondFactorStatus): void {
  ctx.out(`${email.trim().toLowerCase()}: second factor ${status.enabled ? 'on' : 'off'}\n`);
  ctx.out(`  authenticator app: ${status.totp}\n`);
  ctx.out(`  recovery codes left: ${status.recoveryCodesLeft}\n`);
  ctx.out(`  passkeys: ${status.passkeys.length}\n`);
  for (const passkey of status.passkeys)
    ctx.out(`    ${passkey.name}\tadded ${passkey.createdAt}\tlast used ${passkey.lastUsedAt ?? 'never'}\n`);
  if (status.requiredBy.length > 0)
    ctx.out(
      `  required by workspace${status.requiredBy.length > 1 ? 's' : ''} ${status.requiredBy.join(', ')}\n`,
    );
}

/** `tracktwo accounts 2fa status|reset EMAIL`. */
export function registerAccountSecondFactorCommands(accounts: Command, ctx: CommandContext): void {
  const twoFactor = accounts
    .command('2fa')
    .description("An account's second factors: status, or reset when its owner lost them (audited)");
  twoFactor
    .command('status <email>')
    .description('Show whether the account has an authenticator app, recovery codes and passkeys')
    .option('--database <url>', databaseHelp)
    .action(async (email: string, options: { database?: string }) => {
      const status = await withOperator(
        options.database,
        (services) => accountsService.secondFactorStatusOf(services, email),
        { migrate: false },
      );
      printStatus(ctx, email, status);
    });
  twoFactor
    .command('reset <email>')
    .description(
      'Remove every second factor of the account (its owner lost them; check who asks first): they sign in with the password and enrol again',
    )
    .option('--database <url>', databaseHelp)
    .action(async (email: string, options: { database?: string }) => {
      const status = await withOperator(options.database, (services) =>
        accountsService.resetSecondFactors(services, email),
      );
      ctx.out(`Reset the second factors of ${email.trim().toLowerCase()}.\n`);
      printStatus(ctx, email, status);
    });
}

/** `tracktwo workspaces require-2fa ID on|off`. */
export function registerWorkspaceSecondFactorCommands(workspaces: Command, ctx: CommandContext): void {
  workspaces
    .command('require-2fa <workspace-id> <on-or-off>')
    .description(
      'Require (on) or stop requiring (off) a second factor of the workspace administrators and the roles that see names (as the operator; audited)',
    )
    .option('--database <url>', databaseHelp)
    .action(async (workspaceId: string, state: string, options: { database?: string }) => {
      if (state !== 'on' && state !== 'off')
        throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'on-or-off', reason: 'give on or off' });
      const rule = await withOperator(options.database, (services) =>
        accountsService.setSecondFactorRequirement(services, workspaceId, { required: state === 'on' }),
      );
      ctx.out(
        rule.required
          ? `Workspace ${rule.workspaceId} requires a second factor of whoever sees names.\n`
          : `Workspace ${rule.workspaceId} no longer requires a second factor.\n`,
      );
    });
}
