/**
 * What the signed-in account may do where, from the same access table the server's gates check
 * (src/domain/access-table.ts) and the roles `GET /api/auth/me` lists: screens offer only the actions
 * the account's role allows. The server still decides; this only keeps refused actions off the page.
 */
import { useCallback } from 'react';
import { apiGet } from './api/client.js';
import { useResource } from './use-resource.js';
import { holdsPermission, type Permission } from '../../src/domain/access-table.js';
import type { groundRules } from '../../src/domain/vocabulary-lists.js';
import { useSession, type Me, type Membership } from './session.js';

export type { Permission };

/**
 * Where an action applies. `workspaceId` is needed for administrators, who hold every permission in
 * their workspace without any initiative role; the narrowest of initiative, conflict or workspace counts.
 */
export interface Place {
  workspaceId: string;
  conflictId?: string | null;
  initiativeId?: string | null;
  /** A meeting's ground rule, which narrows who records or reads its attendance. */
  groundRule?: (typeof groundRules)[number] | null;
}

/** The account's roles that count in a place: those of the initiative, else any in the conflict or workspace. */
export function rolesIn(me: Me, place: Place): Membership['role'][] {
  const counts = (membership: Membership) =>
    place.initiativeId
      ? membership.initiative_id === place.initiativeId
      : place.conflictId
        ? membership.conflict_id === place.conflictId
        : membership.workspace_id === place.workspaceId;
  return me.memberships.filter(counts).map((membership) => membership.role);
}

/** Whether the account holds a permission in a place (a workspace administrator holds all of them there). */
export function can(me: Me, permission: Permission, place: Place): boolean {
  const admin = me.admin_workspaces.includes(place.workspaceId);
  return holdsPermission(permission, { admin, roles: rolesIn(me, place) }, place.groundRule);
}

/** `can` for the signed-in account; signed out, nothing is allowed. */
export function useCan(): (permission: Permission, place: Place) => boolean {
  const { session } = useSession();
  const me = session.status === 'signed-in' ? session.me : null;
  return useCallback(
    (permission: Permission, place: Place) => me !== null && can(me, permission, place),
    [me],
  );
}

/**
 * `can` in one initiative, for screens that know only its id: the place comes from the account's
 * memberships, or (for a workspace administrator without a role there) from the initiative itself.
 * Until the place is known nothing is allowed, so no action flashes up and disappears.
 */
export function useInitiativeCan(
  initiativeId: string,
): (permission: Permission, groundRule?: Place['groundRule']) => boolean {
  const { session } = useSession();
  const me = session.status === 'signed-in' ? session.me : null;
  const membership = me?.memberships.find((m) => m.initiative_id === initiativeId);
  const needsLookup = !!me && !membership && me.admin_workspaces.length > 0;
  const initiative = useResource(
    needsLookup ? apiGet('/api/initiatives/{id}', { params: { path: { id: initiativeId } } }) : null,
  );
  const place: Place | null = membership
    ? { workspaceId: membership.workspace_id, conflictId: membership.conflict_id, initiativeId }
    : initiative.state === 'ready'
      ? { workspaceId: initiative.data.workspace_id, conflictId: initiative.data.conflict_id, initiativeId }
      : null;
  const workspaceId = place?.workspaceId;
  const conflictId = place?.conflictId;
  return useCallback(
    (permission: Permission, groundRule?: Place['groundRule']) =>
      me !== null &&
      workspaceId !== undefined &&
      can(me, permission, { workspaceId, conflictId, initiativeId, groundRule }),
    [me, workspaceId, conflictId, initiativeId],
  );
}
