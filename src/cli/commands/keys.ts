import { existsSync, readFileSync } from 'node:fs';
import { TrackTwoError } from '../../domain/errors.js';
import { combineKeyShares, keyFingerprint, splitKey } from '../../security/key-shares.js';
import { decodeMasterKey, masterKeySourceFromEnv } from '../../security/master-key.js';
import type { CommandContext } from '../io.js';
import { writePrivateFile } from '../files.js';
import type { RegisterCommands } from './index.js';

/** The master key as the server would load it, without ever creating one (a split of a new key is useless). */
function currentMasterKey(): Buffer {
  const source = masterKeySourceFromEnv();
  if (source.key !== undefined) return decodeMasterKey(source.key, 'TRACKTWO_MASTER_KEY');
  const file = source.file!;
  if (!existsSync(file))
    throw new TrackTwoError('TT_ERR_MASTER_KEY_INVALID', { field: file, reason: 'no master key file there' });
  return decodeMasterKey(readFileSync(file, 'utf8'), file);
}

function readShares(files: string[], ctx: CommandContext): string[] {
  const text =
    files.length > 0 ? files.map((file) => readFileSync(file, 'utf8')).join('\n') : readFileSync(0, 'utf8');
  const shares = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  ctx.err(`${shares.length} share(s) read.\n`);
  return shares;
}

export const registerKeyCommands: RegisterCommands = (program, ctx) => {
  const keys = program
    .command('keys')
    .description('Custody of the master key: split it into shares, combine them');

  keys
    .command('split')
    .description(
      'Split the master key (TRACKTWO_MASTER_KEY or its file) into shares, any THRESHOLD of which recover it; ' +
        'fewer reveal nothing. Give each share to a different custodian.',
    )
    .requiredOption('--shares <n>', 'how many shares (2-255)')
    .requiredOption('--threshold <k>', 'how many shares recover the key (2 to the number of shares)')
    .action(async (options: { shares: string; threshold: string }) => {
      const split = await splitKey(currentMasterKey(), Number(options.shares), Number(options.threshold));
      ctx.out(
        `# ${split.shares.length} shares of the master key ${split.fingerprint}; any ${split.threshold} recover it.\n` +
          '# One line per custodian. Keep no two shares in one place.\n',
      );
      for (const share of split.shares) ctx.out(`${share}\n`);
    });

  keys
    .command('combine')
    .description(
      'Recover the master key from shares (one per line, from FILES or standard input) and write it to --out (mode 0600)',
    )
    .argument('[files...]', 'files holding shares (default: standard input)')
    .requiredOption('--out <file>', 'the key file to create (TRACKTWO_MASTER_KEY_FILE)')
    .action(async (files: string[], options: { out: string }) => {
      const key = await combineKeyShares(readShares(files, ctx));
      writePrivateFile(options.out, key.toString('base64') + '\n');
      ctx.out(`Master key ${keyFingerprint(key)} recovered into ${options.out}.\n`);
    });
};
