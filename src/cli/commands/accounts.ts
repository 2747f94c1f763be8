import { TrackTwoError } from '../../domain/errors.js';
import { initiativeRoleSchema } from '../../domain/vocabulary.js';
import type { MembershipRole } from '../../security/access.js';
import { generatePassword } from '../../security/passwords.js';
import { tokenScopes, type TokenScope } from '../../security/sessions.js';
import * as accountsService from '../../services/accounts/index.js';
import { databaseHelp, withOperator } from '../database.js';
import type { RegisterCommands } from './index.js';
import { registerAccountSecondFactorCommands } from './second-factor.js';
import { registerInvitationCommands } from './invitations.js';

// Whoever runs the command line holds the database: they act as the system, and the audit log says so.

/** A password from the named environment variable (never from argv: it would show in `ps`), or a new one. */
function passwordFrom(variable: string | undefined): { password: string; generated: boolean } {
  if (!variable) return { password: generatePassword(), generated: true };
  const password = process.env[variable];
  if (!password) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--password-env',
      reason: `${variable} is not set`,
    });
  }
  return { password, generated: false };
}

function parseRole(role: string | undefined): MembershipRole {
  const parsed = initiativeRoleSchema.safeParse(role);
  if (!parsed.success) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--role',
      reason: `"${role ?? ''}" is not one of ${initiativeRoleSchema.options.join(', ')}`,
    });
  }
  return parsed.data;
}

function parseScopes(list: string | undefined): TokenScope[] | undefined {
  if (list === undefined) return undefined;
  const scopes = list.split(',').map((scope) => scope.trim());
  const wrong = scopes.filter((scope) => !(tokenScopes as readonly string[]).includes(scope));
  if (wrong.length > 0 || scopes.length === 0) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--scopes',
      reason: `one or more of ${tokenScopes.join(', ')}, comma-separated`,
    });
  }
  return scopes as TokenScope[];
}

interface GrantOptions {
  database?: string;
  initiative?: string;
  role?: string;
  admin?: string;
}

function grantTarget(options: GrantOptions): accountsService.AccessTarget {
  if (options.admin && !options.initiative) return { admin: options.admin };
  if (options.initiative && !options.admin)
    return { initiative: options.initiative, role: parseRole(options.role) };
  throw new TrackTwoError('TT_ERR_VALIDATION', {
    field: '--initiative',
    reason: 'give either --admin WORKSPACE_ID, or --initiative INITIATIVE_ID with --role ROLE',
  });
}

export const registerAccountsCommands: RegisterCommands = (program, ctx) => {
  const accounts = program
    .command('accounts')
    .description(
      'Accounts, roles and API tokens, for the operator (acts as the system; every change is audited)',
    );

  accounts
    .command('create <email>')
    .description('Create an account; prints a generated password once unless --password-env names one')
    .requiredOption('--name <display name>', 'the name shown to colleagues')
    .option('--password-env <variable>', 'read the password from this environment variable')
    .option('--admin <workspaceId>', 'also make the account an administrator of this workspace')
    .option('--database <url>', databaseHelp)
    .action(
      async (
        email: string,
        options: { name: string; passwordEnv?: string; admin?: string; database?: string },
      ) => {
        const { password, generated } = passwordFrom(options.passwordEnv);
        const account = await withOperator(options.database, (services) =>
          accountsService.createAccountWith(services, {
            email,
            displayName: options.name,
            password,
            adminOf: options.admin,
            mustChangePassword: generated,
          }),
        );
        ctx.out(`Created account ${account.email} (${account.id})\n`);
        if (options.admin) ctx.out(`Administrator of workspace ${options.admin}\n`);
        if (generated)
          ctx.out(`Password (shown once; it must be changed at the first sign-in): ${password}\n`);
      },
    );

  accounts
    .command('list')
    .description('List accounts with the workspaces they administer and their initiative roles')
    .option('--database <url>', databaseHelp)
    .option('--json', 'print JSON')
    .action(async (options: { database?: string; json?: boolean }) => {
      const listed = await withOperator(options.database, (services) =>
        accountsService.listAccountsWithHoldings(services),
      );
      if (options.json) {
        ctx.out(JSON.stringify(listed, null, 2) + '\n');
        return;
      }
      for (const account of listed) {
        const state = account.disabledAt ? ' [disabled]' : '';
        ctx.out(`${account.email}\t${account.displayName}\t${account.id}${state}\n`);
        for (const workspace of account.adminOf) ctx.out(`  admin of workspace ${workspace}\n`);
        for (const role of account.roles) ctx.out(`  ${role.role} in initiative ${role.initiativeId}\n`);
      }
      if (listed.length === 0) ctx.out('No accounts yet: create one with `tracktwo accounts create`.\n');
    });

  for (const [verb, description] of [
    ['grant', 'Give an account a role in an initiative, or make it a workspace administrator'],
    ['revoke', 'Take a role in an initiative, or workspace administration, away from an account'],
  ] as const) {
    accounts
      .command(`${verb} <email>`)
      .description(description)
      .option('--initiative <id>', 'the initiative (with --role)')
      .option('--role <role>', `one of ${initiativeRoleSchema.options.join(', ')}`)
      .option('--admin <workspaceId>', 'workspace administration instead of an initiative role')
      .option('--database <url>', databaseHelp)
      .action(async (email: string, options: GrantOptions) => {
        const target = grantTarget(options);
        const changed = await withOperator(options.database, (services) =>
          accountsService.changeAccountAccess(services, { email, grant: verb === 'grant', target }),
        );
        const what =
          'admin' in target
            ? `administrator of workspace ${target.admin}`
            : `${target.role} in initiative ${target.initiative}`;
        if (verb === 'grant')
          ctx.out(changed ? `Granted: ${email} is ${what}\n` : `Unchanged: ${email} already is ${what}\n`);
        else
          ctx.out(
            changed ? `Revoked: ${email} is no longer ${what}\n` : `Unchanged: ${email} was not ${what}\n`,
          );
      });
  }

  accounts
    .command('token <email>')
    .description(
      'Issue a named bearer token (tt_…) for the API and CLI, shown once; or --list, or --revoke NAME',
    )
    .option('--name <name>', 'the token’s name, e.g. "laptop"')
    .option('--days <n>', 'days until it expires (default 90, at most 366)')
    .option('--scopes <list>', 'what it may do: read, write or read,write (default read,write)')
    .option('--revoke <name>', 'revoke the token of this name instead')
    .option('--list', 'list the account’s tokens instead (names and dates, never secrets)')
    .option('--database <url>', databaseHelp)
    .action(
      async (
        email: string,
        options: {
          name?: string;
          days?: string;
          scopes?: string;
          revoke?: string;
          list?: boolean;
          database?: string;
        },
      ) => {
        await withOperator(options.database, async (services) => {
          if (options.list) {
            const { account, tokens } = await accountsService.listAccountTokens(services, email);
            for (const token of tokens) {
              ctx.out(
                `${token.name}\t${token.fingerprint}\t${token.scopes.join(',')}\tcreated ${token.createdAt}\texpires ${token.expiresAt}\tlast used ${token.lastUsedAt ?? 'never'}\n`,
              );
            }
            if (tokens.length === 0) ctx.out(`${account.email} has no tokens.\n`);
            return;
          }
          if (options.revoke) {
            const account = await accountsService.revokeAccountToken(services, {
              email,
              name: options.revoke,
              field: '--revoke',
            });
            ctx.out(`Revoked token "${options.revoke}" of ${account.email}\n`);
            return;
          }
          if (!options.name) {
            throw new TrackTwoError('TT_ERR_VALIDATION', {
              field: '--name',
              reason: 'name the token (or use --list or --revoke)',
            });
          }
          const days = options.days === undefined ? undefined : Number(options.days);
          const { account, issued } = await accountsService.issueAccountToken(services, {
            email,
            name: options.name,
            ttlDays: days,
            scopes: parseScopes(options.scopes),
          });
          ctx.out(
            `Token "${issued.name}" (${issued.scopes.join(', ')}) for ${account.email}, valid until ${issued.expiresAt} (shown once):\n${issued.token}\n`,
          );
        });
      },
    );

  for (const [verb, enabled] of [
    ['disable', false],
    ['enable', true],
  ] as const) {
    accounts
      .command(`${verb} <email>`)
      .description(
        enabled
          ? 'Allow a disabled account to sign in again'
          : 'Stop an account from signing in; ends its sessions and tokens',
      )
      .option('--database <url>', databaseHelp)
      .action(async (email: string, options: { database?: string }) => {
        await withOperator(options.database, (services) =>
          accountsService.setAccountEnabledByEmail(services, email, enabled),
        );
        ctx.out(`${enabled ? 'Enabled' : 'Disabled'} ${email.trim().toLowerCase()}\n`);
      });
  }

  const instanceAdmin = accounts
    .command('instance-admin')
    .description('Instance administrators: accounts that may open workspaces and make accounts');
  for (const [verb, grant] of [
    ['grant', true],
    ['revoke', false],
  ] as const) {
    instanceAdmin
      .command(`${verb} <email>`)
      .description(
        grant
          ? 'Let an account open workspaces and make accounts'
          : 'Take the right to open workspaces and make accounts away',
      )
      .option('--database <url>', databaseHelp)
      .action(async (email: string, options: { database?: string }) => {
        const changed = await withOperator(options.database, (services) =>
          accountsService.setInstanceAdminByEmail(services, email, grant),
        );
        const who = email.trim().toLowerCase();
        ctx.out(
          changed
            ? `${grant ? 'Granted' : 'Revoked'}: ${who} is ${grant ? 'now' : 'no longer'} an instance administrator\n`
            : `Unchanged: ${who} ${grant ? 'was already' : 'was not'} an instance administrator\n`,
        );
      });
  }

  accounts
    .command('password <email>')
    .description('Set a new password (account recovery); ends the account’s sessions and tokens')
    .option(
      '--password-env <variable>',
      'read the password from this environment variable (default: generate one)',
    )
    .option('--database <url>', databaseHelp)
    .action(async (email: string, options: { passwordEnv?: string; database?: string }) => {
      const { password, generated } = passwordFrom(options.passwordEnv);
      await withOperator(options.database, (services) =>
        accountsService.resetAccountPassword(services, email, password),
      );
      ctx.out(`New password set for ${email.trim().toLowerCase()}\n`);
      if (generated) ctx.out(`Password (shown once): ${password}\n`);
    });

  registerAccountSecondFactorCommands(accounts, ctx);
  registerInvitationCommands(accounts, ctx);
};
