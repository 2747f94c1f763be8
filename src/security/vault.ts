import { createHmac, hkdfSync } from 'node:crypto';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../domain/errors.js';
import {
  actorOfWorkspace,
  actorsWithAllTokens,
  deleteActorIdentity,
  deleteNameTokens,
  findActorIdentities,
  findActorIdentity,
  identityWorkspace,
  findWrappedWorkspaceKey,
  insertWorkspaceKeyIfAbsent,
  replaceNameTokens,
  upsertActorIdentity,
  type ActorIdentityRow,
} from '../store/repositories/vault.js';
import { engineOf } from '../store/engine/index.js';
import type { Database } from '../store/schema.js';
import { newKey, open, seal, unwrapKey, wrapKey } from './envelope.js';
import { nameWords, parseIdentity, type Identity } from './identity.js';

/**
 * The master key and a cache of opened workspace keys. The cache is keyed by the wrapped key as stored,
 * so a key from a transaction that rolled back is never used again by mistake.
 */
export class VaultKeys {
  readonly #master: Buffer;
  readonly #opened = new Map<string, Buffer>();

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new RangeError('the master key must be 32 bytes');
    this.#master = Buffer.from(masterKey);
  }

  /**
   * A key for another purpose (backups, the audit chain's MAC), derived from the master key with HKDF-SHA-256:
   * never the master key itself, and a different key for every `purpose` and `salt`.
   */
  deriveKey(purpose: string, salt: Buffer = Buffer.alloc(0)): Buffer {
    return Buffer.from(hkdfSync('sha256', this.#master, salt, purpose, 32));
  }

  /** The workspace key, created (and stored wrapped under the master key) on first use when `create`. */
  async workspaceKey(
    trx: Kysely<Database>,
    workspaceId: string,
    create: boolean,
  ): Promise<Buffer | undefined> {
    let wrapped = await findWrappedWorkspaceKey(trx, workspaceId);
    if (wrapped === undefined) {
      if (!create) return undefined;
      await insertWorkspaceKeyIfAbsent(trx, {
        workspace_id: workspaceId,
        wrapped_key: wrapKey(this.#master, newKey(), workspaceKeyContext(workspaceId)),
        created_at: new Date().toISOString(),
      });
      // Read back: when another writer won the race, its key is the workspace's key.
      wrapped = await findWrappedWorkspaceKey(trx, workspaceId);
      if (wrapped === undefined) throw new Error(`workspace key of ${workspaceId} vanished`);
    }
    let key = this.#opened.get(wrapped);
    if (!key) {
      key = unwrapKey(this.#master, wrapped, workspaceKeyContext(workspaceId));
      if (this.#opened.size > 1_000) this.#opened.clear();
      this.#opened.set(wrapped, key);
    }
    return key;
  }
}

export function createVaultKeys(masterKey: Buffer): VaultKeys {
  return new VaultKeys(masterKey);
}

// Associated data: each sealed box opens only in the row it was written for.
const workspaceKeyContext = (workspaceId: string) => `tracktwo/workspace-key/v1/${workspaceId}`;
const dataKeyContext = (workspaceId: string, actorId: string) =>
  `tracktwo/actor-key/v1/${workspaceId}/${actorId}`;
const identityContext = (workspaceId: string, actorId: string) =>
  `tracktwo/identity/v1/${workspaceId}/${actorId}`;

/** The key of the name index, derived from (never equal to) the workspace key. */
function nameIndexKey(workspaceKey: Buffer, workspaceId: string): Buffer {
  return Buffer.from(
    hkdfSync('sha256', workspaceKey, Buffer.alloc(0), `tracktwo/name-index/v1/${workspaceId}`, 32),
  );
}

/** The index tokens of some text: one keyed hash per normalised word. */
export function nameTokens(indexKey: Buffer, text: string): string[] {
  return nameWords(text).map((word) => createHmac('sha256', indexKey).update(word, 'utf8').digest('hex'));
}

/**
 * Before every vault write, so no stale copy of a key or ciphertext outlives an erasure (SQLite: secure
 * delete; the store may turn it on at open too).
 */
async function zeroFreedSpace(trx: Kysely<Database>): Promise<void> {
  await engineOf(trx).zeroFreedSpace(trx);
}

async function requireLiveActor(trx: Kysely<Database>, workspaceId: string, actorId: string): Promise<void> {
  const actor = await actorOfWorkspace(trx, workspaceId, actorId);
  if (!actor) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: `actor ${actorId}` });
  if (actor.erased_at) throw new TrackTwoError('TT_ERR_ACTOR_ERASED', { reason: `actor ${actorId}` });
}

/**
 * Stores (or replaces) an actor's identity: JSON sealed under a fresh per-actor data key, the data key
 * sealed under the workspace key, and the name index rebuilt. Runs in the caller's transaction; the caller
 * checks access (`actors.write`) and writes the audit row.
 */
export async function putIdentity(
  trx: Kysely<Database>,
  keys: VaultKeys,
  workspaceId: string,
  actorId: string,
  identity: unknown,
): Promise<Identity> {
  const parsed = parseIdentity(identity);
  await requireLiveActor(trx, workspaceId, actorId);
  await zeroFreedSpace(trx);
  const workspaceKey = (await keys.workspaceKey(trx, workspaceId, true)) as Buffer;
  const dataKey = newKey();
  await upsertActorIdentity(trx, {
    actor_id: actorId,
    workspace_id: workspaceId,
    wrapped_data_key: wrapKey(workspaceKey, dataKey, dataKeyContext(workspaceId, actorId)),
    ciphertext: seal(
      dataKey,
      Buffer.from(JSON.stringify(parsed), 'utf8'),
      identityContext(workspaceId, actorId),
    ),
    updated_at: new Date().toISOString(),
  });
  dataKey.fill(0);
  const indexKey = nameIndexKey(workspaceKey, workspaceId);
  const tokens = new Set(parsed.names.flatMap((name) => nameTokens(indexKey, name)));
  await replaceNameTokens(trx, workspaceId, actorId, [...tokens]);
  return parsed;
}

/** An actor's identity, or undefined when none was stored or it was erased. */
export async function getIdentity(
  trx: Kysely<Database>,
  keys: VaultKeys,
  workspaceId: string,
  actorId: string,
): Promise<Identity | undefined> {
  const row = await findActorIdentity(trx, actorId);
  if (!row || row.workspace_id !== workspaceId) return undefined;
  return openIdentity(await readableWorkspaceKey(trx, keys, workspaceId), workspaceId, row);
}

/**
 * The identities of many actors of one workspace, by actor id: one query and one workspace key for
 * all, for lists and exports that would otherwise read the vault once per actor. Actors without an
 * identity (or of another workspace) are absent from the map.
 */
export async function getIdentities(
  trx: Kysely<Database>,
  keys: VaultKeys,
  workspaceId: string,
  actorIds: readonly string[],
): Promise<Map<string, Identity>> {
  const identities = new Map<string, Identity>();
  const rows = (await findActorIdentities(trx, actorIds)).filter((row) => row.workspace_id === workspaceId);
  if (rows.length === 0) return identities;
  const workspaceKey = await readableWorkspaceKey(trx, keys, workspaceId);
  for (const row of rows) identities.set(row.actor_id, openIdentity(workspaceKey, workspaceId, row));
  return identities;
}

async function readableWorkspaceKey(trx: Kysely<Database>, keys: VaultKeys, workspaceId: string) {
  const workspaceKey = await keys.workspaceKey(trx, workspaceId, false);
  if (!workspaceKey)
    throw new TrackTwoError('TT_ERR_IDENTITY_UNREADABLE', { reason: 'the workspace key is gone' });
  return workspaceKey;
}

function openIdentity(workspaceKey: Buffer, workspaceId: string, row: ActorIdentityRow): Identity {
  const actorId = row.actor_id;
  const dataKey = unwrapKey(workspaceKey, row.wrapped_data_key, dataKeyContext(workspaceId, actorId));
  try {
    const plaintext = open(dataKey, row.ciphertext, identityContext(workspaceId, actorId));
    return parseIdentity(JSON.parse(plaintext.toString('utf8')));
  } finally {
    dataKey.fill(0);
  }
}

/**
 * Crypto-shredding: deletes the actor's wrapped data key, its ciphertext and its name tokens. Without the
 * data key the identity cannot be recovered, even by someone holding the master key. On SQLite, secure
 * delete zeroes the freed bytes; call `purgeErasedResidue` after the commit to flush them from the WAL.
 * Returns whether there was an identity to erase. The caller marks the actor erased and audits.
 */
export async function eraseIdentity(
  trx: Kysely<Database>,
  workspaceId: string,
  actorId: string,
): Promise<boolean> {
  await zeroFreedSpace(trx);
  const holder = await identityWorkspace(trx, actorId);
  if (holder !== undefined && holder !== workspaceId) return false;
  await deleteNameTokens(trx, actorId);
  return deleteActorIdentity(trx, actorId);
}

/**
 * After erasures have committed: makes the engine drop the old copies of deleted rows it still keeps
 * (SQLite: checkpoint and truncate the write-ahead log; PostgreSQL: rewrite the vault's tables).
 * PostgreSQL's own WAL segments and backups age out on their own schedule: see docs/foundation.md.
 */
export async function purgeErasedResidue(db: Kysely<Database>): Promise<void> {
  if (db.isTransaction) throw new Error('purgeErasedResidue runs after the transaction has committed');
  await engineOf(db).purgeDeletedRows(db, ['actor_identities', 'actor_name_index']);
}

/**
 * Actors of the workspace whose names contain every word of `query` (whole words, case and accents
 * ignored). The caller checks `actors.names` first: the result reveals who is in the vault.
 */
export async function searchByName(
  trx: Kysely<Database>,
  keys: VaultKeys,
  workspaceId: string,
  query: string,
  options: { limit?: number } = {},
): Promise<string[]> {
  const workspaceKey = await keys.workspaceKey(trx, workspaceId, false);
  if (!workspaceKey) return [];
  const tokens = [...new Set(nameTokens(nameIndexKey(workspaceKey, workspaceId), query))];
  if (tokens.length === 0 || tokens.length > 20) return [];
  return actorsWithAllTokens(trx, workspaceId, tokens, options.limit ?? 50);
}
