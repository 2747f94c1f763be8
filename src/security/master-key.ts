import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { TrackTwoError } from '../domain/errors.js';
import { KEY_BYTES } from './envelope.js';

export const DEFAULT_MASTER_KEY_FILE = './data/master.key';

export interface MasterKeySource {
  /** The key itself, base64 of 32 bytes (TRACKTWO_MASTER_KEY). Takes precedence over the file. */
  key?: string | undefined;
  /** Where the key is kept when no key is given (TRACKTWO_MASTER_KEY_FILE). */
  file?: string | undefined;
}

export interface LoadedMasterKey {
  key: Buffer;
  origin: 'environment' | 'file' | 'created';
  /** The file read or created, when the key came from a file. */
  file?: string;
}

/** Reads the source from the environment: TRACKTWO_MASTER_KEY, else TRACKTWO_MASTER_KEY_FILE. */
export function masterKeySourceFromEnv(env: NodeJS.ProcessEnv = process.env): MasterKeySource {
  return {
    key: env.TRACKTWO_MASTER_KEY || undefined,
    file: env.TRACKTWO_MASTER_KEY_FILE || DEFAULT_MASTER_KEY_FILE,
  };
}

/**
 * Loads the master key, creating the key file (mode 0600, never overwritten) on first start. A key that is
 * not base64 of exactly 32 bytes is refused: silently using a wrong key would make every identity unreadable.
 */
export function loadMasterKey(
  source: MasterKeySource = masterKeySourceFromEnv(),
  options: { create?: boolean } = {},
): LoadedMasterKey {
  if (source.key !== undefined) {
    return { key: decodeMasterKey(source.key, 'TRACKTWO_MASTER_KEY'), origin: 'environment' };
  }
  const file = source.file ?? DEFAULT_MASTER_KEY_FILE;
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  if (text !== undefined) return { key: decodeMasterKey(text, file), origin: 'file', file };
  // A command beside a running server must use the server's key: a fresh one would key audit rows (and
  // identities) that the server's key can never verify or open.
  if (options.create === false) {
    throw new TrackTwoError('TT_ERR_CONFIGURATION', {
      field: 'TRACKTWO_MASTER_KEY',
      reason: `no master key: set TRACKTWO_MASTER_KEY, or TRACKTWO_MASTER_KEY_FILE (not found: ${file}), to the server's key`,
    });
  }

  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  let fd: number;
  try {
    // 'wx': fail rather than overwrite a key another process created a moment ago.
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { key: decodeMasterKey(readFileSync(file, 'utf8'), file), origin: 'file', file };
    }
    throw error;
  }
  try {
    writeSync(fd, key.toString('base64') + '\n');
  } finally {
    closeSync(fd);
  }
  return { key, origin: 'created', file };
}

/** Strict base64 of 32 bytes; surrounding white space is allowed (key files end with a newline). */
export function decodeMasterKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]{43}=$/.test(trimmed)) {
    throw new TrackTwoError('TT_ERR_MASTER_KEY_INVALID', {
      field: where,
      reason: 'expected base64 of 32 bytes (44 characters ending in "=")',
    });
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new TrackTwoError('TT_ERR_MASTER_KEY_INVALID', {
      field: where,
      reason: `decoded to ${key.length} bytes`,
    });
  }
  return key;
}

/** A new master key as base64, for operators who set TRACKTWO_MASTER_KEY themselves. */
export function generateMasterKey(): string {
  return randomBytes(KEY_BYTES).toString('base64');
}
