import type { Messages } from './en.js';

/** The plural forms a language may need beyond English's (i18next suffixes, one per Intl.PluralRules category). */
type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';

/** For each English plural key `x_one`, the other forms `x_zero` … `x_other` a language may add. */
type PluralForms<T> = {
  [K in keyof T as K extends `${infer Base}_one` ? `${Base}_${PluralForm}` : never]?: string;
};

/**
 * A complete translation: every key of English (a key missing is a type error), each plural group open to the
 * forms the language needs (Arabic has six); the completeness test checks which forms are there.
 */
export type Catalogue<T = Messages> = {
  [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]>;
} & PluralForms<T>;

/** The sections a participant meets: sign-in, the shell, the dialogue, the survey pages, an invitation. */
export type ParticipantMessages = Pick<
  Messages,
  | 'app'
  | 'nav'
  | 'common'
  | 'auth'
  | 'dialogue'
  | 'answer'
  | 'surveyJoin'
  | 'notFound'
  | 'people'
  | 'invitation'
  | 'passwordChange'
> & {
  /** The codes a participant meets come first in the errors section; the others fall back to English. */
  errors: DeepPartial<Messages['errors']>;
};

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
