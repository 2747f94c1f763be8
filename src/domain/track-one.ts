import { z } from 'zod';
import {
  idSchema,
  isoDateSchema,
  isoTimestampSchema,
  moneySchema,
  noteSchema,
  titleSchema,
} from './scalars.js';

/** Kinds of official (Track-I) events on a conflict's timeline. */
export const trackOneEventKinds = [
  'talks_opened',
  'round_held',
  'ceasefire',
  'truce',
  'agreement_signed',
  'agreement_broken_down',
  'offensive',
  'other',
] as const;
export type TrackOneEventKind = (typeof trackOneEventKinds)[number];

/** Agreement stages as the PA-X peace agreements database codes them (University of Edinburgh). */
export const agreementStages = [
  'pre_negotiation',
  'ceasefire',
  'framework_partial',
  'framework_comprehensive',
  'implementation',
  'renewal',
] as const;
export type AgreementStage = (typeof agreementStages)[number];

export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** CEWARN's peace indicators, reported by field monitors per area and month. */
export const peaceIndicatorKinds = [
  'markets_open',
  'intergroup_marriages',
  'joint_events',
  'women_peace_messengers',
  'other',
] as const;
export type PeaceIndicatorKind = (typeof peaceIndicatorKinds)[number];

/** A date known to its precision: the day of a month- or year-precise date is its first (`2024-03-01`). */
export function normaliseDate(date: string, precision: DatePrecision): string {
  if (precision === 'year') return `${date.slice(0, 4)}-01-01`;
  if (precision === 'month') return `${date.slice(0, 7)}-01`;
  return date;
}

/** How a date of this precision reads: `2024`, `2024-03` or `2024-03-05`. */
export function dateAsKnown(date: string, precision: DatePrecision): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

/** A currency as ISO 4217 writes it: three capital letters. */
export const currencySchema = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'a currency as its ISO 4217 code (USD, EUR, KES)');
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM');
const areaSchema = z.string().trim().min(1).max(120);
const sourceSchema = z.string().trim().max(500);

/**
 * Agreements carry their PA-X coding (stage and gender provisions, both required); no other kind does. A
 * patch is checked on the merged record, so it passes only the fields it changes.
 */
export function agreementIssue(value: {
  kind: TrackOneEventKind;
  agreement_stage: AgreementStage | null;
  gender_provisions: boolean | null;
}): { field: string; reason: string } | undefined {
  if (value.kind === 'agreement_signed') {
    if (value.agreement_stage === null)
      return { field: 'agreement_stage', reason: 'an agreement needs its PA-X stage' };
    if (value.gender_provisions === null)
      return {
        field: 'gender_provisions',
        reason: 'say whether the agreement has provisions on women, girls and gender',
      };
    return undefined;
  }
  if (value.agreement_stage !== null)
    return { field: 'agreement_stage', reason: 'only a signed agreement has a PA-X stage' };
  if (value.gender_provisions !== null)
    return { field: 'gender_provisions', reason: 'only a signed agreement is coded for gender provisions' };
  return undefined;
}

const partiesSchema = z
  .array(idSchema)
  .max(100)
  .refine((ids) => new Set(ids).size === ids.length, 'a party is listed twice');

export const trackOneEventSchema = z.strictObject({
  id: idSchema,
  conflict_id: idSchema,
  kind: z.enum(trackOneEventKinds),
  occurred_on: isoDateSchema,
  date_precision: z.enum(datePrecisions),
  title: titleSchema,
  source: sourceSchema,
  notes: noteSchema,
  agreement_stage: z.enum(agreementStages).nullable(),
  gender_provisions: z.boolean().nullable(),
  /** The parties (actors of the map): to those who may read actors; the others see how many. */
  party_actor_ids: z.array(idSchema),
  party_count: z.number().int().min(0),
  created_at: isoTimestampSchema,
  updated_at: isoTimestampSchema,
});
export type TrackOneEvent = z.infer<typeof trackOneEventSchema>;

const eventFields = {
  kind: z.enum(trackOneEventKinds),
  occurred_on: isoDateSchema,
  date_precision: z.enum(datePrecisions),
  title: titleSchema,
  source: sourceSchema,
  notes: noteSchema,
  agreement_stage: z.enum(agreementStages).nullable(),
  gender_provisions: z.boolean().nullable(),
  party_actor_ids: partiesSchema,
};

export const trackOneEventCreateSchema = z
  .strictObject({
    conflict_id: idSchema,
    ...eventFields,
    date_precision: eventFields.date_precision.default('day'),
    source: sourceSchema.default(''),
    notes: noteSchema.default(''),
    agreement_stage: eventFields.agreement_stage.default(null),
    gender_provisions: eventFields.gender_provisions.default(null),
    party_actor_ids: partiesSchema.default([]),
  })
  .superRefine((value, ctx) => {
    const issue = agreementIssue(value);
    if (issue) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.reason });
  });
export type TrackOneEventCreate = z.output<typeof trackOneEventCreateSchema>;

export const trackOneEventPatchSchema = z
  .strictObject(eventFields)
  .partial()
  .refine((value) => Object.keys(value).length > 0, 'name at least one field to change');
export type TrackOneEventPatch = z.output<typeof trackOneEventPatchSchema>;

/** A Track-I event as the context view marks it on its timeline. */
export const trackOneMarkerSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(trackOneEventKinds),
  occurred_on: isoDateSchema,
  date_precision: z.enum(datePrecisions),
  title: titleSchema,
});
export type TrackOneMarker = z.infer<typeof trackOneMarkerSchema>;

export const transferTrackOneSchema = z.strictObject({
  transfer_id: idSchema,
  track_one_event_id: idSchema.nullable(),
});
export const transferTrackOneBodySchema = z.strictObject({ track_one_event_id: idSchema.nullable() });

// --- peace indicators ---

export const peaceIndicatorSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  area: areaSchema,
  month: monthSchema,
  kind: z.enum(peaceIndicatorKinds),
  other_label: z.string(),
  count: z.number().int().min(0),
  note: noteSchema,
  updated_at: isoTimestampSchema,
});
export type PeaceIndicator = z.infer<typeof peaceIndicatorSchema>;

/** One report of a field monitor: the counts of one area and month, one entry per indicator. */
export const peaceReportSchema = z
  .strictObject({
    area: areaSchema,
    month: monthSchema,
    entries: z
      .array(
        z.strictObject({
          kind: z.enum(peaceIndicatorKinds),
          other_label: z.string().trim().max(120).default(''),
          count: z.number().int().min(0).max(1_000_000),
          note: noteSchema.default(''),
        }),
      )
      .min(1)
      .max(50),
  })
  .superRefine((value, ctx) => {
    const seen = new Set<string>();
    value.entries.forEach((entry, index) => {
      if (entry.kind === 'other' && entry.other_label === '')
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'other_label'],
          message: 'name the other indicator',
        });
      if (entry.kind !== 'other' && entry.other_label !== '')
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'other_label'],
          message: 'only an `other` indicator has a label',
        });
      const key = `${entry.kind}\u0000${entry.other_label}`;
      if (seen.has(key))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', index, 'kind'],
          message: 'this indicator is given twice',
        });
      seen.add(key);
    });
  });
export type PeaceReport = z.output<typeof peaceReportSchema>;

// --- resources ---

export const funderSchema = z.strictObject({
  id: idSchema,
  workspace_id: idSchema,
  name: z.string(),
  created_at: isoTimestampSchema,
});
export type Funder = z.infer<typeof funderSchema>;
export const funderCreateSchema = z.strictObject({ name: z.string().trim().min(1).max(200) });

export const budgetLineSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  label: titleSchema,
  currency: currencySchema,
  amount: moneySchema,
  created_at: isoTimestampSchema,
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;
export const budgetLineCreateSchema = z.strictObject({
  label: titleSchema,
  currency: currencySchema,
  amount: moneySchema,
});

const positiveMoney = moneySchema.refine((amount) => amount > 0, 'an amount above zero');

export const pledgeSchema = z.strictObject({
  id: idSchema,
  initiative_id: idSchema,
  funder_id: idSchema,
  funder_name: z.string(),
  currency: currencySchema,
  amount: moneySchema,
  pledged_on: isoDateSchema,
  note: noteSchema,
  disbursed: moneySchema,
  created_at: isoTimestampSchema,
});
export type Pledge = z.infer<typeof pledgeSchema>;
export const pledgeCreateSchema = z.strictObject({
  funder_id: idSchema,
  currency: currencySchema,
  amount: positiveMoney,
  pledged_on: isoDateSchema,
  note: noteSchema.default(''),
});

export const disbursementSchema = z.strictObject({
  id: idSchema,
  pledge_id: idSchema,
  amount: moneySchema,
  disbursed_on: isoDateSchema,
  created_at: isoTimestampSchema,
});
export type Disbursement = z.infer<typeof disbursementSchema>;
export const disbursementCreateSchema = z.strictObject({
  amount: positiveMoney,
  disbursed_on: isoDateSchema,
});

/** Per currency: what is needed, pledged and disbursed, and the two gaps. */
export const currencyGapSchema = z.strictObject({
  currency: currencySchema,
  needed: z.number(),
  pledged: z.number(),
  disbursed: z.number(),
  /** Needs minus pledges: what no one has promised yet (negative: pledged beyond the needs). */
  unpledged: z.number(),
  /** Pledged minus disbursed: what is promised and not yet paid. */
  undisbursed: z.number(),
});
export type CurrencyGap = z.infer<typeof currencyGapSchema>;

export const fundingGapSchema = z.strictObject({
  /** The initiatives counted (for a conflict: those whose funding the caller may read). */
  initiative_ids: z.array(idSchema),
  currencies: z.array(currencyGapSchema),
});
export type FundingGap = z.infer<typeof fundingGapSchema>;

/** Money is summed in cents so that 0.1 + 0.2 is 0.3. */
const cents = (amount: number) => Math.round(amount * 100);

/**
 * The gap per currency, from the budget lines, pledges and disbursements (pure): currencies are never
 * converted into each other, so each is its own row, sorted by code.
 */
export function fundingGap(
  lines: readonly { currency: string; amount: number }[],
  pledges: readonly { currency: string; amount: number; disbursed: number }[],
): CurrencyGap[] {
  const rows = new Map<string, { needed: number; pledged: number; disbursed: number }>();
  const row = (currency: string) => {
    let found = rows.get(currency);
    if (!found) rows.set(currency, (found = { needed: 0, pledged: 0, disbursed: 0 }));
    return found;
  };
  for (const line of lines) row(line.currency).needed += cents(line.amount);
  for (const pledge of pledges) {
    row(pledge.currency).pledged += cents(pledge.amount);
    row(pledge.currency).disbursed += cents(pledge.disbursed);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, r]) => ({
      currency,
      needed: r.needed / 100,
      pledged: r.pledged / 100,
      disbursed: r.disbursed / 100,
      unpledged: (r.needed - r.pledged) / 100,
      undisbursed: (r.pledged - r.disbursed) / 100,
    }));
}

/** The resources of one initiative: the lists for those who manage funding, the gap for every reader. */
export const resourcesSchema = z.strictObject({
  initiative_id: idSchema,
  /** False for a funder: aggregates only, no funder names, no pledge list. */
  details: z.boolean(),
  budget_lines: z.array(budgetLineSchema),
  pledges: z.array(pledgeSchema),
  disbursements: z.array(disbursementSchema),
  gap: z.array(currencyGapSchema),
});
export type Resources = z.infer<typeof resourcesSchema>;
