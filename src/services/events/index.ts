import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { coarsenPlace, coarsestPrecision } from '../../domain/location-precision.js';
import type { PageOf } from '../../domain/scalars.js';
import type {
  ConflictContext,
  ContextMarker,
  EventAlias,
  EventFilters,
  EventsImported,
  ParsedEvent,
  ViolenceEvent,
} from '../../domain/violence-event.js';
import { readAcled, readAcledDeletions } from '../../interchange/acled.js';
import type { CsvInput } from '../../interchange/event-csv.js';
import { readUcdp } from '../../interchange/ucdp.js';
import { listVisibleInitiatives } from '../../security/access.js';
import { newId, nowIso } from '../../store/ids.js';
import { getActor } from '../../store/repositories/actors.js';
import { listConflictEvents } from '../../store/repositories/conflicts.js';
import { precisionsOfConflict } from '../../store/repositories/privacy.js';
import * as store from '../../store/repositories/violence-events.js';
import type { Database } from '../../store/schema.js';
import type { ViolenceEventActorsTable, ViolenceEventsTable } from '../../store/tables/event-data.js';
import { audit, grants, requireAccess } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';

export type ImportProgress = (rows: number) => void;

/** Rows written a batch at a time: memory stays flat however long the file is. */
const BATCH = 2_000;

interface ImportOptions {
  /** ACLED's deletions file: the events it names are removed. */
  deletions?: CsvInput;
  onProgress?: ImportProgress;
}

/**
 * Imports an ACLED or UCDP export into a conflict, all or nothing, streaming the file: rows are checked
 * and written in batches inside one transaction, so the first bad row (named by row and column) rolls
 * back every write of the import. A row whose event is stored already is rewritten only when its revision
 * (ACLED's timestamp, a digest of the UCDP row) changed. Coordinates are stored no finer than every
 * initiative of the conflict allows.
 */
async function importEvents(
  ctx: ServiceContext,
  conflictId: string,
  source: 'acled' | 'ucdp',
  events: AsyncIterable<ParsedEvent>,
  options: ImportOptions,
): Promise<EventsImported> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'events.write', { conflictId });
    const precision = coarsestPrecision(await precisionsOfConflict(trx, conflictId));
    const stored = await store.storedRevisions(trx, conflictId, source);
    const seen = new Set<string>();
    const names = new Set<string>();
    const counts = { rows: 0, added: 0, revised: 0, unchanged: 0, deleted: 0 };
    const importedAt = nowIso();
    let rows: ViolenceEventsTable[] = [];
    let actors: ViolenceEventActorsTable[] = [];
    let revisedIds: string[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      await store.writeEvents(trx, rows, actors, revisedIds);
      rows = [];
      actors = [];
      revisedIds = [];
    };
    for await (const event of events) {
      counts.rows += 1;
      const idColumn = source === 'acled' ? 'event_id_cnty' : 'id';
      if (seen.has(event.source_id)) {
        throw new TrackTwoError('TT_ERR_CSV_BAD_VALUE', {
          row: event.row,
          column: idColumn,
          reason: `row ${event.row}, column "${idColumn}": event ${event.source_id} appears twice in the file`,
        });
      }
      seen.add(event.source_id);
      for (const actor of event.actors) names.add(actor.name);
      const before = stored.get(event.source_id);
      if (before && before.revision === event.revision) {
        counts.unchanged += 1;
        continue;
      }
      const id = before?.id ?? newId();
      if (before) {
        counts.revised += 1;
        revisedIds.push(id);
      } else counts.added += 1;
      const place = coarsenPlace(
        { area: event.admin1, latitude: event.latitude, longitude: event.longitude },
        precision,
      );
      rows.push({
        id,
        conflict_id: conflictId,
        source,
        source_id: event.source_id,
        event_date: event.event_date,
        date_precision: event.date_precision,
        event_type: event.event_type,
        sub_event_type: event.sub_event_type,
        violence_type: event.violence_type,
        admin1: event.admin1,
        admin2: event.admin2,
        location: event.location,
        latitude: place.latitude,
        longitude: place.longitude,
        fatalities: event.fatalities,
        notes: event.notes,
        reported_by: event.reported_by,
        revision: event.revision,
        imported_at: importedAt,
      });
      event.actors.forEach((actor, position) =>
        actors.push({ event_id: id, position, conflict_id: conflictId, name: actor.name, side: actor.side }),
      );
      if (rows.length >= BATCH) await flush();
      if (counts.rows % 10_000 === 0) options.onProgress?.(counts.rows);
    }
    await flush();
    if (options.deletions !== undefined) {
      if (source !== 'acled') {
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: 'deletions',
          reason: 'only ACLED publishes deletions',
        });
      }
      let pending: string[] = [];
      for await (const deletion of readAcledDeletions(options.deletions)) {
        pending.push(deletion.sourceId);
        if (pending.length >= BATCH) {
          counts.deleted += await store.deleteEvents(trx, conflictId, source, pending);
          pending = [];
        }
      }
      counts.deleted += await store.deleteEvents(trx, conflictId, source, pending);
    }
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      `events.import.${source}`,
      'conflict',
      conflictId,
      grant.workspaceId,
    );
    const aliased = new Set((await store.listAliases(trx, conflictId)).map((alias) => alias.name));
    options.onProgress?.(counts.rows);
    return {
      source,
      ...counts,
      unmatched_names: [...names].filter((name) => !aliased.has(name)).sort(),
    };
  });
}

export function importAcled(
  ctx: ServiceContext,
  conflictId: string,
  file: CsvInput,
  options: ImportOptions = {},
): Promise<EventsImported> {
  return importEvents(ctx, conflictId, 'acled', readAcled(file), options);
}

export function importUcdp(
  ctx: ServiceContext,
  conflictId: string,
  file: CsvInput,
  options: Omit<ImportOptions, 'deletions'> = {},
): Promise<EventsImported> {
  return importEvents(ctx, conflictId, 'ucdp', readUcdp(file), options);
}

function checkPeriod(filters: EventFilters): void {
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: 'to', reason: 'the period ends before it starts' });
  }
}

/** A conflict's events, by period and area, each with the actors its names match through the aliases. */
export async function listViolenceEvents(
  ctx: ServiceContext,
  conflictId: string,
  filters: EventFilters,
  page: { limit: number; offset: number },
): Promise<PageOf<ViolenceEvent>> {
  checkPeriod(filters);
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'events.read', { conflictId });
    const found = await store.listEvents(trx, conflictId, filters, page);
    return {
      items: found.items.map(
        ({ event_date, imported_at: _imported, actor_names, ...event }): ViolenceEvent => ({
          ...event,
          date: event_date,
          actor_names,
          actors: [...new Set(actor_names.flatMap((a) => (a.actor_id ? [a.actor_id] : [])))],
        }),
      ),
      total: found.total,
      limit: page.limit,
      offset: page.offset,
    };
  });
}

export async function listEventAliases(ctx: ServiceContext, conflictId: string): Promise<EventAlias[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'events.read', { conflictId });
    return store.listAliases(trx, conflictId);
  });
}

/** Says which actor of the map a source's name stands for; the actor must be of the same conflict. */
export async function putEventAlias(
  ctx: ServiceContext,
  conflictId: string,
  input: { name: string; actor_id: string },
): Promise<EventAlias> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'events.write', { conflictId });
    const actor = await getActor(trx, input.actor_id);
    if (!actor || actor.conflict_id !== conflictId) {
      throw new TrackTwoError('TT_ERR_VALIDATION', {
        field: 'actor_id',
        reason: 'not an actor of this conflict',
      });
    }
    const alias = await store.putAlias(trx, {
      id: newId(),
      conflict_id: conflictId,
      name: input.name,
      actor_id: input.actor_id,
      created_at: nowIso(),
    });
    await audit(trx, ctx.keys, ctx.auth, 'event_alias.put', 'event_alias', alias.id, grant.workspaceId);
    return alias;
  });
}

export async function deleteEventAlias(ctx: ServiceContext, conflictId: string, name: string): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'events.write', { conflictId });
    const id = await store.deleteAlias(trx, conflictId, name);
    if (!id) throw new TrackTwoError('TT_ERR_NOT_FOUND', { reason: `no alias "${name}"` });
    await audit(trx, ctx.keys, ctx.auth, 'event_alias.delete', 'event_alias', id, grant.workspaceId);
  });
}

export async function listUnmatchedNames(
  ctx: ServiceContext,
  conflictId: string,
): Promise<{ name: string; events: number; fatalities: number }[]> {
  return inTransaction(ctx, async (trx) => {
    await requireAccess(trx, ctx.auth, 'events.read', { conflictId });
    return store.unmatchedNames(trx, conflictId);
  });
}

const monthOf = (date: string) => date.slice(0, 7);
const inPeriod = (date: string, filters: EventFilters) =>
  (!filters.from || date >= filters.from) && (!filters.to || date <= filters.to);

/**
 * The markers beside the chart: the official timeline of the conflict, and the meetings, outcomes and
 * transfers of each initiative of the conflict the caller may read them in. This list is the seam where
 * other dated records (the Track-I timeline of issue #15) join the view.
 */
async function contextMarkers(
  trx: Kysely<Database>,
  ctx: ServiceContext,
  conflictId: string,
  workspaceId: string,
  filters: EventFilters,
): Promise<ContextMarker[]> {
  const markers: ContextMarker[] = [];
  const add = (kind: string, date: string, label: string, initiativeId: string | null) => {
    if (inPeriod(date, filters))
      markers.push({ kind, date, month: monthOf(date), label, initiative_id: initiativeId });
  };
  for (const event of await listConflictEvents(trx, conflictId))
    add('track_one', event.occurred_on, event.title, null);
  const initiatives = (await listVisibleInitiatives(trx, ctx.auth, { workspaceId })).filter(
    (initiative) => initiative.conflictId === conflictId,
  );
  for (const initiative of initiatives) {
    if (grants(initiative, 'meetings.read')) {
      const meetings = await trx
        .selectFrom('meetings')
        .select(['held_on', 'title'])
        .where('initiative_id', '=', initiative.id)
        .execute();
      for (const meeting of meetings) add('meeting', meeting.held_on, meeting.title, initiative.id);
    }
    if (grants(initiative, 'outcomes.read')) {
      const outcomes = await trx
        .selectFrom('outcomes')
        .select(['id', 'title', 'created_at'])
        .where('initiative_id', '=', initiative.id)
        .execute();
      for (const outcome of outcomes)
        add('outcome', outcome.created_at.slice(0, 10), outcome.title, initiative.id);
      const transfers = await trx
        .selectFrom('transfers')
        .innerJoin('outcomes', 'outcomes.id', 'transfers.outcome_id')
        .select(['transfers.handed_on', 'outcomes.title'])
        .where('outcomes.initiative_id', '=', initiative.id)
        .execute();
      for (const transfer of transfers) add('transfer', transfer.handed_on, transfer.title, initiative.id);
    }
  }
  return markers.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
}

/** Every month from the first to the last, so the chart's axis has no gaps. */
function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    if (out.length > 1200) break;
  }
  return out;
}

/**
 * The context view of a conflict: fatalities per month by admin1 area and violence type, with the
 * Track-II work and the official timeline as markers. It shows what happened at the same time, never why.
 */
export async function conflictContext(
  ctx: ServiceContext,
  conflictId: string,
  filters: EventFilters,
): Promise<ConflictContext> {
  checkPeriod(filters);
  return inTransaction(ctx, async (trx) => {
    const grant = await requireAccess(trx, ctx.auth, 'events.read', { conflictId });
    const cells = await store.fatalityCells(trx, conflictId, filters);
    const markers = await contextMarkers(trx, ctx, conflictId, grant.workspaceId, filters);
    const dated = [...cells.map((c) => c.month), ...markers.map((m) => m.month)].sort();
    return {
      conflict_id: conflictId,
      months: dated.length > 0 ? monthsBetween(dated[0], dated[dated.length - 1]) : [],
      areas: await store.eventAreas(trx, conflictId),
      violence_types: [...new Set(cells.map((c) => c.violence_type))].sort(),
      cells,
      markers,
      totals: {
        events: cells.reduce((sum, c) => sum + c.events, 0),
        fatalities: cells.reduce((sum, c) => sum + c.fatalities, 0),
      },
    };
  });
}
