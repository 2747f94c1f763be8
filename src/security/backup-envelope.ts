import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TrackTwoError } from '../domain/errors.js';
import type { VaultKeys } from './vault.js';

/**
 * The encrypted file a backup is written to. The key is derived from the master key (HKDF-SHA-256 with a
 * fresh salt per backup), so a backup is no more readable than the database without that key, and a
 * stolen backup alone reveals nothing. Layout:
 *
 *   "TTBACKUP1\n" | header length (u32 BE) | header (JSON, plain) | frames...
 *   frame: length (u32 BE) | nonce (12) | AES-256-GCM ciphertext | tag (16)
 *
 * Each frame's associated data binds the header, the frame's index and whether it is the last, so frames
 * cannot be reordered, dropped, moved between backups, or the file cut short without detection.
 */
const MAGIC = Buffer.from('TTBACKUP1\n', 'utf8');
const FRAME_BYTES = 1 << 20;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export interface BackupHeader {
  format: 'tracktwo-backup';
  version: 1;
  created_at: string;
  /** The engine the backup was read from (it restores onto either). */
  engine: 'sqlite' | 'postgres';
  /** The migrations applied to the database, in order: a restore needs the same. */
  migrations: string[];
  /** Base64 of the HKDF salt. */
  salt: string;
}

function backupKey(keys: VaultKeys, salt: Buffer): Buffer {
  return keys.deriveKey('tracktwo/backup/v1', salt);
}

function frameAad(header: Buffer, index: number, last: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail[4] = last ? 1 : 0;
  return Buffer.concat([header, tail]);
}

export function sealBackup(keys: VaultKeys, header: Omit<BackupHeader, 'salt'>, payload: Buffer): Buffer {
  const salt = randomBytes(16);
  const headerBytes = Buffer.from(JSON.stringify({ ...header, salt: salt.toString('base64') }), 'utf8');
  const key = backupKey(keys, salt);
  const parts: Buffer[] = [MAGIC, u32(headerBytes.length), headerBytes];
  const frames = Math.max(1, Math.ceil(payload.length / FRAME_BYTES));
  for (let index = 0; index < frames; index++) {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    cipher.setAAD(frameAad(headerBytes, index, index === frames - 1));
    const plain = payload.subarray(index * FRAME_BYTES, (index + 1) * FRAME_BYTES);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    parts.push(u32(body.length), nonce, body, cipher.getAuthTag());
  }
  return Buffer.concat(parts);
}

export function openBackup(keys: VaultKeys, file: Buffer): { header: BackupHeader; payload: Buffer } {
  const unreadable = (reason: string) => new TrackTwoError('TT_ERR_BACKUP_UNREADABLE', { reason });
  if (file.length < MAGIC.length + 4 || !file.subarray(0, MAGIC.length).equals(MAGIC))
    throw unreadable('not a tracktwo backup file');
  let at = MAGIC.length;
  const headerLength = file.readUInt32BE(at);
  at += 4;
  if (headerLength > 65_536 || at + headerLength > file.length) throw unreadable('its header is cut short');
  const headerBytes = file.subarray(at, at + headerLength);
  at += headerLength;
  let header: BackupHeader;
  try {
    header = JSON.parse(headerBytes.toString('utf8')) as BackupHeader;
  } catch {
    throw unreadable('its header is not JSON');
  }
  if (header.format !== 'tracktwo-backup') throw unreadable('not a tracktwo backup file');
  if (header.version !== 1)
    throw new TrackTwoError('TT_ERR_BACKUP_VERSION', { reason: `format ${header.version}` });
  const key = backupKey(keys, Buffer.from(String(header.salt), 'base64'));
  const plain: Buffer[] = [];
  let sawLast = false;
  for (let index = 0; at < file.length; index++) {
    if (sawLast) throw unreadable('data follows its last part');
    if (at + 4 > file.length) throw unreadable('it is cut short');
    const length = file.readUInt32BE(at);
    at += 4;
    if (length > FRAME_BYTES || at + NONCE_BYTES + length + TAG_BYTES > file.length)
      throw unreadable('it is cut short');
    const nonce = file.subarray(at, at + NONCE_BYTES);
    const body = file.subarray(at + NONCE_BYTES, at + NONCE_BYTES + length);
    const tag = file.subarray(at + NONCE_BYTES + length, at + NONCE_BYTES + length + TAG_BYTES);
    at += NONCE_BYTES + length + TAG_BYTES;
    const last = at === file.length;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
      decipher.setAAD(frameAad(headerBytes, index, last));
      decipher.setAuthTag(tag);
      plain.push(decipher.update(body), decipher.final());
    } catch {
      throw unreadable(
        last || index > 0
          ? 'a part fails authentication: altered, cut short, or another master key'
          : 'another master key, or altered',
      );
    }
    sawLast = last;
  }
  if (!sawLast) throw unreadable('it is cut short');
  return { header, payload: Buffer.concat(plain) };
}

function u32(value: number): Buffer {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(value, 0);
  return out;
}
