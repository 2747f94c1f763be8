import type { Messages } from './en.js';

/** The sections a participant meets: sign-in, the shell, the dialogue and the survey answer page. Arabic holds all of them. */
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
  | 'errors'
  | 'people'
  | 'invitation'
  | 'passwordChange'
>;

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
