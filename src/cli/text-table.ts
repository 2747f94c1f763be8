/** One value as a table shows it: numbers to six significant digits, nothing for a missing value. */
export const tableCell = (value: unknown): string =>
  value === null || value === undefined
    ? ''
    : typeof value === 'number'
      ? String(Number(value.toPrecision(6)))
      : String(value);

/** A plain text table, columns padded to their widest cell. */
export function textTable(header: string[], rows: unknown[][]): string {
  const cells = [header, ...rows.map((r) => r.map(tableCell))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => r[c].length)));
  return (
    cells
      .map((r) =>
        r
          .map((v, c) => v.padEnd(widths[c]))
          .join('  ')
          .trimEnd(),
      )
      .join('\n') + '\n'
  );
}
