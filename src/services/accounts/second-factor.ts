import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import QRCode from 'qrcode';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransport,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import { accessTable } from '../../security/access.js';
import { publicAccount, verifyCredentials, type Account } from '../../security/accounts.js';
import { appendAudit } from '../../security/audit.js';
import { open, seal } from '../../security/envelope.js';
import { verifyPassword } from '../../security/passwords.js';
import { createCookieSession } from '../../security/sessions.js';
import type { SignInThrottle } from '../../security/throttle.js';
import {
  matchRecoveryCode,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
  totpUri,
  verifyTotp,
} from '../../security/totp.js';
import type { VaultKeys } from '../../security/vault.js';
import { findAccountByEmail, findAccountById } from '../../store/repositories/accounts.js';
import { adminWorkspacesOf, membershipsOfAccount } from '../../store/repositories/memberships.js';
import {
  deleteChallenge,
  deleteChallengesOf,
  deleteExpiredChallenges,
  deletePasskey,
  deleteSecondFactorsOf,
  deleteTotpFactor,
  findChallenge,
  findPasskey,
  findTotpFactor,
  hasSecondFactor,
  insertChallenge,
  insertPasskey,
  passkeysOfAccount,
  putUnconfirmedTotp,
  replaceRecoveryCodes,
  secondFactorRequiredIn,
  setChallengeValue,
  setSecondFactorRule,
  unusedRecoveryCodeHashes,
  updatePasskeyUse,
  useRecoveryCode,
  useTotpStep,
  workspacesRequiringSecondFactor,
  type PasskeyRow,
} from '../../store/repositories/second-factors.js';
import type { Database } from '../../store/schema.js';
import { requireAccess, requireOperator, requireSignedIn } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

/** A sign-in whose password was right waits this long for its second step. */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60_000;
const REGISTRATION_TTL_MS = 5 * 60_000;
const RP_NAME = 'tracktwo';

/** How the caller is signed in: second factors change only in a browser session, never by API token. */
export type Channel = 'cookie' | 'token';

/** The WebAuthn relying party: the app's own origin and its host name. */
export interface RelyingParty {
  origin: string;
  id: string;
}

export function relyingPartyOf(origin: string): RelyingParty {
  return { origin, id: new URL(origin).hostname };
}

// --- input schemas ---------------------------------------------------------------------------------

const codeSchema = z.string().trim().min(1).max(32);
export const totpConfirmSchema = z.strictObject({ code: codeSchema });
export const totpDisableSchema = z.strictObject({
  password: z.string().min(1).max(1024),
  code: codeSchema,
});
export const passkeyRemoveSchema = z.strictObject({ password: z.string().min(1).max(1024) });

const b64url = z
  .string()
  .max(16_384)
  .regex(/^[A-Za-z0-9_-]*={0,2}$/);
/** A browser's PublicKeyCredential as JSON (WebAuthn level 3 names: camelCase, as the browser sends it). */
const credentialBase = {
  id: b64url.min(1).max(1_400),
  rawId: b64url.min(1).max(1_400),
  type: z.literal('public-key'),
  clientExtensionResults: z.record(z.string(), z.unknown()),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
};
export const registrationResponseSchema = z.strictObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url,
    attestationObject: b64url,
    transports: z.array(z.string().max(32)).max(10).optional(),
  }),
});
export const authenticationResponseSchema = z.strictObject({
  ...credentialBase,
  response: z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
});
export const passkeyAddSchema = z.strictObject({
  name: z.string().trim().min(1).max(64),
  credential: registrationResponseSchema,
});

const pendingTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export const secondStepSchema = z
  .strictObject({
    pending_token: pendingTokenSchema,
    code: codeSchema.optional(),
    recovery_code: codeSchema.optional(),
    passkey: authenticationResponseSchema.optional(),
  })
  .refine(
    (body) =>
      [body.code, body.recovery_code, body.passkey].filter((value) => value !== undefined).length === 1,
    { message: 'give exactly one of code, recovery_code, passkey', path: ['code'] },
  );
export const pendingSchema = z.strictObject({ pending_token: pendingTokenSchema });
export const requirementSchema = z.strictObject({ required: z.boolean() });

// --- small helpers ---------------------------------------------------------------------------------

const idOfToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');
const totpKey = (keys: VaultKeys) => keys.deriveKey('tracktwo/totp-secret/v1');
const totpContext = (accountId: string) => `tracktwo/totp/v1/${accountId}`;

function sealSecret(keys: VaultKeys, accountId: string, secret: string): string {
  return seal(totpKey(keys), Buffer.from(secret, 'utf8'), totpContext(accountId));
}

function openSecret(keys: VaultKeys, accountId: string, sealed: string): string {
  return open(totpKey(keys), sealed, totpContext(accountId)).toString('utf8');
}

async function liveAccount(trx: Kysely<Database>, ctx: ServiceContext) {
  const accountId = await requireSignedIn(trx, ctx.auth);
  if (accountId === null) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  return (await findAccountById(trx, accountId))!;
}

/** The gate of changing one's own factors: a live account (checked first), in a cookie session. */
async function cookieAccount(trx: Kysely<Database>, ctx: ServiceContext, channel: Channel) {
  const account = await liveAccount(trx, ctx);
  if (channel !== 'cookie') throw new TrackTwoError('TT_ERR_COOKIE_SESSION_REQUIRED');
  return account;
}

function auditAccount(trx: Kysely<Database>, ctx: ServiceContext, action: string, accountId: string) {
  return appendAudit(trx, ctx.keys, ctx.auth!, { action, recordType: 'account', recordId: accountId });
}

/** Ten fresh recovery codes replace the old ones; the plain codes are returned once. */
async function issueRecoveryCodes(trx: Kysely<Database>, accountId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(trx, accountId, codes.map(recoveryCodeHash), new Date().toISOString());
  return codes;
}

/** A TOTP code checked against the confirmed secret and used up (its step recorded), or false. */
async function useTotpCode(
  trx: Kysely<Database>,
  keys: VaultKeys,
  accountId: string,
  code: string,
): Promise<boolean> {
  const factor = await findTotpFactor(trx, accountId);
  if (!factor?.confirmed_at) return false;
  const secret = openSecret(keys, accountId, factor.sealed_secret);
  const step = await verifyTotp(secret, code, { lastStep: factor.last_step });
  return step !== null && (await useTotpStep(trx, accountId, step));
}

async function useRecovery(trx: Kysely<Database>, accountId: string, code: string): Promise<boolean> {
  const hashes = await unusedRecoveryCodeHashes(trx, accountId);
  const index = matchRecoveryCode(code, hashes);
  return index >= 0 && (await useRecoveryCode(trx, accountId, hashes[index], new Date().toISOString()));
}

/** Roles that see names: those holding `actors.names`, and a workspace's administrators. */
const nameRoles: readonly string[] = accessTable['actors.names'];

/** The workspaces requiring a second factor in which this account sees names. */
async function workspacesRequiringOf(trx: Kysely<Database>, accountId: string): Promise<string[]> {
  const places = new Set(await adminWorkspacesOf(trx, accountId));
  for (const membership of await membershipsOfAccount(trx, accountId)) {
    if (nameRoles.includes(membership.role)) places.add(membership.workspaceId);
  }
  return workspacesRequiringSecondFactor(trx, [...places]);
}

// --- status ----------------------------------------------------------------------------------------

export interface PasskeyInfo {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface SecondFactorStatus {
  totp: 'off' | 'pending' | 'on';
  recoveryCodesLeft: number;
  passkeys: PasskeyInfo[];
  /** Workspaces that require a second factor of this account (it sees names there). */
  requiredBy: string[];
  enabled: boolean;
}

const passkeyInfo = (row: PasskeyRow): PasskeyInfo => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

async function statusOf(trx: Kysely<Database>, accountId: string): Promise<SecondFactorStatus> {
  const totp = await findTotpFactor(trx, accountId);
  const passkeys = await passkeysOfAccount(trx, accountId);
  return {
    totp: !totp ? 'off' : totp.confirmed_at ? 'on' : 'pending',
    recoveryCodesLeft: (await unusedRecoveryCodeHashes(trx, accountId)).length,
    passkeys: passkeys.map(passkeyInfo),
    requiredBy: await workspacesRequiringOf(trx, accountId),
    enabled: Boolean(totp?.confirmed_at) || passkeys.length > 0,
  };
}

/** The signed-in account's second factors (any session or token may read them). */
export function secondFactorStatus(ctx: ServiceContext): Promise<SecondFactorStatus> {
  return inTransaction(ctx, async (trx) => statusOf(trx, (await liveAccount(trx, ctx)).id));
}

// --- authenticator app -----------------------------------------------------------------------------

export interface TotpEnrolment {
  secret: string;
  uri: string;
  /** The otpauth URI as a QR code (SVG markup). */
  qrSvg: string;
}

/** Starts enrolling an authenticator app: a new secret, unconfirmed until a first code is typed. */
export function startTotpEnrolment(ctx: ServiceContext, channel: Channel): Promise<TotpEnrolment> {
  return inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    const existing = await findTotpFactor(trx, account.id);
    if (existing?.confirmed_at)
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_STATE', { reason: 'already on' });
    const secret = newTotpSecret();
    await putUnconfirmedTotp(trx, {
      account_id: account.id,
      sealed_secret: sealSecret(ctx.keys, account.id, secret),
      created_at: new Date().toISOString(),
      confirmed_at: null,
      last_step: null,
    });
    await auditAccount(trx, ctx, 'second_factor.totp.start', account.id);
    const uri = totpUri(secret, account.email);
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return { secret, uri, qrSvg };
  });
}

/** Confirms the app with a first code; answers ten recovery codes, shown this once. */
export async function confirmTotpEnrolment(
  ctx: ServiceContext,
  channel: Channel,
  input: z.input<typeof totpConfirmSchema>,
): Promise<{ recoveryCodes: string[] }> {
  const { code } = totpConfirmSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    const factor = await findTotpFactor(trx, account.id);
    if (!factor || factor.confirmed_at)
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_STATE', {
        reason: factor ? 'already on' : 'not started',
      });
    const step = await verifyTotp(openSecret(ctx.keys, account.id, factor.sealed_secret), code);
    if (step === null || !(await useTotpStep(trx, account.id, step, new Date().toISOString())))
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_WRONG', { field: 'code' });
    await auditAccount(trx, ctx, 'second_factor.totp.enable', account.id);
    const hadCodes = (await unusedRecoveryCodeHashes(trx, account.id)).length > 0;
    const recoveryCodes =
      hadCodes && (await passkeysOfAccount(trx, account.id)).length > 0
        ? []
        : await issueRecoveryCodes(trx, account.id);
    if (recoveryCodes.length > 0)
      await auditAccount(trx, ctx, 'second_factor.recovery_codes.issue', account.id);
    return { recoveryCodes };
  });
}

/** The sign-in throttle and the caller's address, so guesses of the password or a code here are slowed too. */
export interface OwnerGuard {
  throttle: SignInThrottle;
  address?: string;
}

/** Runs the owner's proof (password, code) through the throttle: refused when blocked, failures counted. */
async function proveOwner(
  account: { email: string },
  guard: OwnerGuard | undefined,
  proof: () => Promise<void>,
): Promise<void> {
  guard?.throttle.check(account.email, guard.address);
  try {
    await proof();
  } catch (error) {
    if (
      error instanceof TrackTwoError &&
      (error.code === 'TT_ERR_BAD_CREDENTIALS' || error.code === 'TT_ERR_SECOND_FACTOR_WRONG')
    )
      guard?.throttle.recordFailure(account.email, guard.address);
    throw error;
  }
}

async function checkPassword(account: { password_hash: string }, password: string): Promise<void> {
  if (!(await verifyPassword(password, account.password_hash)))
    throw new TrackTwoError('TT_ERR_BAD_CREDENTIALS', { field: 'password' });
}

/**
 * Turns the authenticator app off: the password and a current code (or a recovery code) are both needed.
 * With no passkey left, the recovery codes go too.
 */
export async function disableTotp(
  ctx: ServiceContext,
  channel: Channel,
  input: z.input<typeof totpDisableSchema>,
  guard?: OwnerGuard,
): Promise<void> {
  const { password, code } = totpDisableSchema.parse(input);
  await inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    const factor = await findTotpFactor(trx, account.id);
    if (!factor?.confirmed_at) throw new TrackTwoError('TT_ERR_SECOND_FACTOR_STATE', { reason: 'not on' });
    await proveOwner(account, guard, async () => {
      await checkPassword(account, password);
      if (
        !(await useTotpCode(trx, ctx.keys, account.id, code)) &&
        !(await useRecovery(trx, account.id, code))
      )
        throw new TrackTwoError('TT_ERR_SECOND_FACTOR_WRONG', { field: 'code' });
    });
    await deleteTotpFactor(trx, account.id);
    if ((await passkeysOfAccount(trx, account.id)).length === 0)
      await replaceRecoveryCodes(trx, account.id, [], '');
    await auditAccount(trx, ctx, 'second_factor.totp.disable', account.id);
  });
}

/** New recovery codes for the old ones (the password is needed); shown once. */
export async function renewRecoveryCodes(
  ctx: ServiceContext,
  channel: Channel,
  input: z.input<typeof passkeyRemoveSchema>,
  guard?: OwnerGuard,
): Promise<{ recoveryCodes: string[] }> {
  const { password } = passkeyRemoveSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    if (!(await hasSecondFactor(trx, account.id)))
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_STATE', { reason: 'no second factor' });
    await proveOwner(account, guard, () => checkPassword(account, password));
    const recoveryCodes = await issueRecoveryCodes(trx, account.id);
    await auditAccount(trx, ctx, 'second_factor.recovery_codes.issue', account.id);
    return { recoveryCodes };
  });
}

// --- passkeys --------------------------------------------------------------------------------------

const transportsOf = (row: PasskeyRow): AuthenticatorTransport[] | undefined =>
  row.transports ? (JSON.parse(row.transports) as AuthenticatorTransport[]) : undefined;

/** The options of a passkey registration ceremony; its challenge is kept for the answer. */
export function passkeyRegistrationOptions(
  ctx: ServiceContext,
  channel: Channel,
  rp: RelyingParty,
): Promise<Record<string, unknown>> {
  return inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    const existing = await passkeysOfAccount(trx, account.id);
    const options = await generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rp.id,
      userName: account.email,
      userDisplayName: account.display_name,
      userID: new TextEncoder().encode(account.id),
      attestationType: 'none',
      excludeCredentials: existing.map((row) => ({ id: row.id, transports: transportsOf(row) })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    await deleteChallengesOf(trx, account.id, 'passkey_registration');
    await insertChallenge(trx, {
      id: randomBytes(16).toString('hex'),
      account_id: account.id,
      purpose: 'passkey_registration',
      challenge: options.challenge,
      expires_at: new Date(Date.now() + REGISTRATION_TTL_MS).toISOString(),
    });
    return options as unknown as Record<string, unknown>;
  });
}

/** Verifies the browser's answer to the registration ceremony and keeps the passkey's public key. */
export async function addPasskey(
  ctx: ServiceContext,
  channel: Channel,
  rp: RelyingParty,
  input: z.input<typeof passkeyAddSchema>,
): Promise<{ passkey: PasskeyInfo; recoveryCodes: string[] }> {
  const parsed = passkeyAddSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    const now = new Date().toISOString();
    const challenges = await trx
      .selectFrom('second_factor_challenges')
      .selectAll()
      .where('account_id', '=', account.id)
      .where('purpose', '=', 'passkey_registration')
      .where('expires_at', '>', now)
      .execute();
    const pending = challenges[0];
    if (!pending?.challenge)
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_STATE', { reason: 'no passkey registration under way' });
    await deleteChallenge(trx, pending.id);
    let verification;
    try {
      verification = await verifyRegistrationResponse({
        response: parsed.credential as unknown as RegistrationResponseJSON,
        expectedChallenge: pending.challenge,
        expectedOrigin: rp.origin,
        expectedRPID: rp.id,
        requireUserVerification: false,
      });
    } catch (error) {
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_WRONG', {
        field: 'credential',
        reason: error instanceof Error ? error.message.slice(0, 200) : 'not verified',
      });
    }
    if (!verification.verified || !verification.registrationInfo)
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_WRONG', { field: 'credential' });
    const { credential } = verification.registrationInfo;
    if (await findPasskey(trx, credential.id))
      throw new TrackTwoError('TT_ERR_CONFLICT', {
        field: 'credential',
        reason: 'this passkey is registered already',
      });
    const row: PasskeyRow = {
      id: credential.id,
      account_id: account.id,
      name: parsed.name,
      public_key: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ? JSON.stringify(credential.transports) : null,
      created_at: now,
      last_used_at: null,
    };
    const hadFactor = await hasSecondFactor(trx, account.id);
    await insertPasskey(trx, row);
    await auditAccount(trx, ctx, 'second_factor.passkey.add', account.id);
    const recoveryCodes = hadFactor ? [] : await issueRecoveryCodes(trx, account.id);
    if (recoveryCodes.length > 0)
      await auditAccount(trx, ctx, 'second_factor.recovery_codes.issue', account.id);
    return { passkey: passkeyInfo(row), recoveryCodes };
  });
}

/** Removes one of the account's passkeys (the password is needed). */
export async function removePasskey(
  ctx: ServiceContext,
  channel: Channel,
  id: string,
  input: z.input<typeof passkeyRemoveSchema>,
  guard?: OwnerGuard,
): Promise<void> {
  const { password } = passkeyRemoveSchema.parse(input);
  await inTransaction(ctx, async (trx) => {
    const account = await cookieAccount(trx, ctx, channel);
    await proveOwner(account, guard, () => checkPassword(account, password));
    if (!(await deletePasskey(trx, account.id, id)))
      throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: 'passkey' });
    if (!(await hasSecondFactor(trx, account.id))) await replaceRecoveryCodes(trx, account.id, [], '');
    await auditAccount(trx, ctx, 'second_factor.passkey.remove', account.id);
  });
}

// --- two-step sign-in ------------------------------------------------------------------------------

export type SignInStep =
  | { kind: 'signed_in'; account: Account; secret: string; expiresAt: string }
  | {
      kind: 'second_factor';
      pendingToken: string;
      expiresAt: string;
      methods: ('totp' | 'recovery_code' | 'passkey')[];
    };

/**
 * The first step: email and password (throttled). Without a second factor a session opens at once;
 * with one, the answer is a short-lived pending token and no session.
 */
export async function beginSignIn(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  input: { email: string; password: string; address?: string },
  ttlMs?: number,
): Promise<SignInStep> {
  // The failure must be remembered by the throttle, so the password check commits apart from the rest.
  const account = await inTransaction(ctx, (trx) => verifyCredentials(trx, throttle, input));
  return inTransaction(ctx, async (trx) => {
    if (!(await hasSecondFactor(trx, account.id))) {
      const session = await createCookieSession(
        trx,
        ctx.keys,
        account.id,
        ttlMs === undefined ? {} : { ttlMs },
      );
      return { kind: 'signed_in', account, secret: session.secret, expiresAt: session.expiresAt };
    }
    const now = new Date();
    await deleteExpiredChallenges(trx, now.toISOString());
    const pendingToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_TTL_MS).toISOString();
    await insertChallenge(trx, {
      id: idOfToken(pendingToken),
      account_id: account.id,
      purpose: 'sign_in',
      challenge: null,
      expires_at: expiresAt,
    });
    const totp = await findTotpFactor(trx, account.id);
    const methods: ('totp' | 'recovery_code' | 'passkey')[] = [];
    if (totp?.confirmed_at) methods.push('totp');
    if ((await unusedRecoveryCodeHashes(trx, account.id)).length > 0) methods.push('recovery_code');
    if ((await passkeysOfAccount(trx, account.id)).length > 0) methods.push('passkey');
    return { kind: 'second_factor', pendingToken, expiresAt, methods };
  });
}

async function pendingSignIn(trx: Kysely<Database>, token: string) {
  const row = await findChallenge(trx, idOfToken(token), 'sign_in');
  if (!row || row.expires_at <= new Date().toISOString())
    throw new TrackTwoError('TT_ERR_SECOND_FACTOR_PENDING_EXPIRED');
  const account = await findAccountById(trx, row.account_id);
  if (!account || account.disabled_at) throw new TrackTwoError('TT_ERR_SECOND_FACTOR_PENDING_EXPIRED');
  return { row, account };
}

/** The options of a passkey assertion for a pending sign-in; the challenge is kept on it. */
export function passkeySignInOptions(
  ctx: ServiceContext,
  rp: RelyingParty,
  input: z.input<typeof pendingSchema>,
): Promise<Record<string, unknown>> {
  const { pending_token } = pendingSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    const { row, account } = await pendingSignIn(trx, pending_token);
    const passkeys = await passkeysOfAccount(trx, account.id);
    if (passkeys.length === 0)
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_STATE', { reason: 'no passkey' });
    const options = await generateAuthenticationOptions({
      rpID: rp.id,
      allowCredentials: passkeys.map((passkey) => ({ id: passkey.id, transports: transportsOf(passkey) })),
      userVerification: 'preferred',
    });
    await setChallengeValue(trx, row.id, options.challenge);
    return options as unknown as Record<string, unknown>;
  });
}

async function usePasskey(
  trx: Kysely<Database>,
  rp: RelyingParty,
  accountId: string,
  challenge: string | null,
  response: z.output<typeof authenticationResponseSchema>,
): Promise<boolean> {
  if (!challenge) return false;
  const passkey = await findPasskey(trx, response.id);
  if (!passkey || passkey.account_id !== accountId) return false;
  try {
    const verification = await verifyAuthenticationResponse({
      response: response as unknown as AuthenticationResponseJSON,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
        counter: passkey.counter,
        transports: transportsOf(passkey),
      },
      requireUserVerification: false,
    });
    if (!verification.verified) return false;
    await updatePasskeyUse(
      trx,
      passkey.id,
      verification.authenticationInfo.newCounter,
      new Date().toISOString(),
    );
    return true;
  } catch {
    return false;
  }
}

/**
 * The second step: a code from the authenticator app, an unused recovery code, or a passkey assertion.
 * Wrong answers count against the account in the sign-in throttle; a right one ends the pending sign-in
 * and opens the session.
 */
export async function completeSignIn(
  ctx: ServiceContext,
  throttle: SignInThrottle,
  rp: RelyingParty,
  input: z.input<typeof secondStepSchema> & { address?: string },
  ttlMs?: number,
): Promise<{ account: Account; secret: string; expiresAt: string }> {
  const { address, ...body } = input;
  const parsed = secondStepSchema.parse(body);
  const found = await inTransaction(ctx, (trx) => pendingSignIn(trx, parsed.pending_token));
  const email = found.account.email;
  throttle.check(email, address);
  let signedIn: { account: Account; secret: string; expiresAt: string };
  try {
    signedIn = await inTransaction(ctx, async (trx) => {
      const { row, account } = await pendingSignIn(trx, parsed.pending_token);
      let method: 'totp' | 'recovery_code' | 'passkey';
      let passed: boolean;
      if (parsed.code !== undefined) {
        method = 'totp';
        passed = await useTotpCode(trx, ctx.keys, account.id, parsed.code);
      } else if (parsed.recovery_code !== undefined) {
        method = 'recovery_code';
        passed = await useRecovery(trx, account.id, parsed.recovery_code);
      } else {
        method = 'passkey';
        passed = await usePasskey(trx, rp, account.id, row.challenge, parsed.passkey!);
      }
      if (!passed)
        throw new TrackTwoError('TT_ERR_SECOND_FACTOR_WRONG', {
          field: method === 'passkey' ? 'passkey' : method === 'totp' ? 'code' : 'recovery_code',
        });
      // Only one of two racing requests with the same pending token opens a session.
      if (!(await deleteChallenge(trx, row.id)))
        throw new TrackTwoError('TT_ERR_SECOND_FACTOR_PENDING_EXPIRED');
      await appendAudit(
        trx,
        ctx.keys,
        { accountId: account.id },
        { action: `second_factor.sign_in.${method}`, recordType: 'account', recordId: account.id },
      );
      const session = await createCookieSession(
        trx,
        ctx.keys,
        account.id,
        ttlMs === undefined ? {} : { ttlMs },
      );
      return { account: publicAccount(account), secret: session.secret, expiresAt: session.expiresAt };
    });
  } catch (error) {
    if (error instanceof TrackTwoError && error.code === 'TT_ERR_SECOND_FACTOR_WRONG')
      throttle.recordFailure(email, address);
    throw error;
  }
  throttle.recordSuccess(email, address);
  return signedIn;
}

// --- workspace rule --------------------------------------------------------------------------------

/** Whether a workspace requires a second factor of its administrators and those who see names. */
export async function setSecondFactorRequirement(
  ctx: ServiceContext,
  workspaceId: string,
  input: z.input<typeof requirementSchema>,
): Promise<{ workspaceId: string; required: boolean }> {
  const { required } = requirementSchema.parse(input);
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.manage', { workspaceId });
    // An administrator who turns the rule on without a factor of their own would lock themselves out.
    if (required && ctx.auth?.accountId && !(await hasSecondFactor(trx, ctx.auth.accountId)))
      throw new TrackTwoError('TT_ERR_SECOND_FACTOR_REQUIRED', {
        reason: 'set up your own second factor before requiring one of others',
      });
    const changed = await setSecondFactorRule(trx, workspaceId, required, new Date().toISOString());
    if (changed) {
      await appendAudit(trx, ctx.keys, ctx.auth!, {
        action: required ? 'workspace.second_factor.require' : 'workspace.second_factor.release',
        recordType: 'workspace',
        recordId: workspaceId,
        workspaceId,
      });
    }
    return { workspaceId, required };
  });
}

export function secondFactorRequirement(
  ctx: ServiceContext,
  workspaceId: string,
): Promise<{ workspaceId: string; required: boolean }> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'workspace.read', { workspaceId });
    return { workspaceId, required: await secondFactorRequiredIn(trx, workspaceId) };
  });
}

// --- the operator ----------------------------------------------------------------------------------

async function accountByEmail(trx: Kysely<Database>, email: string) {
  const row = await findAccountByEmail(trx, email.trim().toLowerCase());
  if (!row) throw new TrackTwoError('TT_ERR_NOT_FOUND', { field: 'email', reason: 'no such account' });
  return row;
}

/** An account's second factors, for the operator at the command line. */
export function secondFactorStatusOf(ctx: ServiceContext, email: string): Promise<SecondFactorStatus> {
  return inTransaction(ctx, async (trx) => {
    requireOperator(ctx.auth);
    return statusOf(trx, (await accountByEmail(trx, email)).id);
  });
}

/**
 * The operator removes every second factor of an account whose owner lost them (after checking who asks,
 * out of band); the owner signs in with the password alone and enrols again. Audited.
 */
export function resetSecondFactors(ctx: ServiceContext, email: string): Promise<SecondFactorStatus> {
  return inTransaction(ctx, async (trx) => {
    requireOperator(ctx.auth);
    const account = await accountByEmail(trx, email);
    await deleteSecondFactorsOf(trx, account.id);
    await auditAccount(trx, ctx, 'second_factor.reset', account.id);
    return statusOf(trx, account.id);
  });
}
