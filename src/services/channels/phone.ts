import { createHmac } from 'node:crypto';
import type { VaultKeys } from '../../security/vault.js';

/**
 * A phone number is an identity: the channels keep only a keyed hash of it (HMAC-SHA-256 under a key
 * derived from the master key, so a seized database without the key cannot be searched by number), and
 * derive the dialogue participant's token from the channel participant's id, so no token is stored either.
 */
export function normaliseNumber(number: string): string {
  return number.replace(/[\s().-]/gu, '');
}

export function phoneHash(keys: VaultKeys, number: string): string {
  return createHmac('sha256', keys.deriveKey('tracktwo/channels/phone-hash/v1'))
    .update(normaliseNumber(number), 'utf8')
    .digest('hex');
}

export function channelToken(keys: VaultKeys, channelParticipantId: string): string {
  const mac = createHmac('sha256', keys.deriveKey('tracktwo/channels/participant-token/v1'))
    .update(channelParticipantId, 'utf8')
    .digest('base64url');
  return `ttp_${mac}`;
}

/** The survey answer link of a channel participant for one wave: derived, never stored (only its hash). */
export function channelSurveyToken(keys: VaultKeys, channelParticipantId: string, waveId: string): string {
  return createHmac('sha256', keys.deriveKey('tracktwo/channels/survey-token/v1'))
    .update(`${channelParticipantId}\n${waveId}`, 'utf8')
    .digest('base64url');
}

export const numberContext = (workspaceId: string, channelParticipantId: string) =>
  `tracktwo/channel-number/v1/${workspaceId}/${channelParticipantId}`;
