import type { MembershipRole } from './security.js';

/**
 * Invitation links of initiatives (migration 0011_invitation_links): a role offered to an e-mail address,
 * taken by whoever opens the link and sets a password (a new person) or signs in as that address. Only the
 * HMAC of the code is kept (the code is shown once, to the inviter).
 */
export interface InvitationLinksTable {
  id: string;
  initiative_id: string;
  /** Lower-case, trimmed. */
  email: string;
  role: MembershipRole;
  /** HMAC-SHA-256 (hex) of the code under a key derived from the master key. */
  code_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
  /** Set when retention hid the row; purged after the grace period (migration 0021). */
  deleted_at?: string | null;
}

export interface InvitationLinkTables {
  invitation_links: InvitationLinksTable;
}
