/**
 * A conflict's map version (migration 0016_map_versions): a counter the database's own triggers raise on
 * every write to what the network analysis reads (actors, ties, divides, groups, memberships in groups,
 * the meetings behind ties and those meetings' ground rules). The measure cache is keyed by it.
 */
export interface ConflictMapVersionsTable {
  conflict_id: string;
  version: number;
  /** A random tag from when the row was made: versions of another database (or a restore) never collide. */
  epoch: string;
}

export interface MapVersionTables {
  conflict_map_versions: ConflictMapVersionsTable;
}
