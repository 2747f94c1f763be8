import type { Kysely } from 'kysely';
import {
  coarsenPlace,
  coarsestPrecision,
  type LocationPrecision,
  type Place,
} from '../../domain/location-precision.js';
import * as repo from '../../store/repositories/privacy.js';
import type { Database } from '../../store/schema.js';

/**
 * Location coarsening on the way in, and of what is stored when an initiative lowers its precision. A
 * meeting's coordinates follow its initiative's precision; an actor's the coarsest precision of the
 * initiatives of its conflict (any of them may show the actor), the default when there are none.
 */

export interface Coordinates {
  latitude?: number | null;
  longitude?: number | null;
}

function coarsened<T extends Coordinates>(input: T, precision: LocationPrecision): T {
  if (input.latitude === undefined && input.longitude === undefined) return input;
  const place: Place = { area: null, latitude: input.latitude ?? null, longitude: input.longitude ?? null };
  const { latitude, longitude } = coarsenPlace(place, precision);
  return { ...input, latitude, longitude };
}

export async function precisionOfInitiative(
  db: Kysely<Database>,
  initiativeId: string,
): Promise<LocationPrecision> {
  return (await repo.getPrivacy(db, initiativeId)).location_precision;
}

export async function precisionOfConflict(
  db: Kysely<Database>,
  conflictId: string,
): Promise<LocationPrecision> {
  return coarsestPrecision(await repo.precisionsOfConflict(db, conflictId));
}

/** A meeting's fields with its coordinates no finer than its initiative allows. */
export async function coarsenMeetingInput<T extends Coordinates>(
  db: Kysely<Database>,
  initiativeId: string,
  input: T,
): Promise<T> {
  return coarsened(input, await precisionOfInitiative(db, initiativeId));
}

/** An actor's fields with its coordinates no finer than every initiative of its conflict allows. */
export async function coarsenActorInput<T extends Coordinates>(
  db: Kysely<Database>,
  conflictId: string,
  input: T,
): Promise<T> {
  return coarsened(input, await precisionOfConflict(db, conflictId));
}

async function coarsenStored(
  db: Kysely<Database>,
  table: 'meetings' | 'actors',
  places: readonly repo.StoredPlace[],
  precision: LocationPrecision,
): Promise<number> {
  let changed = 0;
  for (const place of places) {
    const next = coarsened(place, precision);
    if (next.latitude === place.latitude && next.longitude === place.longitude) continue;
    await repo.setCoordinates(db, table, next);
    changed += 1;
  }
  return changed;
}

/** Coarsens the stored coordinates of a conflict's actors to what its initiatives allow; returns how many changed. */
export async function coarsenConflictActors(db: Kysely<Database>, conflictId: string): Promise<number> {
  return coarsenStored(
    db,
    'actors',
    await repo.actorPlacesOf(db, conflictId),
    await precisionOfConflict(db, conflictId),
  );
}

/**
 * Coarsens what is stored to what the initiative (and its conflict) now allow: its meetings, and the actors
 * of its conflict. Returns how many records changed. Run it in the transaction that changed the precision
 * or opened an initiative.
 */
export async function coarsenStoredPlaces(
  db: Kysely<Database>,
  initiative: { id: string; conflict_id: string },
): Promise<{ meetings: number; actors: number }> {
  const meetings = await coarsenStored(
    db,
    'meetings',
    await repo.meetingPlacesOf(db, initiative.id),
    await precisionOfInitiative(db, initiative.id),
  );
  const actors = await coarsenStored(
    db,
    'actors',
    await repo.actorPlacesOf(db, initiative.conflict_id),
    await precisionOfConflict(db, initiative.conflict_id),
  );
  return { meetings, actors };
}
