import { useState } from 'react';
import { hasErrors, type FieldErrors } from './form.js';

/**
 * The submit cycle a form shares: show what is wrong with the fields, or else save, holding the button
 * while the save runs and keeping what the server answered when it fails.
 */
export function useFormSubmit() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function save(found: FieldErrors, write: () => Promise<void>): Promise<void> {
    setErrors(found);
    setFailure(null);
    if (hasErrors(found)) return;
    setBusy(true);
    try {
      await write();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  return { errors, failure, busy, save };
}
