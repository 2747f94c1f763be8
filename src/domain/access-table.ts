/**
 * Who may do what, as plain data without I/O or zod: the server's gates (src/security/access.ts) check
 * against it, and the browser app imports it as it is to offer only the actions a role may take. A
 * change of a role's rights is a change here and nowhere else.
 */
import { initiativeRoles, type groundRules } from './vocabulary-lists.js';

type Role = (typeof initiativeRoles)[number];
type GroundRule = (typeof groundRules)[number];

const all: readonly Role[] = initiativeRoles;
/**
 * Every role but the translator, who sees a dialogue's statements and their translations and nothing else,
 * and the field monitor, who reports an area's peace indicators and reads nothing of the process.
 */
const members: readonly Role[] = initiativeRoles.filter(
  (role) => role !== 'translator' && role !== 'field_monitor',
);
const leads: readonly Role[] = ['convener', 'facilitator'];
const ADMIN_ONLY: readonly Role[] = [];

/**
 * The access table of docs/foundation.md: which initiative roles hold each permission. Workspace
 * administrators hold every permission in their workspace; an empty list means administrators only.
 */
export const accessTable = {
  'initiative.read': all,
  'initiative.write': ['convener'],
  // Funding figures (needed, pledged) of an initiative: not for participants or researchers.
  'funding.read': ['convener', 'facilitator', 'funder'],
  'members.manage': ['convener'],
  'actors.read': ['convener', 'facilitator', 'researcher'],
  'actors.names': leads,
  'actors.write': leads,
  'ties.write': leads,
  'meetings.read': members,
  'meetings.write': leads,
  // Both: facilitators only for `open` meetings, see attendanceRoles.
  'attendance.write': leads,
  'attendance.read': leads,
  // A meeting's minutes and working notes, narrowed by its ground rule like attendance (see rolesHolding).
  'minutes.read': leads,
  'minutes.write': leads,
  'outcomes.read': members,
  'outcomes.write': leads,
  'transfers.write': leads,
  'dialogues.participate': ['convener', 'facilitator', 'participant'],
  'dialogues.manage': leads,
  'dialogues.results': ['convener', 'facilitator', 'researcher'],
  // The translation queue: a dialogue's statements and their translations, never who wrote or voted.
  'statements.translate': ['convener', 'facilitator', 'translator'],
  'surveys.manage': leads,
  'evidence.read': ['convener', 'facilitator', 'researcher', 'funder'],
  'export.research': ['convener', 'researcher'],
  'audit.read': ADMIN_ONLY,
  // Added to the contract's table: the workspace and conflict a role lives in.
  'workspace.read': all,
  'workspace.manage': ADMIN_ONLY,
  'conflict.read': members,
  'conflict.write': ADMIN_ONLY,
  // Event data of the violence around a process (ACLED, UCDP) and its alias list: public data, but no
  // participant needs it, and the context view sets it beside the initiative's meetings.
  'events.read': ['convener', 'facilitator', 'researcher', 'funder'],
  'events.write': leads,
  // Issue #15: the Track-I timeline of a conflict (parties: to actors.read), read by the members.
  'trackone.read': members,
  'trackone.write': leads,
  // Peace indicators per area and month, reported by field monitors; aggregates, so funders read them.
  'indicators.read': ['convener', 'facilitator', 'researcher', 'funder', 'field_monitor'],
  'indicators.write': ['convener', 'facilitator', 'field_monitor'],
  // Funders' names, the pledge and disbursement lists: a funder reads the aggregates (funding.read) only.
  'funding.details': leads,
  'funding.write': ['convener'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof accessTable;
export const permissions = Object.keys(accessTable) as Permission[];

/**
 * Who sees a meeting's attendance list, and who records or removes attendances: under Chatham House or
 * closed rules, only its conveners. Writing is held to the readers because a write answers from the list
 * (how many attend, how many met ties it made, 204 or 404 for a removal): a facilitator who may not read
 * the list would read it back through the write.
 */
export function attendanceRoles(groundRule: GroundRule): readonly Role[] {
  return groundRule === 'open' ? leads : ['convener'];
}

/**
 * The permissions a meeting's ground rule narrows (see attendanceRoles): its attendance list, and its
 * minutes and notes, which under Chatham House or closed rules tell what was said in the room.
 */
export const meetingNarrowed = [
  'attendance.read',
  'attendance.write',
  'minutes.read',
  'minutes.write',
] as const;
type MeetingNarrowed = (typeof meetingNarrowed)[number];

export function isMeetingNarrowed(permission: Permission): permission is MeetingNarrowed {
  return (meetingNarrowed as readonly string[]).includes(permission);
}

/** The roles that hold a permission in a place; a meeting's ground rule narrows the rights of meetingNarrowed. */
export function rolesHolding(permission: Permission, groundRule?: GroundRule | null): readonly Role[] {
  if (isMeetingNarrowed(permission) && groundRule) return attendanceRoles(groundRule);
  return accessTable[permission];
}

/** Whether an account with these roles in a place (or its workspace's administrator) holds a permission. */
export function holdsPermission(
  permission: Permission,
  holder: { admin: boolean; roles: readonly Role[] },
  groundRule?: GroundRule | null,
): boolean {
  if (holder.admin) return true;
  const allowed = rolesHolding(permission, groundRule);
  return holder.roles.some((role) => allowed.includes(role));
}
