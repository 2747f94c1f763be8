/** An authenticator app's secret; confirmed once the account has typed a first code. */
export interface TotpFactorsTable {
  account_id: string;
  /** The base32 secret, AES-256-GCM under a key derived from the master key (base64). */
  sealed_secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** The time step of the last code accepted: a code of that step or earlier is refused (no replay). */
  last_step: number | null;
}

export interface RecoveryCodesTable {
  account_id: string;
  /** sha-256 (hex) of the normalised code; the code itself is shown once and never stored. */
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

/** A WebAuthn credential (passkey): only its public key is kept. */
export interface PasskeysTable {
  /** The credential id (base64url). */
  id: string;
  account_id: string;
  name: string;
  /** COSE public key (base64url). */
  public_key: string;
  /** The authenticator's signature counter (a clone shows as a counter that goes back). */
  counter: number;
  /** JSON list of transports the authenticator named, or null. */
  transports: string | null;
  created_at: string;
  last_used_at: string | null;
}

export type SecondFactorChallengePurpose = 'sign_in' | 'passkey_registration';

/**
 * A sign-in whose password was right and whose second factor is awaited (id: sha-256 of the pending token),
 * or a passkey registration under way (id: random). Short-lived; never in backups.
 */
export interface SecondFactorChallengesTable {
  id: string;
  account_id: string;
  purpose: SecondFactorChallengePurpose;
  /** The WebAuthn challenge (base64url) issued for it, if any. */
  challenge: string | null;
  expires_at: string;
}

/** A workspace whose administrators and name-seeing roles must have a second factor. */
export interface SecondFactorRulesTable {
  workspace_id: string;
  required_at: string;
}

export interface SecondFactorTables {
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  passkeys: PasskeysTable;
  second_factor_challenges: SecondFactorChallengesTable;
  second_factor_rules: SecondFactorRulesTable;
}
