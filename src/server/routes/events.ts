import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { countedListOf, listOf } from '../../domain/list.js';
import {
  conflictContextSchema,
  eventAliasPutSchema,
  eventAliasSchema,
  eventFiltersSchema,
  eventImportBodySchema,
  eventsImportedSchema,
  unmatchedNameSchema,
  violenceEventSchema,
} from '../../domain/violence-event.js';
import * as events from '../../services/events/index.js';
import { defineRoute } from '../route.js';
import { countedPageAnswer } from './lists.js';
import { idParams, pageQuery } from './params.js';

/**
 * Event data of the violence around a process (ACLED, UCDP GED), its actor aliases and the context view
 * (issue #15). Each route calls the same service as its `tracktwo import acled|ucdp` or `events` command.
 */
export function registerEventRoutes(app: FastifyInstance, importBodyLimit: number): void {
  const tag = 'event data';
  defineRoute(app, {
    method: 'POST',
    url: '/api/conflicts/:id/import/acled',
    summary:
      "Import an ACLED CSV export into a conflict (and remove the events of ACLED's deletions file), all or " +
      'nothing: events are upserted by event_id_cnty, rewritten only when their timestamp changed; a bad row ' +
      'rejects the file with its row (header = row 1) and column in error.details',
    tag,
    access: 'events.write',
    response: eventsImportedSchema,
    params: idParams,
    body: eventImportBodySchema,
    bodyLimit: importBodyLimit,
    handler: ({ params, body, request }) =>
      events.importAcled(request.services, params.id, body.csv, {
        ...(body.deletions !== undefined ? { deletions: body.deletions } : {}),
      }),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/api/conflicts/:id/import/ucdp',
    summary:
      'Import a UCDP GED CSV export into a conflict, all or nothing: events are upserted by id; a bad row ' +
      'rejects the file with its row (header = row 1) and column in error.details',
    tag,
    access: 'events.write',
    response: eventsImportedSchema,
    params: idParams,
    body: eventImportBodySchema.omit({ deletions: true }),
    bodyLimit: importBodyLimit,
    handler: ({ params, body, request }) => events.importUcdp(request.services, params.id, body.csv),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/violence-events',
    summary:
      "A conflict's imported events in date order, by period (from, to) and admin1 area, each with the " +
      'actors of the map its names match through the alias list',
    tag,
    access: 'events.read',
    response: countedListOf(violenceEventSchema, 'the number of events the filters match'),
    params: idParams,
    query: pageQuery.extend(eventFiltersSchema.shape),
    handler: async ({ params, query, request }) => {
      const { limit, offset, ...filters } = query;
      return countedPageAnswer(
        await events.listViolenceEvents(request.services, params.id, filters, { limit, offset }),
      );
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/event-aliases',
    summary: 'The alias list: which actor of the map each name of the event data stands for',
    tag,
    access: 'events.read',
    response: listOf(eventAliasSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await events.listEventAliases(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'PUT',
    url: '/api/conflicts/:id/event-aliases',
    summary: 'Say which actor of the map a name of the event data stands for (replaces an earlier choice)',
    tag,
    access: 'events.write',
    response: eventAliasSchema,
    params: idParams,
    body: eventAliasPutSchema,
    handler: ({ params, body, request }) => events.putEventAlias(request.services, params.id, body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/api/conflicts/:id/event-aliases',
    summary: 'Remove the alias of a name: its events no longer name an actor of the map',
    tag,
    access: 'events.write',
    response: null,
    params: idParams,
    body: z.strictObject({
      name: z.string().trim().min(1).max(300).describe('the name as the source spells it'),
    }),
    status: 204,
    handler: ({ params, body, request }) => events.deleteEventAlias(request.services, params.id, body.name),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/event-aliases/unmatched',
    summary:
      'The names of the event data that no alias matches, with their events and fatalities (never guessed)',
    tag,
    access: 'events.read',
    response: listOf(unmatchedNameSchema),
    params: idParams,
    handler: async ({ params, request }) => ({
      items: await events.listUnmatchedNames(request.services, params.id),
    }),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/api/conflicts/:id/context',
    summary:
      'The context view: fatalities per month by admin1 area and violence type, with the official timeline ' +
      'and the Track-II meetings, outcomes and transfers as markers. It shows coincidence, not causation',
    tag,
    access: 'events.read',
    response: conflictContextSchema,
    params: idParams,
    query: eventFiltersSchema,
    handler: ({ params, query, request }) => events.conflictContext(request.services, params.id, query),
  });
}
