import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/security#validating-requests): the full
 * URL the gateway called, then each POST parameter's name and value, sorted by name, concatenated; signed
 * with HMAC-SHA1 under the account's auth token; base64 in `X-Twilio-Signature`. Written out rather than
 * taken from the `twilio` package, whose client and HTTP stack the webhook does not need.
 */
export function twilioSignature(authToken: string, url: string, params: Record<string, string>): string {
  let data = url;
  for (const name of Object.keys(params).sort()) data += name + params[name];
  return createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

export function validTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
): boolean {
  if (!authToken || !signature) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** TwiML with one <Message> per part (each part is one SMS). */
export function twiml(parts: readonly string[]): string {
  const messages = parts.map((part) => `<Message>${escapeXml(part)}</Message>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${messages}</Response>`;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/gu,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
  );
}
