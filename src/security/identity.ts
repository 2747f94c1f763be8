import { TrackTwoError } from '../domain/errors.js';
import { identitySchema, type Identity } from '../domain/identity.js';

// The schema lives in the domain (the API and the vault share it); the vault validates with it.
export { contactKinds, identitySchema, type Identity, type IdentityInput } from '../domain/identity.js';

/** Validates an identity, throwing TT_ERR_VALIDATION naming the first bad field. */
export function parseIdentity(input: unknown): Identity {
  const result = identitySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: ['identity', ...issue.path.map(String)].join('.'),
      reason: issue.message,
    });
  }
  return result.data;
}

/** The words of a name as the index sees them; the rule lives in the domain (minutes use it too). */
export { nameWords } from '../domain/name-words.js';
