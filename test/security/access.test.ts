import { beforeAll, expect, it } from 'vitest';
import {
  canSeeAttendance,
  canSeeNames,
  hasAccess,
  listVisibleInitiatives,
  permissionsIn,
  requireAccess,
  type AccessScope,
  type Permission,
} from '../../src/security/access.js';
import { systemAuth, type Auth } from '../../src/security/auth.js';
import type { MembershipRole } from '../../src/store/tables/security.js';
import { forEachEngine } from '../support/databases.js';
import { makeAccount, makeConflict, makeInitiative, makeMeeting, makeWorkspace } from './fixtures.js';

/** docs/foundation.md's access table, copied by hand: the code must agree with the contract, not with itself. */
const CONTRACT = `
permission            convener facilitator participant researcher funder translator field_monitor
initiative.read       yes      yes         yes         yes        yes    yes    yes
initiative.write      yes      no          no          no         no     no     no
funding.read          yes      yes         no          no         yes    no     no
members.manage        yes      no          no          no         no     no     no
actors.read           yes      yes         no          yes        no     no     no
actors.names          yes      yes         no          no         no     no     no
actors.write          yes      yes         no          no         no     no     no
ties.write            yes      yes         no          no         no     no     no
meetings.read         yes      yes         yes         yes        yes    no     no
meetings.write        yes      yes         no          no         no     no     no
attendance.write      yes      yes         no          no         no     no     no
attendance.read       yes      yes         no          no         no     no     no
minutes.read          yes      yes         no          no         no     no     no
minutes.write         yes      yes         no          no         no     no     no
outcomes.read         yes      yes         yes         yes        yes    no     no
outcomes.write        yes      yes         no          no         no     no     no
transfers.write       yes      yes         no          no         no     no     no
dialogues.participate yes      yes         yes         no         no     no     no
dialogues.manage      yes      yes         no          no         no     no     no
dialogues.results     yes      yes         no          yes        no     no     no
statements.translate  yes      yes         no          no         no     yes    no
surveys.manage        yes      yes         no          no         no     no     no
evidence.read         yes      yes         no          yes        yes    no     no
export.research       yes      no          no          yes        no     no     no
audit.read            no       no          no          no         no     no     no
workspace.read        yes      yes         yes         yes        yes    yes    yes
workspace.manage      no       no          no          no         no     no     no
conflict.read         yes      yes         yes         yes        yes    no     no
conflict.write        no       no          no          no         no     no     no
trackone.read         yes      yes         yes         yes        yes    no         no
trackone.write        yes      yes         no          no         no     no         no
indicators.read       yes      yes         no          yes        yes    no         yes
indicators.write      yes      yes         no          no         no     no         yes
funding.details       yes      yes         no          no         no     no         no
funding.write         yes      no          no          no         no     no         no
`;

const roles: MembershipRole[] = [
  'convener',
  'facilitator',
  'participant',
  'researcher',
  'funder',
  'translator',
  'field_monitor',
];
const table = CONTRACT.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/))
  .map(([permission, ...cells]) => ({
    permission: permission as Permission,
    allowed: cells.map((c) => c === 'yes'),
  }));

/** Attendance by ground rule: Chatham House and closed meetings show attendance to conveners (and admins) only. */
const ATTENDANCE: Record<string, MembershipRole[]> = {
  open: ['convener', 'facilitator'],
  chatham_house: ['convener'],
  closed: ['convener'],
};

async function outcome(run: Promise<unknown>): Promise<string> {
  try {
    await run;
    return 'ok';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

forEachEngine('access', (getDb) => {
  const w = {} as {
    workspace: string;
    conflict: string;
    otherConflict: string;
    initiative: string;
    sibling: string;
    elsewhere: string;
    meetings: Record<string, string>;
    foreignWorkspace: string;
    foreignInitiative: string;
  };
  const member = {} as Record<MembershipRole, Auth>;
  let admin: Auth;
  let outsider: Auth;
  let disabled: Auth;
  let foreignAdmin: Auth;

  beforeAll(async () => {
    const db = getDb();
    const { workspaceId, conflictId } = await makeWorkspace(db, 'access');
    w.workspace = workspaceId;
    w.conflict = conflictId;
    w.otherConflict = await makeConflict(db, workspaceId);
    w.initiative = await makeInitiative(db, workspaceId, conflictId);
    w.sibling = await makeInitiative(db, workspaceId, conflictId);
    w.elsewhere = await makeInitiative(db, workspaceId, w.otherConflict);
    w.meetings = {};
    for (const rule of ['open', 'chatham_house', 'closed'] as const) {
      w.meetings[rule] = await makeMeeting(db, w.initiative, rule);
    }
    const foreign = await makeWorkspace(db, 'foreign');
    w.foreignWorkspace = foreign.workspaceId;
    w.foreignInitiative = await makeInitiative(db, foreign.workspaceId, foreign.conflictId);

    for (const role of roles) {
      const accountId = await makeAccount(db);
      await db
        .insertInto('memberships')
        .values({ account_id: accountId, initiative_id: w.initiative, role })
        .execute();
      member[role] = { accountId };
    }
    admin = { accountId: await makeAccount(db) };
    await db
      .insertInto('workspace_admins')
      .values({ workspace_id: workspaceId, account_id: admin.accountId! })
      .execute();
    outsider = { accountId: await makeAccount(db) };
    foreignAdmin = { accountId: await makeAccount(db) };
    await db
      .insertInto('workspace_admins')
      .values({ workspace_id: w.foreignWorkspace, account_id: foreignAdmin.accountId! })
      .execute();
    const disabledId = await makeAccount(db);
    await db
      .insertInto('memberships')
      .values({ account_id: disabledId, initiative_id: w.initiative, role: 'convener' })
      .execute();
    await db
      .updateTable('accounts')
      .set({ disabled_at: '2026-01-01T00:00:00.000Z' })
      .where('id', '=', disabledId)
      .execute();
    disabled = { accountId: disabledId };
  });

  it('grants each role in its initiative exactly the cells of the contract', async () => {
    const db = getDb();
    const mismatches: string[] = [];
    for (const { permission, allowed } of table) {
      for (const [i, role] of roles.entries()) {
        const got = await outcome(
          requireAccess(db, member[role], permission, { initiativeId: w.initiative }),
        );
        const want = allowed[i] ? 'ok' : 'TT_ERR_FORBIDDEN';
        if (got !== want) mismatches.push(`${role} ${permission}: ${got}, want ${want}`);
      }
    }
    expect(mismatches).toEqual([]);
    expect(table).toHaveLength(35);
  });

  it('answers the same at the conflict and workspace the initiative lies in', async () => {
    const db = getDb();
    const mismatches: string[] = [];
    for (const scope of [{ conflictId: w.conflict }, { workspaceId: w.workspace }] as AccessScope[]) {
      for (const { permission, allowed } of table) {
        for (const [i, role] of roles.entries()) {
          const got = await outcome(requireAccess(db, member[role], permission, scope));
          const want = allowed[i] ? 'ok' : 'TT_ERR_FORBIDDEN';
          if (got !== want) mismatches.push(`${role} ${permission} ${JSON.stringify(scope)}: ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('reveals nothing of other initiatives, other conflicts and other workspaces: not found, not forbidden', async () => {
    const db = getDb();
    const elsewhere: AccessScope[] = [
      { initiativeId: w.sibling },
      { initiativeId: w.elsewhere },
      { conflictId: w.otherConflict },
      { initiativeId: w.foreignInitiative },
      { workspaceId: w.foreignWorkspace },
      { initiativeId: 'no-such-initiative' },
      { meetingId: 'no-such-meeting' },
    ];
    const leaks: string[] = [];
    for (const auth of [...roles.map((r) => member[r]), outsider]) {
      for (const scope of elsewhere) {
        for (const { permission } of table) {
          const got = await outcome(requireAccess(db, auth, permission, scope));
          if (got !== 'TT_ERR_NOT_FOUND')
            leaks.push(`${auth.accountId} ${permission} ${JSON.stringify(scope)}: ${got}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // The outsider does not even see the workspace or initiative it has no role in.
    for (const scope of [
      { workspaceId: w.workspace },
      { initiativeId: w.initiative },
      { conflictId: w.conflict },
    ]) {
      expect(await outcome(requireAccess(db, outsider, 'initiative.read', scope))).toBe('TT_ERR_NOT_FOUND');
    }
  });

  it('gives the workspace administrator everything in the workspace and nothing in another', async () => {
    const db = getDb();
    const scopes: AccessScope[] = [
      { workspaceId: w.workspace },
      { conflictId: w.conflict },
      { conflictId: w.otherConflict },
      { initiativeId: w.initiative },
      { initiativeId: w.elsewhere },
      ...Object.values(w.meetings).map((meetingId) => ({ meetingId })),
    ];
    for (const scope of scopes) {
      for (const { permission } of table) {
        expect(await outcome(requireAccess(db, admin, permission, scope))).toBe('ok');
      }
    }
    expect(
      await outcome(requireAccess(db, admin, 'initiative.read', { initiativeId: w.foreignInitiative })),
    ).toBe('TT_ERR_NOT_FOUND');
    expect(
      await outcome(requireAccess(db, foreignAdmin, 'initiative.read', { initiativeId: w.initiative })),
    ).toBe('TT_ERR_NOT_FOUND');
    const grant = await requireAccess(db, admin, 'audit.read', { workspaceId: w.workspace });
    expect(grant).toMatchObject({ admin: true, workspaceId: w.workspace });
  });

  it('shows (and lets write) attendance of Chatham House and closed meetings to conveners and administrators only', async () => {
    const db = getDb();
    for (const [rule, meetingId] of Object.entries(w.meetings)) {
      for (const role of roles) {
        expect([rule, role, await canSeeAttendance(db, member[role], meetingId)]).toEqual([
          rule,
          role,
          ATTENDANCE[rule].includes(role),
        ]);
        // Writing the list is held to its readers: a write's answer would tell the rest who attended.
        expect([rule, role, await hasAccess(db, member[role], 'attendance.write', { meetingId })]).toEqual([
          rule,
          role,
          ATTENDANCE[rule].includes(role),
        ]);
        // Minutes and notes tell what was said in the room: the same rule holds them.
        for (const permission of ['minutes.read', 'minutes.write'] as const)
          expect([
            rule,
            role,
            permission,
            await hasAccess(db, member[role], permission, { meetingId }),
          ]).toEqual([rule, role, permission, ATTENDANCE[rule].includes(role)]);
        // The rest of the meeting (date, place, rule) stays visible to every role but the translator's.
        expect(await outcome(requireAccess(db, member[role], 'meetings.read', { meetingId }))).toBe(
          role === 'translator' || role === 'field_monitor' ? 'TT_ERR_FORBIDDEN' : 'ok',
        );
      }
      expect(await canSeeAttendance(db, admin, meetingId)).toBe(true);
      expect(await canSeeAttendance(db, outsider, meetingId)).toBe(false);
      expect(await outcome(requireAccess(db, outsider, 'meetings.read', { meetingId }))).toBe(
        'TT_ERR_NOT_FOUND',
      );
    }
  });

  it('refuses without an account, and for a disabled account, before anything else', async () => {
    const db = getDb();
    for (const auth of [null, undefined, disabled, { accountId: 'no-such-account' }]) {
      expect(await outcome(requireAccess(db, auth, 'initiative.read', { initiativeId: w.initiative }))).toBe(
        'TT_ERR_UNAUTHENTICATED',
      );
      expect(await outcome(requireAccess(db, auth, 'initiative.read', { initiativeId: 'no-such' }))).toBe(
        'TT_ERR_UNAUTHENTICATED',
      );
    }
    await expect(
      hasAccess(db, null, 'initiative.read', { initiativeId: w.initiative }),
    ).rejects.toMatchObject({
      code: 'TT_ERR_UNAUTHENTICATED',
    });
  });

  it('lets the system (demo loader, operator) through, but not into what does not exist', async () => {
    const db = getDb();
    const system = systemAuth('test');
    expect(await outcome(requireAccess(db, system, 'actors.names', { conflictId: w.conflict }))).toBe('ok');
    expect(await outcome(requireAccess(db, system, 'actors.names', { conflictId: 'nope' }))).toBe(
      'TT_ERR_NOT_FOUND',
    );
  });

  it('says who may see names', async () => {
    const db = getDb();
    const seeing = [];
    for (const role of roles)
      if (await canSeeNames(db, member[role], { conflictId: w.conflict })) seeing.push(role);
    expect(seeing).toEqual(['convener', 'facilitator']);
    expect(await canSeeNames(db, admin, { conflictId: w.conflict })).toBe(true);
    expect(await canSeeNames(db, member.convener, { conflictId: w.otherConflict })).toBe(false);
  });

  it('lists the permissions of a role, for the browser app', async () => {
    const db = getDb();
    const funder = await permissionsIn(db, member.funder, { initiativeId: w.initiative });
    expect(funder.sort()).toEqual(
      [
        'initiative.read',
        'funding.read',
        'meetings.read',
        'outcomes.read',
        'evidence.read',
        'workspace.read',
        'conflict.read',
        'trackone.read',
        'indicators.read',
        'events.read',
      ].sort(),
    );
    expect(await permissionsIn(db, outsider, { initiativeId: w.initiative })).toEqual([]);
    const atClosed = await permissionsIn(db, member.facilitator, { meetingId: w.meetings.closed });
    expect(atClosed).not.toContain('attendance.read');
    expect(atClosed).not.toContain('attendance.write');
    expect(atClosed).toContain('meetings.write');
  });

  it('lists only the initiatives an account has a part in', async () => {
    const db = getDb();
    expect(
      (await listVisibleInitiatives(db, member.researcher)).map((i) => [i.id, i.roles, i.admin]),
    ).toEqual([[w.initiative, ['researcher'], false]]);
    expect(await listVisibleInitiatives(db, outsider)).toEqual([]);
    const administered = await listVisibleInitiatives(db, admin);
    expect(administered.map((i) => i.id).sort()).toEqual([w.initiative, w.sibling, w.elsewhere].sort());
    expect(administered.every((i) => i.admin && i.workspaceId === w.workspace)).toBe(true);
    expect((await listVisibleInitiatives(db, foreignAdmin)).map((i) => i.id)).toEqual([w.foreignInitiative]);
    expect(await listVisibleInitiatives(db, foreignAdmin, { workspaceId: w.workspace })).toEqual([]);
    await expect(listVisibleInitiatives(db, disabled)).rejects.toMatchObject({
      code: 'TT_ERR_UNAUTHENTICATED',
    });
  });
});
