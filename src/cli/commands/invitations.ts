import type { Command } from 'commander';
import { TrackTwoError } from '../../domain/errors.js';
import { invitationCreateSchema, type InvitationLink } from '../../domain/invitation-links.js';
import * as accountsService from '../../services/accounts/index.js';
import type { ServiceContext } from '../../services/context.js';
import { databaseHelp, withAccount, withOperator } from '../database.js';
import type { CommandContext } from '../io.js';

/**
 * Invitation links at the command line, through the same use cases as `POST /api/initiatives/:id/invitations`:
 * as the account of TRACKTWO_TOKEN, as `--as EMAIL` (operators, who hold the database), or else as the
 * operator (the system). The link is printed once; no e-mail is sent.
 */

const ACTING_HELP = `
Who acts: TRACKTWO_TOKEN=tt_… (your API token, checked like an API request), or --as EMAIL (operators on
the server), or neither: the operator (the system). The same access rules as in the browser apply.`;

interface Options {
  database?: string;
  as?: string;
  initiative: string;
  json?: boolean;
}

function acting<T>(options: Options, work: (services: ServiceContext) => Promise<T>): Promise<T> {
  const token = process.env.TRACKTWO_TOKEN;
  if (options.as && token) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--as',
      reason: 'give either --as EMAIL or TRACKTWO_TOKEN, not both',
    });
  }
  if (token) return withAccount(options.database, { token }, work);
  if (options.as) return withAccount(options.database, { email: options.as }, work);
  return withOperator(options.database, work);
}

function common(command: Command): Command {
  return command
    .requiredOption('--initiative <initiativeId>', 'the initiative')
    .option('--as <email>', 'act as this account (operators on the server; else TRACKTWO_TOKEN)')
    .option('--database <url>', databaseHelp)
    .option('--json', 'print JSON')
    .addHelpText('after', ACTING_HELP);
}

/** The link as the server's address plus its path, when the address is given. */
function linkOf(url: string, server: string | undefined): string {
  return server ? `${server.replace(/\/+$/, '')}${url}` : url;
}

function printLink(ctx: CommandContext, link: InvitationLink): void {
  ctx.out(`${link.id}\t${link.email}\t${link.role}\t${link.status}\texpires ${link.expires_at}\n`);
}

/** `tracktwo accounts invite EMAIL` and `tracktwo accounts invitations list|revoke`. */
export function registerInvitationCommands(accounts: Command, ctx: CommandContext): void {
  common(
    accounts
      .command('invite <email>')
      .description(
        'Invite an e-mail address to a role in an initiative; prints a link (14 days, one use) to send yourself',
      )
      .requiredOption('--role <role>', 'convener, facilitator, participant, researcher or funder')
      .option(
        '--server <url>',
        "the server's address, printed before the link (e.g. https://tracktwo.example.org)",
      ),
  ).action(async (email: string, options: Options & { role: string; server?: string }) => {
    const parsed = invitationCreateSchema.safeParse({ email, role: options.role });
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0] === 'role' ? '--role' : 'email';
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field,
        reason: parsed.error.issues[0]?.message ?? 'invalid input',
      });
    }
    const link = await acting(options, (services) =>
      accountsService.createInvitation(services, options.initiative, parsed.data),
    );
    if (options.json) {
      ctx.out(JSON.stringify({ ...link, url: linkOf(link.url!, options.server) }, null, 2) + '\n');
      return;
    }
    ctx.out(`Invited ${link.email} as ${link.role} (invitation ${link.id}, expires ${link.expires_at}).\n`);
    ctx.out(`Send this link yourself (it is shown only now):\n  ${linkOf(link.url!, options.server)}\n`);
  });

  const invitations = accounts
    .command('invitations')
    .description("An initiative's invitation links: list them, or withdraw one not yet used");
  common(invitations.command('list').description('List the invitation links and their state')).action(
    async (options: Options) => {
      const links = await acting(options, (services) =>
        accountsService.listInvitations(services, options.initiative),
      );
      if (options.json) {
        ctx.out(JSON.stringify(links, null, 2) + '\n');
        return;
      }
      for (const link of links) printLink(ctx, link);
      if (links.length === 0) ctx.out('No invitations yet: make one with `tracktwo accounts invite`.\n');
    },
  );
  common(invitations.command('revoke <invitationId>').description('Withdraw an invitation link')).action(
    async (invitationId: string, options: Options) => {
      await acting(options, (services) =>
        accountsService.revokeInvitation(services, options.initiative, invitationId),
      );
      ctx.out(`Withdrew invitation ${invitationId}\n`);
    },
  );
}
