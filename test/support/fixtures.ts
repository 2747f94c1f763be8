import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The reference data kept in the checkout (test/fixtures, sources and licences in its ATTRIBUTION.md). */
export const fixturesDir = fileURLToPath(new URL('../fixtures/', import.meta.url));

export const fixture = (...parts: string[]) => path.join(fixturesDir, ...parts);
