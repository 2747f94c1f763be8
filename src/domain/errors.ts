/**
 * The one registry of errors a user can cause. Each code carries its HTTP status and a message that
 * says what to do. Adapters (routes, CLI) map codes; they never build messages of their own.
 * Add codes to the section of your area; keep codes stable, they are part of the API.
 */
export const errorRegistry = {
  // --- general ---
  TT_ERR_VALIDATION: {
    status: 400,
    message: 'The input is not valid: correct the fields named in details and retry.',
  },
  TT_ERR_NOT_FOUND: { status: 404, message: 'No such record, or you may not see it.' },
  TT_ERR_CONFLICT: { status: 409, message: 'The record changed or already exists: reload it and retry.' },
  TT_ERR_PAYLOAD_TOO_LARGE: {
    status: 413,
    message: 'The request body is too large: send a smaller file or split it.',
  },
  TT_ERR_UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'Send the body as application/json (or the file type this route names).',
  },
  TT_ERR_RATE_LIMITED: { status: 429, message: 'Too many requests: wait a moment and retry.' },
  TT_ERR_INTERNAL: {
    status: 500,
    message: 'Something went wrong on the server; it has been logged. Retry later.',
  },

  // --- access ---
  TT_ERR_UNAUTHENTICATED: { status: 401, message: 'Sign in (or send a valid bearer token) to do this.' },
  TT_ERR_CROSS_ORIGIN: {
    status: 403,
    message:
      'This change was sent from another site or page: tracktwo takes changes only from its own pages. Open tracktwo itself and retry.',
  },
  TT_ERR_BAD_CREDENTIALS: { status: 401, message: 'Email or password is wrong.' },
  TT_ERR_FORBIDDEN: {
    status: 403,
    message: 'Your role does not allow this. Ask a convener or the administrator.',
  },
  TT_ERR_PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message:
      'This account signed in with a one-time password: set a password of your own first (PUT /api/auth/password, or the page the app shows), then retry.',
  },
  TT_ERR_INVITATION_UNKNOWN: {
    status: 404,
    message:
      'This invitation link is not known: check that it was copied whole, or ask the person who invited you for a new one.',
  },
  TT_ERR_INVITATION_EXPIRED: {
    status: 410,
    message:
      'This invitation link has expired (links last 14 days): ask the person who invited you for a new one.',
  },
  TT_ERR_INVITATION_REVOKED: {
    status: 410,
    message: 'This invitation was withdrawn: ask the person who invited you for a new one.',
  },
  TT_ERR_INVITATION_USED: {
    status: 409,
    message:
      'This invitation link has already been used: sign in, or ask the person who invited you for a new one.',
  },
  TT_ERR_INVITATION_SIGN_IN_REQUIRED: {
    status: 409,
    message:
      'The invited address already has an account here: sign in with it (and its second factor), then open the invitation link again to accept.',
  },
  TT_ERR_INVITATION_OTHER_ACCOUNT: {
    status: 403,
    message:
      'This invitation is for another e-mail address than the account you are signed in with: sign out, then open the link again.',
  },
  TT_ERR_LAST_CONVENER: {
    status: 409,
    message: 'This is the last convener of the initiative: make someone else convener first.',
  },
  TT_ERR_SELF_LOCKOUT: {
    status: 409,
    message:
      'This would take away your own right to manage the people of this initiative: ask another convener or an administrator to do it.',
  },

  // --- files and imports ---
  TT_ERR_CSV_MISSING_COLUMN: {
    status: 400,
    message: 'A required column is missing from the file header: add it and retry.',
  },
  TT_ERR_CSV_BAD_VALUE: {
    status: 400,
    message: 'A value in the file is not valid: fix the row and column named and retry.',
  },
  TT_ERR_IMPORT_REJECTED: {
    status: 400,
    message: 'The import was rejected and nothing was written: fix the row named and retry.',
  },
  TT_ERR_FILE_EXISTS: {
    status: 409,
    message: 'The file exists already: choose a new name (a backup or key file is never overwritten).',
  },
  TT_ERR_FILE_NOT_FOUND: { status: 400, message: 'The file could not be read: check the path.' },

  // --- server and services ---
  TT_ERR_CONFIGURATION: {
    status: 500,
    message: 'A setting in the environment is not valid: fix the variable named and restart.',
  },
  TT_ERR_BAD_JSON: { status: 400, message: 'The body is not valid JSON: check its syntax and retry.' },
  TT_ERR_BAD_ENCODING: {
    status: 400,
    message: 'The body is not valid UTF-8: send the text encoded as UTF-8 and retry.',
  },
  TT_ERR_BAD_URL: {
    status: 400,
    message: 'The address is not valid: check its percent-encoding (a % must be followed by two hex digits).',
  },
  TT_ERR_URL_TOO_LONG: {
    status: 414,
    message: 'A part of the address is too long: no record id is that long.',
  },
  TT_ERR_HEADERS_TOO_LARGE: {
    status: 431,
    message: "The request headers are too large: clear this site's cookies or send fewer headers.",
  },
  TT_ERR_BAD_REQUEST: {
    status: 400,
    message: 'The request is not valid HTTP: check the client that sent it.',
  },
  TT_ERR_ROUTE_NOT_FOUND: { status: 404, message: 'No such API route: see /api/docs for the routes.' },
  TT_ERR_METHOD_NOT_ALLOWED: { status: 405, message: 'This route does not take that method: see /api/docs.' },
  TT_ERR_SETUP_DONE: {
    status: 409,
    message: 'The first administrator already exists: sign in, or ask an administrator for an account.',
  },

  // --- network ---
  TT_ERR_NETWORK_UNKNOWN_ACTOR: {
    status: 400,
    message: 'A tie names an actor that is not in the list of actors: add the actor or fix the tie.',
  },
  TT_ERR_NETWORK_DUPLICATE_ACTOR: {
    status: 400,
    message: 'The same actor id appears twice in the list of actors: keep one row per actor.',
  },
  TT_ERR_NETWORK_BAD_STRENGTH: {
    status: 400,
    message: 'A tie strength must be a positive number (path lengths use 1 / strength): fix the tie.',
  },
  TT_ERR_NETWORK_UNKNOWN_METRIC: {
    status: 400,
    message: 'Unknown network measure: use the names listed in details.',
  },
  TT_ERR_NETWORK_NO_GROUPS: {
    status: 400,
    message: 'This question needs actors with a declared group: add a group to the actors and retry.',
  },
  TT_ERR_NETWORK_BAD_DATE: {
    status: 400,
    message: 'A date must be written YYYY-MM-DD: fix the date named and retry.',
  },
  TT_ERR_NETWORK_CANCELLED: {
    status: 409,
    message: 'The network computation was cancelled before it finished; start it again if needed.',
  },
  // --- deliberation ---
  TT_ERR_DIALOGUE_UNKNOWN_STATEMENT: {
    status: 404,
    message: 'No such statement in this dialogue: reload the dialogue and vote on a statement it shows.',
  },
  TT_ERR_DIALOGUE_BAD_VOTE: {
    status: 400,
    message: 'A vote is 1 (agree), -1 (disagree) or 0 (pass): send one of these.',
  },
  TT_ERR_DIALOGUE_BAD_TOKEN: {
    status: 401,
    message: 'This participant token is not valid for this dialogue: use the token you were given for it.',
  },
  TT_ERR_DIALOGUE_REPLAYED_VOTE: {
    status: 409,
    message:
      'This request id was already used: the vote it carried counts once. Send a new id for a new vote.',
  },
  TT_ERR_DIALOGUE_CLOSED: {
    status: 409,
    message: 'The dialogue is closed: it takes no more statements or votes.',
  },
  TT_ERR_DIALOGUE_NOT_FINISHED: {
    status: 409,
    message:
      'The common ground is shown at the end: vote on the remaining statements, or wait for the close.',
  },
  TT_ERR_TRANSLATION_LANGUAGE: {
    status: 400,
    message:
      "Translate into one of the dialogue's languages other than the statement's own: add the language to the dialogue first if it is missing.",
  },
  TT_ERR_CHANNEL_KEYWORD_TAKEN: {
    status: 409,
    message: 'Another dialogue already answers to this SMS keyword: choose another word.',
  },
  TT_ERR_CHANNEL_FORBIDDEN: {
    status: 403,
    message:
      'This gateway request is not signed or keyed as configured: check the auth token, the public URL or the USSD key.',
  },
  TT_ERR_JOIN_LINK_UNKNOWN: {
    status: 404,
    message:
      'This join link is not known: check that it was copied whole, or ask the convener for the link again.',
  },
  TT_ERR_JOIN_LINK_REVOKED: {
    status: 410,
    message: 'The convener has withdrawn this join link: ask them for a new one.',
  },
  TT_ERR_JOIN_LINK_USED: {
    status: 409,
    message:
      'This personal link has already been used to join, on the device that opened it first: go back to that device, or ask the convener for a new link.',
  },
  // --- meetings ---
  TT_ERR_CHATHAM_HOUSE_ATTRIBUTED: {
    status: 400,
    message:
      'This meeting is held under the Chatham House rule: its minutes may say what was said, but not who said it or who attended. Remove the names and pseudonyms of attendees and save again.',
  },
  TT_ERR_MEETING_CANCEL_ATTENDED: {
    status: 409,
    message:
      'This meeting has attendees recorded, so it took place: remove the attendance first, or mark it held.',
  },
  // --- evaluation ---
  TT_ERR_EVIDENCE_TOO_FEW: {
    status: 422,
    message: 'Too few studies or respondents for this statistic: add data or choose a simpler method.',
  },
  TT_ERR_EVIDENCE_BAD_VARIANCE: {
    status: 400,
    message: 'A sampling variance must be a positive number: fix the row and column named and retry.',
  },
  TT_ERR_EVIDENCE_NOT_CONVERGED: {
    status: 422,
    message: 'The REML estimate of tau^2 did not converge: use --method dl or check the data.',
  },
  // --- surveys ---
  TT_ERR_SURVEY_LINK_INVALID: {
    status: 401,
    message:
      'This survey link is not valid (unknown or replaced by a newer one): ask the convener for a new link.',
  },
  TT_ERR_SURVEY_LINK_MISMATCH: {
    status: 403,
    message: 'This survey link belongs to another survey or wave: open the link you were sent for this one.',
  },
  TT_ERR_SURVEY_TRANSLATION_UNCHECKED: {
    status: 409,
    message:
      'The survey is not yet translated and checked in this language: answer in another of its languages, or ask the convener.',
  },
  TT_ERR_SURVEY_TRANSLATION_OWN: {
    status: 409,
    message:
      'A translation is approved by a second person: someone other than its translator must check and approve it.',
  },
  TT_ERR_SURVEY_WAVE_CLOSED: {
    status: 409,
    message:
      'This survey wave is not open now (see opens_on and closes_on): answers are taken only while it is open.',
  },
  TT_ERR_SURVEY_HAS_RESPONSES: {
    status: 409,
    message:
      'The survey already has answers: its instruments and out-groups can no longer change. Create a new survey.',
  },
  TT_ERR_SURVEY_WAVE_HAS_RESPONSES: {
    status: 409,
    message:
      'This wave already has answers: it cannot be deleted. Change its dates instead, or close it now.',
  },
  // --- security, vault and audit ---
  TT_ERR_PASSWORD_TOO_SHORT: {
    status: 400,
    message: 'The password is too short: use at least 10 characters.',
  },
  TT_ERR_PASSWORD_TOO_LONG: { status: 400, message: 'The password is too long: use at most 256 characters.' },
  TT_ERR_PASSWORD_TOO_COMMON: {
    status: 400,
    message: 'The password is too common or too close to the email: choose a longer, unguessable passphrase.',
  },
  TT_ERR_TOO_MANY_ATTEMPTS: {
    status: 429,
    message: 'Too many failed sign-ins: wait the number of seconds given in retryAfterSeconds and retry.',
  },
  TT_ERR_ACCOUNT_EXISTS: {
    status: 409,
    message: 'An account with this email already exists: sign in instead.',
  },
  TT_ERR_TOKEN_NAME_TAKEN: {
    status: 409,
    message: 'This account already has a token of that name: choose another name or revoke the old token.',
  },
  TT_ERR_SECOND_FACTOR_REQUIRED: {
    status: 403,
    message:
      'This workspace requires a second factor of everyone who sees names: add an authenticator app or a passkey on your Security page (/account/security), then retry.',
  },
  TT_ERR_SECOND_FACTOR_WRONG: {
    status: 401,
    message:
      'The code or passkey was not accepted (wrong, expired, or already used): use a new code from your authenticator app or an unused recovery code.',
  },
  TT_ERR_SECOND_FACTOR_PENDING_EXPIRED: {
    status: 401,
    message: 'The sign-in waited too long for its second step: sign in again with your password.',
  },
  TT_ERR_SECOND_FACTOR_STATE: {
    status: 409,
    message:
      'The second factor is not in the state this needs (none set up, not yet confirmed, or already on): reload the Security page.',
  },
  TT_ERR_COOKIE_SESSION_REQUIRED: {
    status: 403,
    message:
      'Second factors are set up and removed only in the browser, signed in with your password: an API token never can.',
  },
  TT_ERR_MASTER_KEY_INVALID: {
    status: 500,
    message:
      'The master key is not valid: TRACKTWO_MASTER_KEY (or the key file) must hold 32 bytes in base64. Restore the right key.',
  },
  TT_ERR_IDENTITY_UNREADABLE: {
    status: 500,
    message:
      'An identity could not be decrypted: the master key is not the one it was written with, or the data was altered.',
  },
  TT_ERR_ACTOR_ERASED: { status: 410, message: 'This actor was erased: its identity is gone for good.' },
  TT_ERR_KEY_SHARE_INVALID: {
    status: 400,
    message:
      'A key share is not valid: copy it again exactly as it was written down (it starts with tt-share-1-).',
  },
  TT_ERR_KEY_SHARES_MISMATCH: {
    status: 400,
    message:
      'The key shares do not belong together or are too few: give at least the threshold number of shares of one split.',
  },
  TT_ERR_BACKUP_UNREADABLE: {
    status: 400,
    message:
      'The backup cannot be read: it is not a tracktwo backup, it was cut short or altered, or it was made under another master key.',
  },
  TT_ERR_BACKUP_VERSION: {
    status: 400,
    message:
      'The backup was made by a different version of tracktwo: restore it with the version that made it, then upgrade.',
  },
  TT_ERR_RESTORE_TARGET_NOT_EMPTY: {
    status: 409,
    message: 'A backup is restored into an empty database only: create a new database and restore into it.',
  },
  TT_ERR_ERASE_NOT_CONFIRMED: {
    status: 400,
    message: 'Nothing was erased: type the name of what you erase, exactly as written, to confirm.',
  },
  TT_ERR_AUDIT_CHAIN_BROKEN: {
    status: 500,
    message: 'The audit log has been altered: run `tracktwo audit verify` and restore it from a backup.',
  },
  // --- Track I, peace indicators and resources (issue #15) ---
  TT_ERR_PARTY_NOT_IN_CONFLICT: {
    status: 400,
    message: 'A party named is not an actor of this conflict’s map: pick the parties from the map.',
  },
  TT_ERR_OVER_DISBURSED: {
    status: 409,
    message: 'The disbursements would exceed the pledge: record at most what is left of it.',
  },
  TT_ERR_FUNDER_HAS_PLEDGES: {
    status: 409,
    message: 'This funder still has pledges: remove them before removing the funder.',
  },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorRegistry;

/** Where in the input an error lies: a row and column of a file, or a field path of a body. */
export interface ErrorDetails {
  row?: number;
  column?: string;
  field?: string;
  reason?: string;
  [key: string]: unknown;
}

export class TrackTwoError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, details?: ErrorDetails, message?: string) {
    super(message ?? describe(code, details));
    this.name = 'TrackTwoError';
    this.code = code;
    this.status = errorRegistry[code].status;
    this.details = details;
  }
}

/** The registry's message, followed by where the problem lies. */
export function describe(code: ErrorCode, details?: ErrorDetails): string {
  const base = errorRegistry[code].message;
  if (!details) return base;
  const where: string[] = [];
  if (details.row !== undefined) where.push(`row ${details.row}`);
  if (details.column !== undefined) where.push(`column "${details.column}"`);
  if (details.field !== undefined) where.push(`field "${details.field}"`);
  const place = where.length ? ` (${where.join(', ')})` : '';
  const reason = details.reason ? `: ${details.reason}` : '';
  return `${base}${place}${reason}`;
}

export function isTrackTwoError(error: unknown): error is TrackTwoError {
  return error instanceof TrackTwoError;
}
