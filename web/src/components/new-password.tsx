import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TextField, type FieldErrors } from './form.js';

/** The server's minimum (PASSWORD_MIN_LENGTH in src/security/passwords.ts), checked here to answer at once. */
export const MIN_PASSWORD_LENGTH = 10;

/** What is wrong with a new password and its confirmation, under the keys NewPasswordFields shows. */
export function newPasswordErrors(t: TFunction, password: string, confirm: string): FieldErrors {
  return {
    password:
      password.length < MIN_PASSWORD_LENGTH
        ? t('auth.passwordTooShort', { count: MIN_PASSWORD_LENGTH })
        : undefined,
    confirm: confirm !== password ? t('auth.passwordsDiffer') : undefined,
  };
}

/** A new password, with the hint of how long it must be, and the same again to catch a typing slip. */
export function NewPasswordFields({
  label,
  password,
  confirm,
  onPasswordChange,
  onConfirmChange,
  errors,
  required,
}: {
  label: string;
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  errors: FieldErrors;
  required?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        hint={t('auth.passwordHint', { count: MIN_PASSWORD_LENGTH })}
        value={password}
        onChange={onPasswordChange}
        error={errors.password}
        required={required}
      />
      <TextField
        label={t('auth.confirmPassword')}
        type="password"
        autoComplete="new-password"
        value={confirm}
        onChange={onConfirmChange}
        error={errors.confirm}
        required={required}
      />
    </>
  );
}
