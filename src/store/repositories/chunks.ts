/**
 * `items` in slices of `size`, for one statement per slice: a multi-row insert or an `in (...)` list
 * of 500 stays under both engines' bound-parameter limits (SQLite 32766, PostgreSQL 65535) for rows of
 * up to 65 columns, and keeps PostgreSQL from planning very long IN lists.
 */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}
