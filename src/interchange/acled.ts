import type { DatePrecision, ParsedEvent } from '../domain/violence-event.js';
import {
  badValue,
  readCoordinate,
  readCount,
  readDate,
  readOptional,
  readRequired,
  streamCsvRows,
  type CsvInput,
  type CsvRow,
} from './event-csv.js';

/**
 * ACLED's CSV export (acleddata.com, codebook 2024): the columns a row needs to be read. The others of the
 * export (year, inter1, interaction, iso, region, country, admin3, geo_precision, source_scale, tags, ...)
 * may be present and are not kept.
 */
export const acledRequiredColumns = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'assoc_actor_2',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'source',
  'notes',
  'fatalities',
  'timestamp',
] as const;

/** ACLED's time_precision: 1 the day is known, 2 the week, 3 the month. */
const acledPrecision: Record<string, DatePrecision> = { '1': 'day', '2': 'week', '3': 'month' };

/** Associated actors are one field, separated by semicolons. */
function names(value: string): string[] {
  return value
    .split(';')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** One ACLED row as an event, or an error naming its row and column. Pure. */
export function acledEvent(row: CsvRow): ParsedEvent {
  const n = row.row;
  const field = (column: string) => row.get(column);
  const sourceId = readRequired(field('event_id_cnty'), n, 'event_id_cnty', 64);
  const precision = acledPrecision[field('time_precision').trim()];
  if (!precision) throw badValue(n, 'time_precision', `"${field('time_precision')}" is not 1, 2 or 3`);
  const timestamp = field('timestamp').trim();
  if (!/^\d{1,12}$/.test(timestamp)) throw badValue(n, 'timestamp', `"${timestamp}" is not a Unix time`);
  const actors: { name: string; side: string }[] = [];
  const seen = new Set<string>();
  const add = (name: string, side: string) => {
    if (name.length > 300)
      throw badValue(n, side === '1' ? 'actor1' : 'actor2', 'a name longer than 300 characters');
    if (seen.has(name)) return;
    seen.add(name);
    actors.push({ name, side });
  };
  add(readRequired(field('actor1'), n, 'actor1', 300), '1');
  for (const name of names(field('assoc_actor_1'))) add(name, '1');
  for (const name of names(field('actor2'))) add(name, '2');
  for (const name of names(field('assoc_actor_2'))) add(name, '2');
  return {
    row: n,
    source: 'acled',
    source_id: sourceId,
    event_date: readDate(field('event_date'), n, 'event_date'),
    date_precision: precision,
    event_type: readRequired(field('event_type'), n, 'event_type', 200),
    sub_event_type: readOptional(field('sub_event_type'), n, 'sub_event_type', 200),
    violence_type: readRequired(field('disorder_type'), n, 'disorder_type', 200),
    admin1: readOptional(field('admin1'), n, 'admin1', 200),
    admin2: readOptional(field('admin2'), n, 'admin2', 200),
    location: readOptional(field('location'), n, 'location', 200),
    latitude: readCoordinate(field('latitude'), n, 'latitude', 90),
    longitude: readCoordinate(field('longitude'), n, 'longitude', 180),
    fatalities: readCount(field('fatalities'), n, 'fatalities'),
    notes: readOptional(field('notes'), n, 'notes'),
    reported_by: readOptional(field('source'), n, 'source', 2000),
    revision: timestamp,
    actors,
  };
}

/** Streams the events of an ACLED export; the first bad row stops it with its row and column. */
export async function* readAcled(input: CsvInput): AsyncGenerator<ParsedEvent> {
  for await (const row of streamCsvRows(input, acledRequiredColumns)) yield acledEvent(row);
}

/** Streams the event ids of ACLED's deletions file (event_id_cnty, deleted_timestamp). */
export async function* readAcledDeletions(
  input: CsvInput,
): AsyncGenerator<{ row: number; sourceId: string }> {
  for await (const row of streamCsvRows(input, ['event_id_cnty'])) {
    yield { row: row.row, sourceId: readRequired(row.get('event_id_cnty'), row.row, 'event_id_cnty', 64) };
  }
}
