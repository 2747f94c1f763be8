import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { workspaceDocumentSchema } from '../../interchange/workspace-json-schema.js';
import { exportGraph, type GraphFormat } from '../../services/interchange/index.js';
import { exportKumu } from '../../services/interchange/index.js';
import { exportResearch } from '../../services/interchange/index.js';
import { exportWorkspaceJson } from '../../services/interchange/index.js';
import { importKumu } from '../../services/interchange/index.js';
import { importWorkspaceJson } from '../../services/interchange/index.js';
import { defineRoute } from '../route.js';
import { idParams } from './params.js';
import { kumuImportedSchema, workspaceImportedSchema } from '../../domain/import-result.js';

/** `true`/`false` in a query string; anything else is a validation error, never a silent false. */
const queryFlag = z
  .enum(['true', 'false'])
  .default('false')
  .transform((value) => value === 'true');

const namesQuery = z.strictObject({
  names: queryFlag.describe('label actors with their names (needs the right to see names)'),
});

const kumuImportBody = z.strictObject({
  elements: z.string().min(1).describe("Kumu's elements sheet as CSV text: Label, Type, Role, Track, ..."),
  connections: z
    .string()
    .min(1)
    .describe("Kumu's connections sheet as CSV text: From, To, Type, Strength, ..."),
});

const graphMediaTypes: Record<GraphFormat, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
};

/**
 * Sends a file as an attachment. The file name holds only ids and fixed words: a conflict's or
 * workspace's name could identify a process, and a download's name ends up in browser histories.
 */
function attachment(reply: FastifyReply, mediaType: string, fileName: string): void {
  reply.type(mediaType);
  reply.header('content-disposition', `attachment; filename="${fileName}"`);
  // An export is a snapshot of sensitive records: no shared or browser cache keeps a copy.
  reply.header('cache-control', 'no-store');
}

/**
 * Import and export: Kumu's CSV layout, GraphML and GEXF, the whole-workspace JSON document and the
 * anonymised research export. Each route calls the same service as its `tracktwo import|export` command.
 */
export function registerInterchangeRoutes(app: FastifyInstance, importBodyLimit: number): void {
  const tag = 'import and export';
  defineRoute(app, {
    method: 'POST',
    url: '/api/conflicts/:id/import/kumu',
    summary:
      "Import Kumu's elements and connections (CSV text) into a conflict, all or nothing: a bad row " +
      'rejects both files with its file, row (header = row 1) and column in error.details',
    tag,
    access: 'actors.write',
    response: kumuImportedSchema,
    params: idParams,
    body: kumuImportBody,
    bodyLimit: importBodyLimit,
    status: 201,
    handler: async ({ params, body, request }) => {
      const imported = await importKumu(request.services, params.id, body.elements, body.connections);
      return { actors: imported.actors, ties: imported.ties, actor_ids: imported.actorIds };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/export/kumu',
    summary:
      "A conflict's actor map in Kumu's layout: the elements or the connections sheet as CSV. Labels are " +
      'pseudonyms unless names=true (conveners and facilitators)',
    tag,
    access: 'actors.read',
    response: null,
    params: idParams,
    query: namesQuery.extend({
      part: z.enum(['elements', 'connections']).default('elements').describe('which of the two sheets'),
    }),
    produces: ['text/csv'],
    handler: async ({ params, query, request, reply }) => {
      const files = await exportKumu(request.services, params.id, { withNames: query.names });
      attachment(reply, 'text/csv; charset=utf-8', `kumu-${query.part}-${params.id}.csv`);
      return files[query.part];
    },
  });
  for (const format of ['graphml', 'gexf'] as const) {
    defineRoute(app, {
      method: 'GET',
      url: `/api/conflicts/:id/export/${format}`,
      summary:
        `A conflict's actor map as ${format === 'graphml' ? 'GraphML' : 'GEXF'} (Gephi, yEd, Cytoscape). ` +
        'Nodes are pseudonyms unless names=true (conveners and facilitators)',
      tag,
      access: 'actors.read',
      response: null,
      params: idParams,
      query: namesQuery,
      produces: [graphMediaTypes[format].split(';')[0]],
      handler: async ({ params, query, request, reply }) => {
        const file = await exportGraph(request.services, params.id, format, { withNames: query.names });
        attachment(reply, graphMediaTypes[format], `actor-map-${params.id}.${format}`);
        return file;
      },
    });
  }
  defineRoute(app, {
    method: 'GET',
    url: '/api/workspaces/:id/export/json',
    summary:
      'The workspace as one JSON document, holding what your roles let you see; identities=true adds ' +
      'names, contacts and notes from the vault (refused unless your roles show names)',
    tag,
    access: 'workspace.read',
    response: null,
    params: idParams,
    query: z.strictObject({
      identities: queryFlag.describe('include the identity vault (names, contacts, notes)'),
    }),
    produces: ['application/json'],
    handler: async ({ params, query, request, reply }) => {
      const doc = await exportWorkspaceJson(request.services, params.id, {
        withIdentities: query.identities,
      });
      attachment(reply, 'application/json; charset=utf-8', `workspace-${params.id}.json`);
      return doc;
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/workspaces/import/json',
    summary:
      'Import a workspace JSON document (from GET /api/workspaces/{id}/export/json) as a new workspace, ' +
      'all or nothing, every id renewed; you become its administrator (workspace administrators)',
    tag,
    access: 'admin',
    response: workspaceImportedSchema,
    query: z.strictObject({
      name: z.string().trim().min(1).max(200).optional().describe('name of the new workspace'),
    }),
    body: workspaceDocumentSchema,
    bodyLimit: importBodyLimit,
    status: 201,
    handler: async ({ query, body, request }) => {
      const imported = await importWorkspaceJson(request.services, body, {
        ...(query.name ? { name: query.name } : {}),
      });
      return { workspace_id: imported.workspaceId, counts: imported.counts };
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/initiatives/:id/export/research',
    summary:
      'The anonymised research export of an initiative: fresh random ids, no names or free text, dates ' +
      'as months, actor rows k-anonymous and no count below k (k = 5 unless raised)',
    tag,
    access: 'export.research',
    response: null,
    params: idParams,
    query: z.strictObject({
      k: z.coerce.number().int().min(5).max(100).default(5).describe('smallest group size shown'),
    }),
    produces: ['application/json'],
    handler: async ({ params, query, request, reply }) => {
      const data = await exportResearch(request.services, params.id, { k: query.k });
      attachment(reply, 'application/json; charset=utf-8', `research-${params.id}.json`);
      return data;
    },
  });
}
