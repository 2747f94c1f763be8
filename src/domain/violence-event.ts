import { z } from 'zod';
import { idSchema, isoDateSchema } from './scalars.js';

/**
 * Event data of the violence around a process (issue #15): ACLED and UCDP GED events, entered by hand
 * where neither covers a place. Events are published data, not personal data; they are set beside the
 * Track-II work to show what coincided with it, never what caused what.
 */
export const eventSources = ['acled', 'ucdp', 'manual'] as const;
export type EventSource = (typeof eventSources)[number];

export const datePrecisions = ['day', 'week', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];

/** One event as a parser reads it from a row, before it is stored. */
export interface ParsedEvent {
  /** The spreadsheet row (header = 1), for errors. */
  row: number;
  source: EventSource;
  source_id: string;
  event_date: string;
  date_precision: DatePrecision;
  event_type: string;
  sub_event_type: string | null;
  violence_type: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  fatalities: number;
  notes: string | null;
  reported_by: string | null;
  revision: string;
  /** The actor names the row gives, in its spelling, with their side. */
  actors: { name: string; side: string }[];
}

export const violenceEventSchema = z.strictObject({
  id: idSchema,
  conflict_id: idSchema,
  source: z.enum(eventSources),
  source_id: z.string(),
  date: isoDateSchema,
  date_precision: z.enum(datePrecisions),
  event_type: z.string(),
  sub_event_type: z.string().nullable(),
  violence_type: z.string(),
  admin1: z.string().nullable(),
  admin2: z.string().nullable(),
  location: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  fatalities: z.number().int().min(0),
  notes: z.string().nullable(),
  reported_by: z.string().nullable(),
  revision: z.string(),
  /** The names the source gives, each with the actor of the map its alias names (null: unmatched). */
  actor_names: z.array(z.strictObject({ name: z.string(), side: z.string(), actor_id: idSchema.nullable() })),
  /** The matched actor ids, once each. */
  actors: z.array(idSchema),
});
export type ViolenceEvent = z.infer<typeof violenceEventSchema>;

export const eventFiltersSchema = z.strictObject({
  from: isoDateSchema.optional().describe('first day (inclusive)'),
  to: isoDateSchema.optional().describe('last day (inclusive)'),
  area: z.string().trim().min(1).max(200).optional().describe('admin1 area, as the source spells it'),
});
export type EventFilters = z.infer<typeof eventFiltersSchema>;

export const eventImportBodySchema = z.strictObject({
  csv: z.string().min(1).describe('the export file as CSV text (header row first)'),
  deletions: z
    .string()
    .min(1)
    .optional()
    .describe(
      'ACLED only: the deletions file as CSV text (its event_id_cnty column names the events to remove)',
    ),
});

/** What an import did: the events added, revised, left as they were and removed. */
export const eventsImportedSchema = z.strictObject({
  source: z.enum(['acled', 'ucdp']),
  rows: z.number().int().min(0),
  added: z.number().int().min(0),
  revised: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  deleted: z.number().int().min(0),
  /** Actor names of the file that no alias matches: listed for the convener, never guessed. */
  unmatched_names: z.array(z.string()),
});
export type EventsImported = z.infer<typeof eventsImportedSchema>;

export const eventAliasSchema = z.strictObject({
  id: idSchema,
  conflict_id: idSchema,
  name: z.string(),
  actor_id: idSchema,
  created_at: z.string(),
});
export type EventAlias = z.infer<typeof eventAliasSchema>;

export const eventAliasPutSchema = z.strictObject({
  name: z.string().trim().min(1).max(300).describe('the actor name exactly as the source spells it'),
  actor_id: idSchema.describe('the actor of this conflict it stands for'),
});

export const unmatchedNameSchema = z.strictObject({
  name: z.string(),
  events: z.number().int().min(0),
  fatalities: z.number().int().min(0),
});

/** One cell of the context chart: fatalities and events of a month, an admin1 area and a violence type. */
export const fatalityCellSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  admin1: z.string().nullable(),
  violence_type: z.string(),
  events: z.number().int().min(0),
  fatalities: z.number().int().min(0),
});

/**
 * A dated marker beside the chart: the initiatives' meetings, outcomes and transfers, and the official
 * timeline of the conflict. Other kinds (the Track-I timeline of issue #15) join this list.
 */
export const contextMarkerSchema = z.strictObject({
  kind: z.string().describe('meeting, outcome, transfer, track_one, ...'),
  date: isoDateSchema,
  /** The month on the chart's axis. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  label: z.string(),
  initiative_id: idSchema.nullable(),
});
export type ContextMarker = z.infer<typeof contextMarkerSchema>;

export const conflictContextSchema = z.strictObject({
  conflict_id: idSchema,
  months: z.array(z.string()),
  areas: z.array(z.string()),
  violence_types: z.array(z.string()),
  cells: z.array(fatalityCellSchema),
  markers: z.array(contextMarkerSchema),
  totals: z.strictObject({ events: z.number().int().min(0), fatalities: z.number().int().min(0) }),
});
export type ConflictContext = z.infer<typeof conflictContextSchema>;
