/**
 * The Track-I vocabularies for the web app, kept zod-free (src/domain/track-one.ts imports zod): the type
 * checks hold them to exactly the server's lists.
 */
import type {
  AgreementStage,
  DatePrecision,
  PeaceIndicatorKind,
  TrackOneEventKind,
} from '../../src/domain/track-one.js';

type Exactly<T extends string, L extends readonly T[]> = [T] extends [L[number]] ? L : never;

export const trackOneEventKinds = [
  'talks_opened',
  'round_held',
  'ceasefire',
  'truce',
  'agreement_signed',
  'agreement_broken_down',
  'offensive',
  'other',
] as const satisfies readonly TrackOneEventKind[];
export const agreementStages = [
  'pre_negotiation',
  'ceasefire',
  'framework_partial',
  'framework_comprehensive',
  'implementation',
  'renewal',
] as const satisfies readonly AgreementStage[];
export const datePrecisions = ['day', 'month', 'year'] as const satisfies readonly DatePrecision[];
export const peaceIndicatorKinds = [
  'markets_open',
  'intergroup_marriages',
  'joint_events',
  'women_peace_messengers',
  'other',
] as const satisfies readonly PeaceIndicatorKind[];
export const everyList: [
  Exactly<TrackOneEventKind, typeof trackOneEventKinds>,
  Exactly<AgreementStage, typeof agreementStages>,
  Exactly<DatePrecision, typeof datePrecisions>,
  Exactly<PeaceIndicatorKind, typeof peaceIndicatorKinds>,
] = [trackOneEventKinds, agreementStages, datePrecisions, peaceIndicatorKinds];

export type { AgreementStage, DatePrecision, PeaceIndicatorKind, TrackOneEventKind };

/** How a date of this precision reads: `2024`, `2024-03` or `2024-03-05`. */
export function dateAsKnown(date: string, precision: DatePrecision): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}
