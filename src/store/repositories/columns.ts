/**
 * The writable columns of `value`, without `undefined`s. Callers often pass parsed request bodies or
 * records with extra fields (identity, nested lists); only named columns may reach SQL.
 */
export function onlyColumns<T extends object, K extends keyof T>(
  value: T,
  columns: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const column of columns) {
    if (value[column] !== undefined) picked[column] = value[column];
  }
  return picked;
}
