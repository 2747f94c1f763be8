import { expect } from 'vitest';

/** Checks that every number in `expected` is matched in `actual` to `tolerance`; other values equal. */
export function expectClose(actual: unknown, expected: unknown, tolerance = 1e-9, path = '$'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, path).toBe('number');
    expect(
      Math.abs((actual as number) - expected),
      `${path}: ${String(actual)} vs ${expected}`,
    ).toBeLessThanOrEqual(tolerance);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), path).toBe(true);
    expect((actual as unknown[]).length, `${path}.length`).toBe(expected.length);
    expected.forEach((item, i) => expectClose((actual as unknown[])[i], item, tolerance, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    expect(actual !== null && typeof actual === 'object', path).toBe(true);
    for (const [key, value] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], value, tolerance, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}

export interface ReportLike {
  graph: Record<string, unknown>;
  nodes: { id: string }[];
}

/** Compares a report with an expected one, actors matched by id, so order does not matter. */
export function expectReport(actual: ReportLike, expected: ReportLike, tolerance = 1e-9): void {
  expectClose(actual.graph, expected.graph, tolerance, 'graph');
  const byId = new Map(actual.nodes.map((node) => [node.id, node]));
  expect(actual.nodes.length).toBe(expected.nodes.length);
  for (const node of expected.nodes) expectClose(byId.get(node.id), node, tolerance, `node ${node.id}`);
}
