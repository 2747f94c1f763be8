/**
 * What the signed-in account may do where, from the same access table the server's gates check
 * (src/domain/access-table.ts) and the roles `GET /api/auth/me` lists: screens offer only the actions
 * the account's role allows. The server still decides; this only keeps refused actions off the page.
 */
import { useCallback } from 'react';
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
