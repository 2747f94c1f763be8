import type { z } from 'zod';
import type {
  Actor,
  ActorCreateParsed,
  ActorListItem,
  actorFilterSchema,
  actorPatchSchema,
} from '../../domain/actor.js';
import type { PageOf } from '../../domain/scalars.js';
import { hasAccess } from '../../security/access.js';
import type { Identity } from '../../security/identity.js';
import {
  eraseIdentity,
  getIdentities,
  getIdentity,
  purgeErasedResidue,
  putIdentity,
  searchByName,
} from '../../security/vault.js';
import * as repo from '../../store/repositories/actors.js';
import { audit, must, sameWorkspace, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { coarsenActorInput } from '../privacy/location.js';

export type ActorFilter = z.output<typeof actorFilterSchema> & { name?: string };

/**
 * A conflict's actors as pseudonymous records. `name` searches the identity vault and needs `actors.names`
 * (without it the search is refused, not silently empty: an empty answer would say "no such person").
 * For a caller who may see names, each actor of the page carries its first name, decrypted from the
 * vault in one read for the page (as the actor page and the map do); for anyone else no name at all.
 */
export function listActors(
  ctx: ServiceContext,
  conflictId: string,
  filter: ActorFilter,
): Promise<PageOf<ActorListItem>> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.read', { conflictId });
    const { name, ...rest } = filter;
    let ids: string[] | undefined;
    if (name !== undefined) {
      await requireAccess(trx, ctx.auth, 'actors.names', { conflictId });
      ids = await searchByName(trx, ctx.keys, grant.workspaceId, name, { limit: 500 });
    }
    const page = await repo.listActors(trx, grant.workspaceId, { ...rest, conflict_id: conflictId, ids });
    if (page.items.length === 0 || !(await hasAccess(trx, ctx.auth, 'actors.names', { conflictId })))
      return page;
    const identities = await getIdentities(
      trx,
      ctx.keys,
      grant.workspaceId,
      page.items.map((actor) => actor.id),
    );
    return {
      ...page,
      items: page.items.map((actor): ActorListItem => {
        const first = identities.get(actor.id)?.names[0];
        return first ? { ...actor, name: first } : actor;
      }),
    };
  });
}

export function getActor(ctx: ServiceContext, id: string): Promise<Actor> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'actors.read', { actorId: id });
    return must(await repo.getActor(trx, id), 'actor');
  });
}

/** Creates the pseudonymous record, and its identity in the vault when one is given (needs `actors.names`). */
export function createActor(ctx: ServiceContext, input: ActorCreateParsed): Promise<Actor> {
  return inTransaction(ctx, async (trx) => {
    const scope = { conflictId: input.conflict_id };
    const grant = await requireAccess(trx, ctx.auth, 'actors.write', scope);
    sameWorkspace(input.workspace_id, grant.workspaceId);
    const { identity, ...given } = input;
    const record = await coarsenActorInput(trx, input.conflict_id, given);
    const actor = await repo.createActor(trx, record);
    if (identity) {
      await requireAccess(trx, ctx.auth, 'actors.names', scope);
      await putIdentity(trx, ctx.keys, grant.workspaceId, actor.id, identity);
    }
    await audit(trx, ctx.keys, ctx.auth, 'actor.create', 'actor', actor.id, grant.workspaceId);
    return actor;
  });
}

export function updateActor(
  ctx: ServiceContext,
  id: string,
  changes: z.output<typeof actorPatchSchema>,
): Promise<Actor> {
  return inTransaction(ctx, async (trx) => {
    const scope = { actorId: id };
    const grant = await requireAccess(trx, ctx.auth, 'actors.write', scope);
    const { identity, ...given } = changes;
    let actor = must(await repo.getActor(trx, id), 'actor');
    const fields = await coarsenActorInput(trx, actor.conflict_id, given);
    if (Object.keys(fields).length > 0) actor = must(await repo.updateActor(trx, id, fields), 'actor');
    if (identity) {
      await requireAccess(trx, ctx.auth, 'actors.names', scope);
      await putIdentity(trx, ctx.keys, grant.workspaceId, id, identity);
    }
    await audit(trx, ctx.keys, ctx.auth, 'actor.update', 'actor', id, grant.workspaceId);
    return actor;
  });
}

/** The identity from the vault (names, contacts, notes); null when none was stored or it was erased. */
export function getActorIdentity(ctx: ServiceContext, id: string): Promise<Identity | null> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'actors.names', { actorId: id });
    return (await getIdentity(trx, ctx.keys, grant.workspaceId, id)) ?? null;
  });
}

export function putActorIdentity(ctx: ServiceContext, id: string, identity: unknown): Promise<Identity> {
  return inTransaction(ctx, async (trx) => {
    const scope = { actorId: id };
    const grant = await requireAccess(trx, ctx.auth, 'actors.names', scope);
    await requireAccess(trx, ctx.auth, 'actors.write', scope);
    const stored = await putIdentity(trx, ctx.keys, grant.workspaceId, id, identity);
    await audit(trx, ctx.keys, ctx.auth, 'actor.identity_update', 'actor', id, grant.workspaceId);
    return stored;
  });
}

/**
 * Erasure by crypto-shredding: the actor's data key and ciphertext are destroyed, the record stays as a
 * pseudonym (so ties and counts keep their meaning). Cannot be undone, not even with the master key.
 */
export async function eraseActor(ctx: ServiceContext, id: string): Promise<Actor> {
  const actor = await inTransaction(ctx, async (trx) => {
    const scope = { actorId: id };
    const grant = await requireAccess(trx, ctx.auth, 'actors.names', scope);
    await requireAccess(trx, ctx.auth, 'actors.write', scope);
    await eraseIdentity(trx, grant.workspaceId, id);
    await repo.markActorErased(trx, id);
    await audit(trx, ctx.keys, ctx.auth, 'actor.erase', 'actor', id, grant.workspaceId);
    return must(await repo.getActor(trx, id), 'actor');
  });
  await purgeErasedResidue(ctx.db);
  return actor;
}

/** Whether the account may see names in this conflict (for the browser app's choices). */
export function canSeeActorNames(ctx: ServiceContext, conflictId: string): Promise<boolean> {
  return inTransaction(ctx, (trx) => hasAccess(trx, ctx.auth, 'actors.names', { conflictId }));
}
