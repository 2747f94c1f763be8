import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { TrackTwoError } from '../domain/errors.js';

/** Key length of AES-256, in bytes. */
export const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
/** First byte of every sealed box, so the format can change without guessing. */
const FORMAT_V1 = 1;

/**
 * Seals `plaintext` with AES-256-GCM under `key`, with a fresh random 96-bit nonce. `context` is bound as
 * associated data: a box moved to another actor or workspace row no longer opens.
 * Layout (base64): version (1) | nonce (12) | ciphertext | tag (16).
 */
export function seal(key: Buffer, plaintext: Buffer, context: string): string {
  checkKey(key);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_V1]), nonce, body, cipher.getAuthTag()]).toString('base64');
}

/** Opens a box made by `seal` under the same key and context; throws TT_ERR_IDENTITY_UNREADABLE otherwise. */
export function open(key: Buffer, box: string, context: string): Buffer {
  checkKey(key);
  const bytes = Buffer.from(box, 'base64');
  if (bytes.length < 1 + NONCE_BYTES + TAG_BYTES || bytes[0] !== FORMAT_V1) {
    throw new TrackTwoError('TT_ERR_IDENTITY_UNREADABLE', { reason: `malformed sealed box (${context})` });
  }
  const nonce = bytes.subarray(1, 1 + NONCE_BYTES);
  const tag = bytes.subarray(bytes.length - TAG_BYTES);
  const body = bytes.subarray(1 + NONCE_BYTES, bytes.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new TrackTwoError('TT_ERR_IDENTITY_UNREADABLE', { reason: `authentication failed (${context})` });
  }
}

/** A fresh random AES-256 key. */
export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Seals a key under another key (key wrapping with AES-256-GCM). */
export function wrapKey(wrappingKey: Buffer, key: Buffer, context: string): string {
  checkKey(key);
  return seal(wrappingKey, key, context);
}

export function unwrapKey(wrappingKey: Buffer, wrapped: string, context: string): Buffer {
  const key = open(wrappingKey, wrapped, context);
  if (key.length !== KEY_BYTES) {
    throw new TrackTwoError('TT_ERR_IDENTITY_UNREADABLE', {
      reason: `wrapped key has the wrong length (${context})`,
    });
  }
  return key;
}

function checkKey(key: Buffer): void {
  if (key.length !== KEY_BYTES)
    throw new RangeError(`AES-256 needs a ${KEY_BYTES}-byte key, got ${key.length}`);
}
