import type { ZodError } from 'zod';

export interface OptionIssue {
  /** Where zod found it: `top.nested`, with the first unknown key for an unknown field. */
  field: string;
  /** zod's message; for unknown fields `unknown field(s): a, b`. */
  reason: string;
  unknownField: boolean;
}

/**
 * The first problem zod found in a command's options, for the command to name its option: the CLI's own
 * reading of a ZodError (the server words its replies in error-handler.ts).
 */
export function firstIssue(error: ZodError): OptionIssue {
  const issue = error.issues[0];
  if (!issue) return { field: '', reason: 'invalid input', unknownField: false };
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const field = [...issue.path, ...keys.slice(0, 1)].map(String).join('.');
  const unknownField = issue.code === 'unrecognized_keys';
  const reason = unknownField
    ? `unknown field${keys.length > 1 ? 's' : ''}: ${keys.join(', ')}`
    : issue.message;
  return { field, reason, unknownField };
}
