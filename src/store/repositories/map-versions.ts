import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * A conflict's map version as the database keeps it (migration 0016_map_versions): `epoch.version`,
 * raised by triggers on every write the network analysis can see; null for an unknown conflict.
 */
export async function getMapVersion(db: Kysely<Database>, conflictId: string): Promise<string | null> {
  const row = await db
    .selectFrom('conflict_map_versions')
    .select(['version', 'epoch'])
    .where('conflict_id', '=', conflictId)
    .executeTakeFirst();
  return row ? `${row.epoch}.${Number(row.version)}` : null;
}

/** The versions of these conflicts (those with a row), for the measure warmer's poll. */
export async function getMapVersions(
  db: Kysely<Database>,
  conflictIds: readonly string[],
): Promise<Map<string, string>> {
  const versions = new Map<string, string>();
  if (conflictIds.length === 0) return versions;
  const rows = await db
    .selectFrom('conflict_map_versions')
    .select(['conflict_id', 'version', 'epoch'])
    .where('conflict_id', 'in', [...conflictIds])
    .execute();
  for (const row of rows) versions.set(row.conflict_id, `${row.epoch}.${Number(row.version)}`);
  return versions;
}
