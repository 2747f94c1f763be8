import type { ColumnType } from 'kysely';
import type { InitiativeRole } from '../../domain/vocabulary.js';

/** Initiative roles an account can hold (docs/foundation.md, access table). */
export type MembershipRole = InitiativeRole;

/** A browser session (cookie) or a named bearer token for the API and the CLI. */
export type SessionKind = 'cookie' | 'token';

export interface AccountsTable {
  id: string;
  /** Lower-case; unique. */
  email: string;
  display_name: string;
  /** `$scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64, no padding). */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** 1 while the account signs in with a one-time password it must replace (migration 0011). */
  must_change_password: ColumnType<number, number | undefined, number>;
}

export interface WorkspaceAdminsTable {
  workspace_id: string;
  account_id: string;
}

export interface MembershipsTable {
  account_id: string;
  initiative_id: string;
  role: MembershipRole;
}

export interface SessionsTable {
  /** sha-256 (hex) of the secret; the secret itself is never stored. */
  id: string;
  account_id: string;
  kind: SessionKind;
  /** A token's name (unique per account among its tokens); null for cookie sessions. */
  name: string | null;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  /** A token's scopes, comma-separated (`read`, `write`); null for cookie sessions. */
  scopes: string | null;
}

/** Accounts that may create workspaces and accounts, besides the operator. */
export interface InstanceAdminsTable {
  account_id: string;
  granted_at: string;
}

/** A role offered to an address with no account yet; granted when an account of that address is made. */
export interface InvitationsTable {
  id: string;
  /** Lower-case, trimmed. */
  email: string;
  initiative_id: string;
  role: MembershipRole;
  invited_by: string | null;
  created_at: string;
}

export interface WorkspaceKeysTable {
  workspace_id: string;
  /** The workspace's AES-256 key, sealed under the master key (base64). */
  wrapped_key: string;
  created_at: string;
}

export interface ActorIdentitiesTable {
  actor_id: string;
  workspace_id: string;
  /** The actor's data key, sealed under the workspace key (base64). */
  wrapped_data_key: string;
  /** AES-256-GCM of the identity JSON under the data key (base64). */
  ciphertext: string;
  updated_at: string;
  /** When retention hid the identity (migration 0009); purged (crypto-erased) after the grace period. */
  deleted_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ActorNameIndexTable {
  actor_id: string;
  workspace_id: string;
  /** HMAC-SHA-256 (hex) of one normalised name word under a key derived from the workspace key. */
  token: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  /** Null when the system acted (demo loader, command line run by the operator). */
  account_id: string | null;
  /** The workspace the record belongs to (null for accounts and other records outside any workspace). */
  workspace_id: string | null;
  action: string;
  record_type: string;
  record_id: string;
  prev_hash: string;
  hash: string;
  /** 1: unkeyed sha256 (rows written before the chain was keyed); 2: HMAC-SHA-256 under the audit key. */
  version: number;
}

/** One row (id = 1): the last sequence number and hash, so truncating the log's tail is detected. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** HMAC of the head under the audit key; null until the first keyed row. */
  mac: string | null;
}

/** Tables of accounts, sessions, roles, the identity vault and the audit chain. Owned by security. */
export interface SecurityTables {
  accounts: AccountsTable;
  workspace_admins: WorkspaceAdminsTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  instance_admins: InstanceAdminsTable;
  invitations: InvitationsTable;
  workspace_keys: WorkspaceKeysTable;
  actor_identities: ActorIdentitiesTable;
  actor_name_index: ActorNameIndexTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
