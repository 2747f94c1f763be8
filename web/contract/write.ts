import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apiTypes, openApiDocument, schemaFile } from './api-types.js';

/** `npm run contract`: the server's OpenAPI document into dist/openapi.json, its types into schema.d.ts. */
const documentFile = fileURLToPath(new URL('../../dist/openapi.json', import.meta.url));
const document = await openApiDocument();
mkdirSync(fileURLToPath(new URL('../../dist', import.meta.url)), { recursive: true });
writeFileSync(documentFile, `${JSON.stringify(document, null, 2)}\n`);
writeFileSync(schemaFile, await apiTypes(document));
process.stdout.write(`wrote ${documentFile} and ${schemaFile}\n`);
