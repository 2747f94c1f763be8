import type { ColumnType, Generated } from 'kysely';
import type {
  ActorKind,
  ActorRole,
  AttendanceRole,
  ConflictEventKind,
  Gender,
  GroundRule,
  InitiativeCapacity,
  InitiativeStatus,
  MeetingStatus,
  OutcomeKind,
  TieKind,
  TieSource,
  Track,
  TransferStatus,
} from '../../domain/vocabulary.js';
import type { LocationPrecision } from '../../domain/location-precision.js';

/**
 * Booleans are integer 0/1 on both engines (SQLite has no boolean); repositories turn them into
 * `boolean` at the edge. Ids are text UUIDs the application makes; times are ISO text in UTC.
 */
export type Flag = 0 | 1;

/** A column the database fills when the insert leaves it out. */
type Defaulted<T> = Generated<T>;

/** A nullable column an insert may leave out (migration 0009 added it to an existing table). */
type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;

export interface WorkspacesTable {
  id: string;
  name: string;
  description: Defaulted<string>;
  is_demo: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

export interface ConflictsTable {
  id: string;
  workspace_id: string;
  name: string;
  description: Defaulted<string>;
  started_on: string | null;
  ended_on: string | null;
  created_at: string;
}

export interface DividesTable {
  id: string;
  conflict_id: string;
  name: string;
  /** Display order of the divide within its conflict. */
  position: Defaulted<number>;
}

export interface GroupsTable {
  id: string;
  divide_id: string;
  name: string;
  color: string | null;
  /** Display order of the group within its divide. */
  position: Defaulted<number>;
}

export interface ConflictEventsTable {
  id: string;
  conflict_id: string;
  kind: ConflictEventKind;
  occurred_on: string;
  title: string;
}

export interface ActorsTable {
  id: string;
  workspace_id: string;
  conflict_id: string;
  pseudonym: string;
  kind: ActorKind;
  role: ActorRole;
  track: Track;
  gender: Gender | null;
  region: string | null;
  /** Coordinates no finer than the initiatives of the actor's conflict allow (migration 0009). */
  latitude: Optional<number>;
  longitude: Optional<number>;
  created_at: string;
  updated_at: string;
  erased_at: string | null;
}

export interface ActorGroupsTable {
  actor_id: string;
  divide_id: string;
  group_id: string;
}

export interface TiesTable {
  id: string;
  workspace_id: string;
  conflict_id: string;
  source_actor_id: string;
  target_actor_id: string;
  kind: TieKind;
  directed: Flag;
  strength: number;
  valid_from: string | null;
  valid_to: string | null;
  source: TieSource;
  confidence: number;
  created_at: string;
  updated_at: string;
}

/**
 * Which meetings made or strengthened a `met` tie (migration 0005). The evidence that decides who may see
 * the tie: a tie whose meetings are all Chatham House or closed reveals their attendance.
 */
export interface TieMeetingsTable {
  tie_id: string;
  meeting_id: string;
}

export interface InitiativesTable {
  id: string;
  workspace_id: string;
  conflict_id: string;
  name: string;
  aims: Defaulted<string>;
  status: InitiativeStatus;
  started_on: string | null;
  ended_on: string | null;
  funding_needed: number | null;
  funding_pledged: number | null;
  inclusion_target_women: number | null;
  created_at: string;
}

export interface InitiativeActorsTable {
  initiative_id: string;
  actor_id: string;
  capacity: InitiativeCapacity;
}

export interface MeetingsTable {
  id: string;
  initiative_id: string;
  title: string;
  held_on: string;
  place: string | null;
  /** Coordinates no finer than the initiative allows (migration 0009). */
  latitude: Optional<number>;
  longitude: Optional<number>;
  ground_rule: GroundRule;
  status: MeetingStatus;
  created_at: string;
}

export interface AttendancesTable {
  meeting_id: string;
  actor_id: string;
  role: AttendanceRole;
  /** When retention hid the row (migration 0009); hidden rows are read by the retention job only. */
  deleted_at: Optional<string>;
}

/** An initiative's retention periods (days, null = keep) and location precision (migration 0009). */
export interface InitiativePrivacyTable {
  initiative_id: string;
  identities_days: number | null;
  attendance_days: number | null;
  answers_days: number | null;
  location_precision: ColumnType<LocationPrecision, LocationPrecision | undefined, LocationPrecision>;
  updated_at: string;
}

export interface OutcomesTable {
  id: string;
  initiative_id: string;
  meeting_id: string | null;
  title: string;
  description: Defaulted<string>;
  kind: OutcomeKind;
  created_at: string;
}

export interface TransfersTable {
  id: string;
  outcome_id: string;
  status: TransferStatus;
  handed_on: string;
  status_on: string;
  note: Defaulted<string>;
  created_at: string;
}

export interface TransferRecipientsTable {
  transfer_id: string;
  actor_id: string;
}

/** Tables of the domain records (workspace, conflict, actor, tie, initiative, meeting, ...). Owned by the store. */
export interface CoreTables {
  workspaces: WorkspacesTable;
  conflicts: ConflictsTable;
  divides: DividesTable;
  groups: GroupsTable;
  conflict_events: ConflictEventsTable;
  actors: ActorsTable;
  actor_groups: ActorGroupsTable;
  ties: TiesTable;
  tie_meetings: TieMeetingsTable;
  initiatives: InitiativesTable;
  initiative_actors: InitiativeActorsTable;
  meetings: MeetingsTable;
  attendances: AttendancesTable;
  outcomes: OutcomesTable;
  transfers: TransfersTable;
  transfer_recipients: TransferRecipientsTable;
  initiative_privacy: InitiativePrivacyTable;
}
