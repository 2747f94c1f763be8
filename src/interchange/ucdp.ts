import { createHash } from 'node:crypto';
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

/** The UCDP GED columns (Sundberg & Melander 2013; codebook 24.1) a row needs to be read. */
export const ucdpRequiredColumns = [
  'id',
  'type_of_violence',
  'dyad_name',
  'side_a',
  'side_b',
  'source_office',
  'source_headline',
  'where_coordinates',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'date_prec',
  'date_start',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
] as const;

/** Every column of the GED export, in its order: the digest that tells a revised row reads them all. */
const ucdpColumns = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
];

const violenceTypes: Record<string, string> = {
  '1': 'State-based conflict',
  '2': 'Non-state conflict',
  '3': 'One-sided violence',
};

/** UCDP's date_prec: 1 the day, 2 within 2-6 days, 3 the week, 4 the month, 5 longer. */
const ucdpPrecision: Record<string, DatePrecision> = {
  '1': 'day',
  '2': 'week',
  '3': 'week',
  '4': 'month',
  '5': 'year',
};

/** One GED row as an event, or an error naming its row and column. */
export function ucdpEvent(row: CsvRow): ParsedEvent {
  const n = row.row;
  const field = (column: string) => row.get(column);
  const sourceId = readRequired(field('id'), n, 'id', 64);
  const violence = violenceTypes[field('type_of_violence').trim()];
  if (!violence) throw badValue(n, 'type_of_violence', `"${field('type_of_violence')}" is not 1, 2 or 3`);
  const precision = ucdpPrecision[field('date_prec').trim()];
  if (!precision) throw badValue(n, 'date_prec', `"${field('date_prec')}" is not 1 to 5`);
  for (const column of ['deaths_a', 'deaths_b', 'deaths_civilians', 'deaths_unknown']) {
    if (field(column).trim() !== '') readCount(field(column), n, column);
  }
  const sideA = readRequired(field('side_a'), n, 'side_a', 300);
  const sideB = readRequired(field('side_b'), n, 'side_b', 300);
  const digest = createHash('sha256');
  for (const column of ucdpColumns) digest.update(field(column)).update('\u001f');
  return {
    row: n,
    source: 'ucdp',
    source_id: sourceId,
    event_date: readDate(field('date_start'), n, 'date_start'),
    date_precision: precision,
    event_type: violence,
    sub_event_type: readOptional(field('dyad_name'), n, 'dyad_name', 300),
    violence_type: violence,
    admin1: readOptional(field('adm_1'), n, 'adm_1', 200),
    admin2: readOptional(field('adm_2'), n, 'adm_2', 200),
    location: readOptional(field('where_coordinates'), n, 'where_coordinates', 300),
    latitude: readCoordinate(field('latitude'), n, 'latitude', 90),
    longitude: readCoordinate(field('longitude'), n, 'longitude', 180),
    fatalities: readCount(field('best'), n, 'best'),
    notes: readOptional(field('source_headline'), n, 'source_headline'),
    reported_by: readOptional(field('source_office'), n, 'source_office', 2000),
    revision: digest.digest('base64url').slice(0, 22),
    actors:
      sideA === sideB
        ? [{ name: sideA, side: 'a' }]
        : [
            { name: sideA, side: 'a' },
            { name: sideB, side: 'b' },
          ],
  };
}

/** Streams the events of a UCDP GED export; the first bad row stops it with its row and column. */
export async function* readUcdp(input: CsvInput): AsyncGenerator<ParsedEvent> {
  for await (const row of streamCsvRows(input, ucdpRequiredColumns)) yield ucdpEvent(row);
}
