import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { channelSettingsInputSchema, channelSettingsSchema } from '../../domain/channels.js';
import { TrackTwoError } from '../../domain/errors.js';
import { gatewayConfigFromEnv, type GatewayConfig } from '../../channels/gateway-config.js';
import { splitSms } from '../../channels/sms-parts.js';
import { twiml, validTwilioSignature } from '../../channels/twilio-signature.js';
import {
  dialogueChannels,
  forgetChannelNumber,
  setDialogueChannels,
} from '../../services/channels/settings.js';
import { receiveSms, receiveUssd } from '../../services/channels/conversation.js';
import { decodeUtf8 } from '../body-parsing.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';

const formField = z.string().max(2_000);
const twilioBody = z.looseObject({
  From: formField.min(1),
  To: formField.optional(),
  Body: formField.default(''),
  MessageSid: z.string().min(1).max(64),
});
const ussdBody = z.looseObject({
  sessionId: z.string().min(1).max(200),
  serviceCode: formField.optional(),
  phoneNumber: formField.min(1),
  text: formField.default(''),
});
const forgetBody = z.strictObject({
  number: z
    .string()
    .trim()
    .regex(/^\+?[0-9\s().-]{4,40}$/u, 'a phone number'),
});
const forgottenSchema = z.strictObject({ forgotten: z.number().int().min(0) });
const ussdQuery = z.looseObject({ key: z.string().max(200).optional() });

function sameSecret(given: string | undefined, expected: string | null): boolean {
  if (!expected || given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The URL Twilio signed: the configured public URL and the path and query of this request. */
function signedUrl(config: GatewayConfig, request: FastifyRequest): string {
  return `${config.publicUrl ?? ''}${request.url}`;
}

function formParser(app: FastifyInstance): void {
  // Gateways post forms; only these routes read them (the API stays JSON-only, see body-parsing.ts).
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit: 16_384 },
    (_r, body, done) => {
      try {
        const text = decodeUtf8(body as Buffer);
        const fields: Record<string, string> = {};
        for (const [name, value] of new URLSearchParams(text)) {
          if (value.includes('\u0000'))
            throw new TrackTwoError('TT_ERR_VALIDATION', { field: name, reason: 'NUL' });
          fields[name] = value;
        }
        done(null, fields);
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}

export function registerChannelRoutes(
  app: FastifyInstance,
  config: GatewayConfig = gatewayConfigFromEnv(),
): void {
  const tag = 'channels';
  defineRoute(app, {
    method: 'GET',
    url: '/api/dialogues/:id/channels',
    summary: "A dialogue's SMS and USSD settings, with counts of the numbers that joined",
    tag,
    access: 'dialogues.manage',
    params: idParams,
    response: channelSettingsSchema,
    handler: ({ params, request }) => dialogueChannels(request.services, params.id),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/dialogues/:id/channels',
    summary: "Set a dialogue's SMS keyword, languages, USSD survey and which channels are on",
    tag,
    access: 'dialogues.manage',
    params: idParams,
    body: channelSettingsInputSchema,
    response: channelSettingsSchema,
    handler: ({ params, body, request }) => setDialogueChannels(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/dialogues/:id/channels/forget',
    summary:
      'Erase a phone number from the dialogue’s channels (its hash, sealed copy and messages; its votes stay anonymous)',
    tag,
    access: 'dialogues.manage',
    params: idParams,
    body: forgetBody,
    response: forgottenSchema,
    handler: ({ params, body, request }) => forgetChannelNumber(request.services, params.id, body.number),
  });
  void app.register(async (hooks) => {
    formParser(hooks);
    defineRoute(hooks, {
      method: 'POST',
      url: '/hooks/sms/twilio',
      summary: "Twilio's incoming-message webhook (signed with X-Twilio-Signature); answers TwiML",
      tag,
      access: 'public',
      body: twilioBody as unknown as z.ZodType<z.infer<typeof twilioBody>>,
      produces: ['text/xml'],
      response: null,
      handler: async ({ body, request, reply }) => {
        const signature = request.headers['x-twilio-signature'];
        const fields = request.body as Record<string, string>;
        if (
          !config.twilioAuthToken ||
          !validTwilioSignature(
            config.twilioAuthToken,
            typeof signature === 'string' ? signature : undefined,
            signedUrl(config, request),
            fields,
          )
        )
          throw new TrackTwoError('TT_ERR_CHANNEL_FORBIDDEN', { reason: 'X-Twilio-Signature' });
        const text = await receiveSms(
          request.services,
          { from: body.From, body: body.Body, messageId: body.MessageSid },
          config,
        );
        return reply.type('text/xml; charset=utf-8').send(twiml(splitSms(text)));
      },
    });
    defineRoute(hooks, {
      method: 'POST',
      url: '/hooks/ussd/africastalking',
      summary: "Africa's Talking's USSD callback (the URL carries ?key=); answers CON or END text",
      tag,
      access: 'public',
      query: ussdQuery as unknown as z.ZodType<z.infer<typeof ussdQuery>>,
      body: ussdBody as unknown as z.ZodType<z.infer<typeof ussdBody>>,
      produces: ['text/plain'],
      response: null,
      handler: async ({ body, query, request, reply }) => {
        if (!sameSecret(query.key, config.ussdKey))
          throw new TrackTwoError('TT_ERR_CHANNEL_FORBIDDEN', { reason: 'key' });
        const text = await receiveUssd(request.services, body, config);
        return reply.type('text/plain; charset=utf-8').send(text);
      },
    });
  });
}
