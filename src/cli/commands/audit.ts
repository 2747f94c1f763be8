import { auditHead, auditLog, verifyAudit } from '../../services/audit/index.js';
import { databaseHelp, withOperator } from '../database.js';
import type { RegisterCommands } from './index.js';

export const registerAuditCommands: RegisterCommands = (program, ctx) => {
  const audit = program
    .command('audit')
    .description('The audit log of every write, chained under a key derived from the master key');

  audit
    .command('verify')
    .description(
      'Walk the audit chain and report OK, or the first edited, inserted or deleted row (exit code 1). ' +
        'Needs the master key (the chain is keyed). Read-only: it changes nothing in the database.',
    )
    .option('--database <url>', databaseHelp)
    .option('--head <digest>', 'a digest from `audit head` written down earlier: fail if the chain lost it')
    .option('--json', 'print the verdict as JSON')
    .action(async (options: { database?: string; json?: boolean; head?: string }) => {
      const verdict = await withOperator(
        options.database,
        (services) => verifyAudit(services, options.head === undefined ? {} : { head: options.head }),
        { migrate: false },
      );
      if (options.json) {
        ctx.out(JSON.stringify(verdict) + '\n');
      } else if (verdict.ok) {
        ctx.out(
          `OK: the audit chain is intact (${verdict.rows} rows; head ${verdict.head.seq} ${verdict.head.hash})\n`,
        );
        if (verdict.unkeyed_rows > 0) {
          ctx.out(
            `${verdict.unkeyed_rows} rows from before the chain was keyed are checked unkeyed (version 1).\n`,
          );
        }
        if (options.head) ctx.out(`The chain still holds the head ${options.head.trim()}.\n`);
      } else {
        ctx.out(`BROKEN at row ${verdict.seq} (${verdict.problem}): ${verdict.message}\n`);
        ctx.out(`${verdict.rows} rows before it are intact.\n`);
      }
      if (!verdict.ok) ctx.setExitCode(1);
    });

  audit
    .command('head')
    .description(
      'Print the head digest (sequence number and 16 hex of a MAC under the audit key): write it down or ' +
        'send it elsewhere, then `audit verify --head DIGEST` detects a dropped or rewritten tail.',
    )
    .option('--database <url>', databaseHelp)
    .option('--json', 'print the head as JSON')
    .action(async (options: { database?: string; json?: boolean }) => {
      const head = await withOperator(options.database, (services) => auditHead(services), {
        migrate: false,
      });
      if (options.json) ctx.out(JSON.stringify(head) + '\n');
      else ctx.out(`${head.digest}\n`);
    });

  audit
    .command('log')
    .description('Print the newest audit rows (who, when, action, record); never names')
    .option('--database <url>', databaseHelp)
    .option('--workspace <id>', 'only rows of this workspace')
    .option('--record <id>', 'only rows about this record id')
    .option('--limit <n>', 'how many rows (default 50)', '50')
    .action(async (options: { database?: string; workspace?: string; record?: string; limit: string }) => {
      const limit = Math.max(1, Math.min(10_000, Number.parseInt(options.limit, 10) || 50));
      const rows = await withOperator(
        options.database,
        (services) => auditLog(services, { workspaceId: options.workspace, recordId: options.record, limit }),
        { migrate: false },
      );
      for (const row of rows) {
        ctx.out(
          [row.seq, row.at, row.account_id ?? 'system', row.action, row.record_type, row.record_id].join(
            '\t',
          ) + '\n',
        );
      }
    });
};
