/**
 * How well two partitions of the same actors agree: adjusted Rand index (Hubert & Arabie 1985) and
 * normalised mutual information (arithmetic-mean normalisation, as scikit-learn's default).
 */
export function partitionAgreement(a: ArrayLike<number>, b: ArrayLike<number>): { ari: number; nmi: number } {
  const n = a.length;
  const table = new Map<string, number>();
  const rows = new Map<number, number>();
  const columns = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]},${b[i]}`;
    table.set(key, (table.get(key) ?? 0) + 1);
    rows.set(a[i], (rows.get(a[i]) ?? 0) + 1);
    columns.set(b[i], (columns.get(b[i]) ?? 0) + 1);
  }
  const pairs = (x: number) => (x * (x - 1)) / 2;
  let index = 0;
  for (const c of table.values()) index += pairs(c);
  let rowPairs = 0;
  for (const c of rows.values()) rowPairs += pairs(c);
  let columnPairs = 0;
  for (const c of columns.values()) columnPairs += pairs(c);
  const expected = n > 1 ? (rowPairs * columnPairs) / pairs(n) : 0;
  const maximum = (rowPairs + columnPairs) / 2;
  const ari = maximum === expected ? 1 : (index - expected) / (maximum - expected);
  const entropy = (counts: Iterable<number>) => {
    let h = 0;
    for (const c of counts) if (c > 0) h -= (c / n) * Math.log(c / n);
    return h;
  };
  let mutual = 0;
  for (const [key, c] of table) {
    const [x, y] = key.split(',').map(Number);
    mutual += (c / n) * Math.log((n * c) / (rows.get(x)! * columns.get(y)!));
  }
  const ha = entropy(rows.values());
  const hb = entropy(columns.values());
  const nmi = ha + hb === 0 ? 1 : mutual / ((ha + hb) / 2);
  return { ari, nmi: Math.max(0, nmi) };
}
