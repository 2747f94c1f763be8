import type { Kysely } from 'kysely';
import { defaultLocationPrecision, type LocationPrecision } from '../../domain/location-precision.js';
import type { Database } from '../schema.js';

/** An initiative's retention periods and location precision, as stored (no row: keep all, coordinates dropped). */
export interface PrivacyRow {
  initiative_id: string;
  identities_days: number | null;
  attendance_days: number | null;
  answers_days: number | null;
  location_precision: LocationPrecision;
  updated_at: string | null;
}

export async function getPrivacy(db: Kysely<Database>, initiativeId: string): Promise<PrivacyRow> {
  const row = await db
    .selectFrom('initiative_privacy')
    .selectAll()
    .where('initiative_id', '=', initiativeId)
    .executeTakeFirst();
  return (
    row ?? {
      initiative_id: initiativeId,
      identities_days: null,
      attendance_days: null,
      answers_days: null,
      location_precision: defaultLocationPrecision,
      updated_at: null,
    }
  );
}

export async function putPrivacy(
  db: Kysely<Database>,
  row: PrivacyRow & { updated_at: string },
): Promise<void> {
  const { initiative_id: _id, ...changes } = row;
  await db
    .insertInto('initiative_privacy')
    .values(row)
    .onConflict((oc) => oc.column('initiative_id').doUpdateSet(changes))
    .execute();
}

/** The settings of every initiative that keeps something for a limited time, in id order. */
export function listRetainingInitiatives(db: Kysely<Database>): Promise<PrivacyRow[]> {
  return db
    .selectFrom('initiative_privacy')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('identities_days', 'is not', null),
        eb('attendance_days', 'is not', null),
        eb('answers_days', 'is not', null),
      ]),
    )
    .orderBy('initiative_id')
    .execute();
}

/** The location precision of each initiative of a conflict (the default where none was chosen). */
export async function precisionsOfConflict(
  db: Kysely<Database>,
  conflictId: string,
): Promise<LocationPrecision[]> {
  const rows = await db
    .selectFrom('initiatives')
    .leftJoin('initiative_privacy', 'initiative_privacy.initiative_id', 'initiatives.id')
    .select('initiative_privacy.location_precision')
    .where('initiatives.conflict_id', '=', conflictId)
    .execute();
  return rows.map((row) => row.location_precision ?? defaultLocationPrecision);
}

export interface StoredPlace {
  id: string;
  latitude: number | null;
  longitude: number | null;
}

/** Meetings of the initiative that carry coordinates. */
export function meetingPlacesOf(db: Kysely<Database>, initiativeId: string): Promise<StoredPlace[]> {
  return db
    .selectFrom('meetings')
    .select(['id', 'latitude', 'longitude'])
    .where('initiative_id', '=', initiativeId)
    .where((eb) => eb.or([eb('latitude', 'is not', null), eb('longitude', 'is not', null)]))
    .orderBy('id')
    .execute();
}

/** Actors of the conflict that carry coordinates. */
export function actorPlacesOf(db: Kysely<Database>, conflictId: string): Promise<StoredPlace[]> {
  return db
    .selectFrom('actors')
    .select(['id', 'latitude', 'longitude'])
    .where('conflict_id', '=', conflictId)
    .where((eb) => eb.or([eb('latitude', 'is not', null), eb('longitude', 'is not', null)]))
    .orderBy('id')
    .execute();
}

/** Replaces stored coordinates (coarsening: the record's own `updated_at` is not its activity). */
export async function setCoordinates(
  db: Kysely<Database>,
  table: 'meetings' | 'actors',
  place: StoredPlace,
): Promise<void> {
  await db
    .updateTable(table)
    .set({ latitude: place.latitude, longitude: place.longitude })
    .where('id', '=', place.id)
    .execute();
}
