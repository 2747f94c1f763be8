import type { TFunction } from 'i18next';
import type { Messages } from './locales/en.js';

/** The catalogue's lists of labels, by path: 'meetings.attendanceRoles', 'account.memberRoles', ... */
export type LabelList = {
  [S in keyof Messages & string]: {
    [L in keyof Messages[S] & string]: Messages[S][L] extends Record<string, string> ? `${S}.${L}` : never;
  }[keyof Messages[S] & string];
}[keyof Messages & string];

/**
 * The label of a value the server sends (a role, a status, a wave) from one of the catalogue's lists: the
 * list is checked against the English catalogue; a value the list does not know yet is shown as it is.
 */
export function labelOf(t: TFunction, list: LabelList, value: string): string {
  return t(`${list}.${value}`, { defaultValue: value });
}
