import type { Divide } from './dialogue.js';

/**
 * What a participant who joined by link keeps on this device, under the link's code: their participant
 * token (it never leaves the device but to the server), the dialogue, the sides offered and the side they
 * declared. Coming back by the same link finds them where they were.
 */
export interface JoinedHere {
  dialogueId: string;
  token: string;
  divide: Divide | null;
  groupId: string | null;
}

const key = (code: string) => `tracktwo.join.${code}`;

export function readJoined(code: string): JoinedHere | null {
  try {
    const raw = window.localStorage.getItem(key(code));
    if (!raw) return null;
    const value = JSON.parse(raw) as JoinedHere;
    return typeof value.token === 'string' && typeof value.dialogueId === 'string' ? value : null;
  } catch {
    return null;
  }
}

export function writeJoined(code: string, joined: JoinedHere): void {
  try {
    window.localStorage.setItem(key(code), JSON.stringify(joined));
  } catch {
    // Storage can be disabled (private mode): the participation lasts as long as the page.
  }
}

export function forgetJoined(code: string): void {
  try {
    window.localStorage.removeItem(key(code));
  } catch {
    // Nothing was kept.
  }
}
