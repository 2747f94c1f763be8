import { describe, expect, it } from 'vitest';
import type { TrackTwoError } from '../../src/domain/errors.js';
import { formatCsv, numberCell, parseCsv, parseCsvRecords } from '../../src/interchange/csv.js';

describe('csv', () => {
  it('parses quoted fields with commas, quotes and newlines', () => {
    const records = parseCsvRecords('a,b\r\n"x, y","say ""hi""\nthere"\n\nlast,1\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
      ['last', '1'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('names the missing column', () => {
    expect(() => parseCsv('a,b\n1,2\n', { required: ['c'] })).toThrow(/column "c"/);
  });

  it('numbers rows as a spreadsheet does', () => {
    const table = parseCsv('x\n1\n2\n');
    expect(table.rowNumbers).toEqual([2, 3]);
    expect(() => numberCell('abc', 3, 'x')).toThrow(/row 3, column "x"/);
  });

  it('round-trips through formatCsv', () => {
    const rows = [
      { a: 'p,q', b: 'say "x"' },
      { a: '', b: null },
    ];
    const text = formatCsv(['a', 'b'], rows);
    expect(parseCsv(text).rows).toEqual([
      { a: 'p,q', b: 'say "x"' },
      { a: '', b: '' },
    ]);
  });

  it('rejects an unterminated quote and a row with too many fields', () => {
    expect(() => parseCsvRecords('a\n"oops\n')).toThrow(/unterminated/);
    expect(() => parseCsv('a\n1,2\n')).toThrow(/row 2/);
  });

  it('refuses a header naming one column twice (row 1 and the column), but not unnamed columns', () => {
    try {
      parseCsv('Label,Strength,Strength\nA,1,5\n');
      expect.unreachable();
    } catch (error) {
      expect((error as TrackTwoError).code).toBe('TT_ERR_CSV_BAD_VALUE');
      expect((error as TrackTwoError).details).toMatchObject({ row: 1, column: 'Strength' });
    }
    expect(parseCsv('a,,\n1,,\n').rows).toEqual([{ a: '1', '': '' }]);
  });
});
