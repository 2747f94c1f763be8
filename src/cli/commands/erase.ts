import { eraseInitiative, eraseWorkspace } from '../../services/erasure/index.js';
import { databaseHelp, withOperator } from '../database.js';
import type { RegisterCommands } from './index.js';

const ERASE_DESCRIPTION =
  'Emergency erasure: crypto-shred the identities of an initiative or a whole workspace (cannot be undone)';

export const registerEraseCommands: RegisterCommands = (program, ctx) => {
  const erase = program.command('erase').description(ERASE_DESCRIPTION);
  const targets = {
    initiative: {
      run: eraseInitiative,
      what: 'the identities of everyone the initiative names, its attendance lists and its dialogue links',
    },
    workspace: { run: eraseWorkspace, what: 'the workspace key and every identity of the workspace' },
  } as const;
  for (const [kind, target] of Object.entries(targets)) {
    erase
      .command(kind)
      .description(`Destroy ${target.what}; --confirm must be its name, exactly`)
      .argument('<id>', `the ${kind}'s id`)
      .requiredOption('--confirm <name>', `the ${kind}'s name, typed out to confirm`)
      .option('--database <url>', databaseHelp)
      .action(async (id: string, options: { confirm: string; database?: string }) => {
        const report = await withOperator(options.database, (services) =>
          target.run(services, id, { confirm: options.confirm }),
        );
        ctx.out(
          `Erased ${kind} ${id}: ${report.identities_erased} identities destroyed` +
            (kind === 'initiative' ? `, ${report.attendances_deleted} attendance rows deleted` : '') +
            '. Not even the master key brings them back; older backups still hold them.\n',
        );
      });
  }
};
