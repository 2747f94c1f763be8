import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/security/canonical-json.js';
import { newKey, open, seal, unwrapKey, wrapKey } from '../../src/security/envelope.js';
import { nameWords, parseIdentity } from '../../src/security/identity.js';
import { generateMasterKey, loadMasterKey } from '../../src/security/master-key.js';

describe('envelope (AES-256-GCM)', () => {
  const key = newKey();

  it('opens what it sealed, with a fresh nonce each time', () => {
    const a = seal(key, Buffer.from('hello'), 'ctx');
    const b = seal(key, Buffer.from('hello'), 'ctx');
    expect(a).not.toBe(b);
    expect(Buffer.from(a, 'base64').subarray(1, 13)).not.toEqual(Buffer.from(b, 'base64').subarray(1, 13));
    expect(open(key, a, 'ctx').toString()).toBe('hello');
  });

  it('refuses another context, another key, or a flipped bit', () => {
    const box = seal(key, Buffer.from('hello'), 'actor/1');
    expect(() => open(key, box, 'actor/2')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_IDENTITY_UNREADABLE' }),
    );
    expect(() => open(newKey(), box, 'actor/1')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_IDENTITY_UNREADABLE' }),
    );
    const bytes = Buffer.from(box, 'base64');
    bytes[15] ^= 1;
    expect(() => open(key, bytes.toString('base64'), 'actor/1')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_IDENTITY_UNREADABLE' }),
    );
    expect(() => open(key, 'AAAA', 'actor/1')).toThrow(
      expect.objectContaining({ code: 'TT_ERR_IDENTITY_UNREADABLE' }),
    );
  });

  it('wraps and unwraps keys', () => {
    const inner = newKey();
    expect(unwrapKey(key, wrapKey(key, inner, 'k'), 'k')).toEqual(inner);
    expect(() => wrapKey(key, randomBytes(16), 'k')).toThrow(RangeError);
  });
});

describe('master key', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('creates the key file with mode 0600 on first start and reads the same key after', () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-key-'));
    const file = join(dir, 'nested', 'master.key');
    const first = loadMasterKey({ file });
    expect(first.origin).toBe('created');
    expect(first.key).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = loadMasterKey({ file });
    expect(again).toMatchObject({ origin: 'file' });
    expect(again.key).toEqual(first.key);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.key.toString('base64'));
  });

  it('takes TRACKTWO_MASTER_KEY first, and refuses a malformed one with a coded error', () => {
    const key = generateMasterKey();
    expect(loadMasterKey({ key, file: '/nonexistent/never/created' })).toMatchObject({
      origin: 'environment',
    });
    for (const bad of [
      '',
      'not base64',
      Buffer.alloc(16).toString('base64'),
      Buffer.alloc(33).toString('base64'),
    ]) {
      expect(() => loadMasterKey({ key: bad })).toThrow(
        expect.objectContaining({ code: 'TT_ERR_MASTER_KEY_INVALID' }),
      );
    }
  });

  it('refuses a damaged key file rather than making a new key', () => {
    dir = mkdtempSync(join(tmpdir(), 'tt-key-'));
    const file = join(dir, 'master.key');
    writeFileSync(file, 'garbage\n');
    expect(() => loadMasterKey({ file })).toThrow(
      expect.objectContaining({ code: 'TT_ERR_MASTER_KEY_INVALID' }),
    );
    expect(readFileSync(file, 'utf8')).toBe('garbage\n');
  });
});

describe('identity payload and name words', () => {
  it('folds case, accents and punctuation into words', () => {
    expect(nameWords('  José  Ñúñez-Álvarez ')).toEqual(['jose', 'nunez', 'alvarez']);
    expect(nameWords('Straße Øster Łukasz')).toEqual(['strasse', 'oster', 'lukasz']);
    expect(nameWords('مُحَمَّد عَلِي')).toEqual(['محمد', 'علي']);
    expect(nameWords('Anna anna ANNA')).toEqual(['anna']);
    expect(nameWords(' -- ')).toEqual([]);
  });

  it('validates the payload and fills defaults', () => {
    expect(parseIdentity({ names: ['A B'] })).toEqual({ names: ['A B'], contacts: [], notes: '' });
    expect(() => parseIdentity({ names: 'A B' })).toThrow(
      expect.objectContaining({ code: 'TT_ERR_VALIDATION' }),
    );
    expect(() => parseIdentity({ names: ['  '] })).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'identity.names.0' }) }),
    );
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});
