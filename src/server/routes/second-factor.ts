import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { signedInSchema } from '../../domain/account.js';
import {
  passkeyAddedSchema,
  recoveryCodesSchema,
  secondFactorRuleSchema,
  secondFactorStatusSchema,
  totpEnrolmentSchema,
  webAuthnOptionsSchema,
  type passkeyInfoSchema,
} from '../../domain/second-factor.js';
import type { SignInThrottle } from '../../security/throttle.js';
import {
  addPasskey,
  completeSignIn,
  confirmTotpEnrolment,
  disableTotp,
  passkeyAddSchema,
  passkeyRegistrationOptions,
  passkeyRemoveSchema,
  passkeySignInOptions,
  pendingSchema,
  relyingPartyOf,
  removePasskey,
  renewRecoveryCodes,
  requirementSchema,
  secondFactorRequirement,
  secondFactorStatus,
  secondStepSchema,
  setSecondFactorRequirement,
  startTotpEnrolment,
  totpConfirmSchema,
  totpDisableSchema,
  type Channel,
  type PasskeyInfo,
  type SecondFactorStatus,
} from '../../services/accounts/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { answerSignedIn, sessionSecretOf, type CookiePolicy } from '../request-context.js';

const passkeyParams = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{1,1400}$/) });

/** A bearer token is never a cookie session, even when a cookie rides along. */
function channelOf(request: FastifyRequest): Channel {
  return request.headers.authorization === undefined && sessionSecretOf(request) !== undefined
    ? 'cookie'
    : 'token';
}

/** The app's own origin: what the browser signs into a WebAuthn answer. */
const relyingParty = (request: FastifyRequest) => relyingPartyOf(`${request.protocol}://${request.host}`);

const passkeyRecord = (passkey: PasskeyInfo): z.output<typeof passkeyInfoSchema> => ({
  id: passkey.id,
  name: passkey.name,
  created_at: passkey.createdAt,
  last_used_at: passkey.lastUsedAt,
});

const statusRecord = (status: SecondFactorStatus) => ({
  enabled: status.enabled,
  totp: status.totp,
  recovery_codes_left: status.recoveryCodesLeft,
  passkeys: status.passkeys.map(passkeyRecord),
  required_by: status.requiredBy,
});

/**
 * Second factors: the account's own (an authenticator app, recovery codes, passkeys; changed only in a
 * cookie session), the second step of sign-in, and a workspace's rule that requires them.
 */
export function registerSecondFactorRoutes(
  app: FastifyInstance,
  throttle: SignInThrottle,
  policy: CookiePolicy,
): void {
  const tag = 'accounts';

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login/second-factor',
    summary:
      'Second step of sign-in: a code from the authenticator app, a recovery code or a passkey assertion, with the pending token; sets the tt_session cookie',
    tag,
    access: 'public',
    response: signedInSchema,
    body: secondStepSchema,
    handler: async ({ body, request, reply }) => {
      const signedIn = await completeSignIn(
        request.services,
        throttle,
        relyingParty(request),
        { ...body, address: request.ip },
        policy.sessionHours * 3_600_000,
      );
      return answerSignedIn(request, reply, policy, signedIn);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/login/passkey-options',
    summary: 'The WebAuthn options (challenge) for answering a pending sign-in with a passkey',
    tag,
    access: 'public',
    response: webAuthnOptionsSchema,
    body: pendingSchema,
    handler: async ({ body, request }) => ({
      options: await passkeySignInOptions(request.services, relyingParty(request), body),
    }),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/auth/second-factor',
    summary:
      "The signed-in account's second factors: authenticator app, recovery codes left, passkeys, and which workspaces require one",
    tag,
    access: 'signed-in',
    response: secondFactorStatusSchema,
    handler: async ({ request }) => statusRecord(await secondFactorStatus(request.services)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/totp',
    summary:
      'Start enrolling an authenticator app: a new secret, its otpauth URI and QR code (cookie session only)',
    tag,
    access: 'signed-in',
    response: totpEnrolmentSchema,
    status: 201,
    handler: async ({ request }) => {
      const enrolment = await startTotpEnrolment(request.services, channelOf(request));
      return { secret: enrolment.secret, otpauth_uri: enrolment.uri, qr_svg: enrolment.qrSvg };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/totp/confirm',
    summary:
      'Confirm the authenticator app with a first code; answers ten recovery codes, shown this once (cookie session only)',
    tag,
    access: 'signed-in',
    response: recoveryCodesSchema,
    body: totpConfirmSchema,
    handler: async ({ body, request }) => ({
      recovery_codes: (await confirmTotpEnrolment(request.services, channelOf(request), body)).recoveryCodes,
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/totp/disable',
    summary:
      'Turn the authenticator app off: needs the password and a current or recovery code (cookie session only)',
    tag,
    access: 'signed-in',
    response: null,
    body: totpDisableSchema,
    status: 204,
    handler: async ({ body, request }) => {
      await disableTotp(request.services, channelOf(request), body, { throttle, address: request.ip });
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/recovery-codes',
    summary: 'Ten new recovery codes for the old ones; needs the password (cookie session only)',
    tag,
    access: 'signed-in',
    response: recoveryCodesSchema,
    body: passkeyRemoveSchema,
    handler: async ({ body, request }) => ({
      recovery_codes: (
        await renewRecoveryCodes(request.services, channelOf(request), body, {
          throttle,
          address: request.ip,
        })
      ).recoveryCodes,
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/passkeys/options',
    summary: 'The WebAuthn options (challenge) for adding a passkey (cookie session only)',
    tag,
    access: 'signed-in',
    response: webAuthnOptionsSchema,
    handler: async ({ request }) => ({
      options: await passkeyRegistrationOptions(request.services, channelOf(request), relyingParty(request)),
    }),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/passkeys',
    summary:
      "Add a passkey: the browser's answer to the registration ceremony, verified; the first factor also answers recovery codes (cookie session only)",
    tag,
    access: 'signed-in',
    response: passkeyAddedSchema,
    body: passkeyAddSchema,
    status: 201,
    handler: async ({ body, request }) => {
      const added = await addPasskey(request.services, channelOf(request), relyingParty(request), body);
      return { passkey: passkeyRecord(added.passkey), recovery_codes: added.recoveryCodes };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/auth/second-factor/passkeys/:id/remove',
    summary: 'Remove one of your passkeys; needs the password (cookie session only)',
    tag,
    access: 'signed-in',
    response: null,
    params: passkeyParams,
    body: passkeyRemoveSchema,
    status: 204,
    handler: async ({ params, body, request }) => {
      await removePasskey(request.services, channelOf(request), params.id, body, {
        throttle,
        address: request.ip,
      });
      return undefined;
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/second-factor-rule',
    summary: 'Whether the workspace requires a second factor of its administrators and those who see names',
    tag: 'workspaces',
    access: 'workspace.read',
    response: secondFactorRuleSchema,
    params: idParams,
    handler: async ({ params, request }) => {
      const rule = await secondFactorRequirement(request.services, params.id);
      return { workspace_id: rule.workspaceId, required: rule.required };
    },
  });

  defineRoute(app, {
    method: 'PUT',
    url: '/api/workspaces/:id/second-factor-rule',
    summary:
      'Require (or stop requiring) a second factor of the workspace administrators and the roles that see names',
    tag: 'workspaces',
    access: 'workspace.manage',
    response: secondFactorRuleSchema,
    params: idParams,
    body: requirementSchema,
    handler: async ({ params, body, request }) => {
      const rule = await setSecondFactorRequirement(request.services, params.id, body);
      return { workspace_id: rule.workspaceId, required: rule.required };
    },
  });
}
