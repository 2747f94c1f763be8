import { describe, expect, it } from 'vitest';
import { PASSWORD_MIN_LENGTH } from '../../src/security/passwords.js';
import { MIN_PASSWORD_LENGTH } from '../../web/src/components/new-password.js';

describe('the new-password fields', () => {
  it('ask for at least as many characters as the server does', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(PASSWORD_MIN_LENGTH);
  });
});
