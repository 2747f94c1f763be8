import type { Actor } from './records.js';

/**
 * An actor's name when the server sent one (only to accounts allowed to see names), else its pseudonym.
 * The server decides; the app never asks the vault for more than it was given.
 */
export function actorName(actor: Actor & Record<string, unknown>): string | null {
  const identity = actor.identity as { names?: unknown } | undefined;
  if (identity && Array.isArray(identity.names) && typeof identity.names[0] === 'string')
    return identity.names[0];
  if (Array.isArray(actor.names) && typeof actor.names[0] === 'string') return actor.names[0] as string;
  if (typeof actor.name === 'string') return actor.name;
  return null;
}

export function actorLabel(actor: Actor & Record<string, unknown>): string {
  const name = actorName(actor);
  return name ? `${name} (${actor.pseudonym})` : actor.pseudonym;
}
