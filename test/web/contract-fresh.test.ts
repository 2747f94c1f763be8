import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiTypes, openApiDocument, schemaFile } from '../../web/contract/api-types.js';

describe('the web app’s API types', () => {
  it('are what `npm run contract` makes of the server’s OpenAPI document today', async () => {
    const fresh = await apiTypes(await openApiDocument());
    const committed = readFileSync(schemaFile, 'utf8');
    // A failure here: a route changed without `npm run contract`; run it and commit web/src/api/schema.d.ts.
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run `npm run contract`').toBe(true);
  }, 60_000);
});
