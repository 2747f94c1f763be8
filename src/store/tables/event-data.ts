import type { DatePrecision, EventSource } from '../../domain/violence-event.js';

/** An event of the violence around a process, as ACLED or UCDP published it (migration 0018_event_data). */
export interface ViolenceEventsTable {
  id: string;
  conflict_id: string;
  source: EventSource;
  /** ACLED's event_id_cnty, UCDP's id: unique per conflict and source. */
  source_id: string;
  event_date: string;
  date_precision: DatePrecision;
  event_type: string;
  sub_event_type: string | null;
  violence_type: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  fatalities: number;
  notes: string | null;
  /** The outlets the source cites (ACLED source, UCDP source_office). */
  reported_by: string | null;
  /** What tells a revised event: ACLED's timestamp, a digest of the row for UCDP. */
  revision: string;
  imported_at: string;
}

/** An actor name an event gives, in the source's spelling. */
export interface ViolenceEventActorsTable {
  event_id: string;
  position: number;
  conflict_id: string;
  name: string;
  side: string;
}

/** The convener's alias list: a source's actor name -> an actor of the map. */
export interface EventActorAliasesTable {
  id: string;
  conflict_id: string;
  name: string;
  actor_id: string;
  created_at: string;
}

export interface EventDataTables {
  violence_events: ViolenceEventsTable;
  violence_event_actors: ViolenceEventActorsTable;
  event_actor_aliases: EventActorAliasesTable;
}
