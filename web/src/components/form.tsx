import {
  useId,
  type ReactNode,
  type SelectHTMLAttributes,
  type InputHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

export type FieldErrors = Record<string, string | undefined>;

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** What every field takes besides the attributes of its control. */
interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
}

/** The props that wire a control to its label, hint and error, spread onto the input, textarea or select. */
interface ControlProps {
  id: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

function FieldShell({
  label,
  error,
  hint,
  value,
  onChange,
  children,
}: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {children({
        id,
        value,
        onChange: (event) => onChange(event.target.value),
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange'> & FieldProps;

export function TextField({ label, error, hint, value, onChange, ...rest }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} value={value} onChange={onChange}>
      {(control) => <input {...control} {...rest} />}
    </FieldShell>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange'> & FieldProps;

export function TextArea({ label, error, hint, value, onChange, ...rest }: TextAreaProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} value={value} onChange={onChange}>
      {(control) => <textarea {...control} {...rest} />}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange'> &
  FieldProps & { options: readonly { value: string; label: string }[] };

export function SelectField({ label, error, hint, value, onChange, options, ...rest }: SelectFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} value={value} onChange={onChange}>
      {(control) => (
        <select {...control} {...rest}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

/** Shown above a form that failed to validate, focused so keyboard and screen-reader users hear it. */
export function ErrorSummary({ title, errors }: { title: string; errors: FieldErrors }) {
  const messages = Object.values(errors).filter((message): message is string => !!message);
  if (!messages.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={(node) => node?.focus()}>
      <p>
        <strong>{title}</strong>
      </p>
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    </div>
  );
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return emailPattern.test(value.trim());
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
