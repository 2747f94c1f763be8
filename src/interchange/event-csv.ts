import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { TrackTwoError } from '../domain/errors.js';

/** A CSV file to read: text (an API body) or a stream (a file on disk), never held whole when a stream. */
export type CsvInput = string | Readable;

/** One data row: its spreadsheet number (header = row 1) and its fields by column name. */
export interface CsvRow {
  row: number;
  get(column: string): string;
}

/**
 * Streams a CSV file with a header row through csv-parse, one row at a time. The named columns must be in
 * the header; a row with a field count unlike the header's, a NUL character or a broken quote is refused
 * with its row number. Rows are numbered as a spreadsheet shows them (quoted line breaks do not count).
 */
export async function* streamCsvRows(input: CsvInput, required: readonly string[]): AsyncGenerator<CsvRow> {
  const source = typeof input === 'string' ? Readable.from([input]) : input;
  const parser = source.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: false }));
  source.on('error', (error) => parser.destroy(error));
  let header: Map<string, number> | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (!header) {
        header = new Map();
        for (const [index, name] of record.entries()) {
          const column = name.trim();
          if (column === '') continue;
          if (header.has(column)) {
            throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
              row: 1,
              column,
              reason: `the "${column}" column appears twice`,
            });
          }
          header.set(column, index);
        }
        for (const column of required) {
          if (!header.has(column)) {
            throw new TrackTwoError('TT_ERR_CSV_MISSING_COLUMN', {
              row: 1,
              column,
              reason: `no "${column}" column`,
            });
          }
        }
        continue;
      }
      for (const field of record) {
        if (field.includes('\u0000')) {
          throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', { row, reason: 'a field holds a NUL character' });
        }
      }
      const columns = header;
      yield { row, get: (column) => (columns.has(column) ? (record[columns.get(column)!] ?? '') : '') };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
        row: row + 1,
        reason:
          error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
            ? 'the row does not have as many fields as the header'
            : 'the row is not valid CSV (a quote left open or misplaced)',
      });
    }
    if (error instanceof TrackTwoError) throw error;
    if (
      error instanceof Error &&
      'code' in error &&
      typeof error.code === 'string' &&
      error.code.startsWith('E')
    ) {
      throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', { reason: error.message });
    }
    throw error;
  } finally {
    source.destroy();
  }
  if (!header) {
    throw new TrackTwoError('TT_ERR_CSV_MISSING_COLUMN', {
      row: 1,
      reason: 'the file is empty; it needs a header row',
    });
  }
}

/** A value error of a row, named by row and column. */
export function badValue(row: number, column: string, reason: string): TrackTwoError {
  return new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
    row,
    column,
    reason: `row ${row}, column "${column}": ${reason}`,
  });
}

const months: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** A calendar date as YYYY-MM-DD from `2024-03-13`, `2024-03-13 00:00:00.000` or ACLED's `13 March 2024`. */
export function readDate(value: string, row: number, column: string): string {
  const text = value.trim();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(text);
  const spelled = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (spelled && months[spelled[2].toLowerCase()]) {
    [y, m, d] = [Number(spelled[3]), months[spelled[2].toLowerCase()], Number(spelled[1])];
  } else throw badValue(row, column, `"${value}" is not a date (YYYY-MM-DD)`);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) {
    throw badValue(row, column, `"${value}" is not a calendar date`);
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A whole number of 0 or more (a count of deaths). */
export function readCount(value: string, row: number, column: string): number {
  const text = value.trim();
  if (!/^-?\d+$/.test(text)) throw badValue(row, column, `"${value}" is not a whole number`);
  const count = Number(text);
  if (count < 0) throw badValue(row, column, `${count} is negative: a count of deaths is 0 or more`);
  if (!Number.isSafeInteger(count) || count > 2_000_000_000)
    throw badValue(row, column, `${count} is too large`);
  return count;
}

/** A coordinate in its range, or null when the field is empty. */
export function readCoordinate(value: string, row: number, column: string, limit: 90 | 180): number | null {
  const text = value.trim();
  if (text === '') return null;
  const number = Number(text);
  if (!Number.isFinite(number) || Math.abs(number) > limit) {
    throw badValue(row, column, `"${value}" is not a coordinate between -${limit} and ${limit}`);
  }
  return number;
}

/** A field that must hold something. */
export function readRequired(value: string, row: number, column: string, max = 500): string {
  const text = value.trim();
  if (text === '') throw badValue(row, column, 'empty');
  if (text.length > max) throw badValue(row, column, `longer than ${max} characters`);
  return text;
}

/** A field that may be empty (null then). */
export function readOptional(value: string, row: number, column: string, max = 10_000): string | null {
  const text = value.trim();
  if (text.length > max) throw badValue(row, column, `longer than ${max} characters`);
  return text === '' ? null : text;
}
