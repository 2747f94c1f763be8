import { TrackTwoError } from '../domain/errors.js';

/**
 * RFC 4180 CSV, in and out. Pure (no I/O) so that the browser and the cores share it.
 * Rows are numbered as a spreadsheet shows them: the header is row 1, the first data row is row 2.
 */
export interface CsvTable {
  header: string[];
  /** Data rows, each keyed by header name. */
  rows: Record<string, string>[];
  /** The spreadsheet row number (header = 1) of each data row, for error messages. */
  rowNumbers: number[];
}

/** Splits CSV text into records of fields; quoted fields may hold commas, quotes ("") and newlines. */
export function parseCsvRecords(text: string): { fields: string[]; line: number }[] {
  const records: { fields: string[]; line: number }[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= n)
            throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
              row: startLine,
              reason: 'unterminated quoted field',
            });
          const c = text[i];
          if (c === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n') line++;
          field += c;
          i++;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
          throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
            row: startLine,
            reason: 'text after a closing quote',
          });
        }
      } else {
        const start = i;
        while (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
        field = text.slice(start, i);
      }
      fields.push(field);
      if (i < n && text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    // A blank line is not a record.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: startLine });
  }
  return records;
}

/** Parses CSV with a header row. Requires the named columns; a row with too many fields is an error. */
export function parseCsv(text: string, options: { required?: string[] } = {}): CsvTable {
  const records = parseCsvRecords(text);
  if (records.length === 0) {
    throw new TrackTwoError('TT_ERR_CSV_MISSING_COLUMN', {
      row: 1,
      reason: 'the file is empty; it needs a header row',
    });
  }
  const header = records[0].fields.map((h) => h.trim());
  // Two columns of one name would leave the row holding only the later one's values: an ambiguous file
  // is refused rather than half read. Unnamed columns (trailing commas of spreadsheet exports) are not read.
  const named = new Set<string>();
  for (const column of header) {
    if (column === '') continue;
    if (named.has(column)) {
      throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
        row: 1,
        column,
        reason: `the "${column}" column appears twice`,
      });
    }
    named.add(column);
  }
  for (const column of options.required ?? []) {
    if (!header.includes(column)) {
      throw new TrackTwoError('TT_ERR_CSV_MISSING_COLUMN', {
        row: 1,
        column,
        reason: `no "${column}" column`,
      });
    }
  }
  const rows: Record<string, string>[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < records.length; r++) {
    const { fields } = records[r];
    const rowNumber = r + 1;
    if (fields.length > header.length) {
      throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
        row: rowNumber,
        reason: `${fields.length} fields where the header has ${header.length}`,
      });
    }
    const row: Record<string, string> = {};
    for (let c = 0; c < header.length; c++) row[header[c]] = fields[c] ?? '';
    rows.push(row);
    rowNumbers.push(rowNumber);
  }
  return { header, rows, rowNumbers };
}

/** Reads a finite number from a cell, or throws an error naming the row and column. */
export function numberCell(
  value: string,
  row: number,
  column: string,
  options: { optional?: boolean } = {},
): number {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.toUpperCase() === 'NA') {
    if (options.optional) return Number.NaN;
    throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', { row, column, reason: 'a number is required here' });
  }
  const parsed = Number(trimmed);
  if (!Number.isFinite(parsed)) {
    throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', { row, column, reason: `"${trimmed}" is not a number` });
  }
  return parsed;
}

function quoteField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV with the given header; null and undefined are written as empty cells. */
export function formatCsv(header: string[], rows: Iterable<Record<string, unknown>>): string {
  const lines = [header.map(quoteField).join(',')];
  for (const row of rows) {
    lines.push(
      header
        .map((h) => (row[h] === null || row[h] === undefined ? '' : quoteField(String(row[h]))))
        .join(','),
    );
  }
  return lines.join('\n') + '\n';
}
