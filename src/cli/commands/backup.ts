import { readFileSync } from 'node:fs';
import { TrackTwoError } from '../../domain/errors.js';
import { createBackup, restoreBackup } from '../../services/backup/index.js';
import { databaseHelp, withServices } from '../database.js';
import { writePrivateFile } from '../files.js';
import type { RegisterCommands } from './index.js';

export const registerBackupCommands: RegisterCommands = (program, ctx) => {
  program
    .command('backup')
    .description(
      'Write an encrypted, consistent copy of the whole database to FILE while the server runs (a new file, mode 0600); ' +
        'it opens only with the same master key',
    )
    .argument('<file>', 'the backup file to create')
    .option('--database <url>', databaseHelp)
    .action(async (file: string, options: { database?: string }) => {
      await withServices(options.database, async (services) => {
        const made = await createBackup(services);
        writePrivateFile(file, made.file);
        const rows = Object.values(made.counts).reduce((sum, n) => sum + n, 0);
        ctx.out(
          `Backup written to ${file}: ${rows} rows of ${Object.keys(made.counts).length} tables from ${made.header.engine}, ` +
            `${made.file.length} bytes, sealed under a key derived from the master key.\n` +
            'Keep it apart from the master key: whoever holds both can read identities.\n',
        );
      });
    });

  program
    .command('restore')
    .description(
      'Restore a backup into an empty database (either engine); the restored audit chain must verify, else nothing is written',
    )
    .argument('<file>', 'the backup file')
    .option('--database <url>', databaseHelp)
    .action(async (file: string, options: { database?: string }) => {
      let data: Buffer;
      try {
        data = readFileSync(file);
      } catch (error) {
        throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', { field: file, reason: (error as Error).message });
      }
      await withServices(options.database, async (services) => {
        const restored = await restoreBackup(services, data);
        const rows = Object.values(restored.counts).reduce((sum, n) => sum + n, 0);
        ctx.out(
          `Restored ${rows} rows from a backup of ${restored.header.created_at} (${restored.header.engine}); ` +
            `the audit chain of ${restored.auditRows} rows verifies.\n`,
        );
      });
    });
};
