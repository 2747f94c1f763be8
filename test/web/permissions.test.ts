import { describe, expect, it } from 'vitest';
import { accessTable, holdsPermission, permissions } from '../../src/domain/access-table.js';
import { initiativeRoles } from '../../src/domain/vocabulary-lists.js';
import { can, rolesIn } from '../../web/src/permissions.js';
import type { Me } from '../../web/src/session.js';

const me = (memberships: Me['memberships'], admin: string[] = []): Me => ({
  account: { id: 'a', email: 'a@example.org', display_name: null },
  admin_workspaces: admin,
  memberships,
  must_change_password: false,
});
const member = (role: Me['memberships'][number]['role'], initiative = 'i1') => ({
  initiative_id: initiative,
  conflict_id: 'c1',
  workspace_id: 'w1',
  role,
});

describe('the permissions the web app offers', () => {
  it('follow the server access table for every role and permission', () => {
    for (const role of initiativeRoles) {
      for (const permission of permissions) {
        const place = { workspaceId: 'w1', initiativeId: 'i1' };
        expect(can(me([member(role)]), permission, place), `${role} ${permission}`).toBe(
          (accessTable[permission] as readonly string[]).includes(role),
        );
      }
    }
  });

  it('count the roles of the initiative named, not those held elsewhere', () => {
    const account = me([member('participant', 'i1'), member('convener', 'i2')]);
    expect(rolesIn(account, { workspaceId: 'w1', initiativeId: 'i1' })).toEqual(['participant']);
    expect(can(account, 'meetings.write', { workspaceId: 'w1', initiativeId: 'i1' })).toBe(false);
    expect(can(account, 'meetings.write', { workspaceId: 'w1', initiativeId: 'i2' })).toBe(true);
    // In the conflict, any initiative's role counts, as the server's conflict-wide gates count it.
    expect(can(account, 'actors.write', { workspaceId: 'w1', conflictId: 'c1' })).toBe(true);
  });

  it('give a workspace administrator everything in their workspace only', () => {
    const admin = me([], ['w1']);
    expect(can(admin, 'audit.read', { workspaceId: 'w1' })).toBe(true);
    expect(can(admin, 'meetings.write', { workspaceId: 'w2', initiativeId: 'i9' })).toBe(false);
  });

  it('narrow attendance under Chatham House and closed rules to conveners', () => {
    const facilitator = me([member('facilitator')]);
    const place = { workspaceId: 'w1', initiativeId: 'i1' };
    expect(can(facilitator, 'attendance.write', { ...place, groundRule: 'open' })).toBe(true);
    expect(can(facilitator, 'attendance.write', { ...place, groundRule: 'chatham_house' })).toBe(false);
    expect(can(facilitator, 'attendance.read', { ...place, groundRule: 'closed' })).toBe(false);
    expect(holdsPermission('attendance.read', { admin: false, roles: ['convener'] }, 'closed')).toBe(true);
  });
});
