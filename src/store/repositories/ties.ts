import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { PageOf } from '../../domain/scalars.js';
import { storedEnds } from '../../domain/met-ties.js';
import type { ActorScope } from '../../domain/tie-checks.js';
import type { Tie } from '../../domain/tie.js';
import type { GroundRule, TieKind, TieSource } from '../../domain/vocabulary.js';
import { mapStoreErrors } from '../errors.js';
import { chunks } from './chunks.js';
import { onlyColumns } from './columns.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';
import type { TiesTable } from '../tables/core.js';

export interface TieChanges {
  kind?: TieKind;
  directed?: boolean;
  strength?: number;
  valid_from?: string | null;
  valid_to?: string | null;
  source?: TieSource;
  confidence?: number;
}

export interface NewTie extends TieChanges {
  id?: string;
  workspace_id: string;
  conflict_id: string;
  source_actor_id: string;
  target_actor_id: string;
  kind: TieKind;
  created_at?: string;
}

export interface TieListFilter {
  conflict_id?: string;
  /** Ties with this actor at either end. */
  actor_id?: string;
  kind?: TieKind;
  /** Ties valid on this day; an open bound counts as valid. */
  as_of?: string;
  min_confidence?: number;
  min_strength?: number;
  limit?: number;
  offset?: number;
}

/**
 * Which meetings count as evidence a reader may see, so that `meeting` ties resting on other meetings
 * only are left out (the rule itself lives in services/tie-visibility.ts). Per ground rule: every meeting
 * of that rule (`'all'`), or those of the listed initiatives. Ties of another source are never left out;
 * a `meeting` tie with no recorded meeting counts as resting on none it may see.
 */
export type MeetingEvidenceFilter = Array<{
  groundRule: GroundRule;
  initiativeIds: readonly string[] | 'all';
}>;

function toTie(row: Selectable<TiesTable>): Tie {
  return { ...row, directed: row.directed === 1 };
}

/**
 * The condition a readable tie meets: not of source `meeting`, or with at least one recorded meeting
 * that `evidence` admits. One correlated subquery, so a page of ties costs one statement.
 */
function readableTie(evidence: MeetingEvidenceFilter) {
  const admitted = evidence.filter(
    ({ initiativeIds }) => initiativeIds === 'all' || initiativeIds.length > 0,
  );
  return (eb: ExpressionBuilder<Database, 'ties'>) => {
    if (admitted.length === 0) return eb('ties.source', '<>', 'meeting');
    return eb.or([
      eb('ties.source', '<>', 'meeting'),
      eb.exists(
        eb
          .selectFrom('tie_meetings')
          .innerJoin('meetings', 'meetings.id', 'tie_meetings.meeting_id')
          .select('tie_meetings.meeting_id')
          .whereRef('tie_meetings.tie_id', '=', 'ties.id')
          .where((inner) =>
            inner.or(
              admitted.map(({ groundRule, initiativeIds }) =>
                initiativeIds === 'all'
                  ? inner('meetings.ground_rule', '=', groundRule)
                  : inner.and([
                      inner('meetings.ground_rule', '=', groundRule),
                      inner('meetings.initiative_id', 'in', [...initiativeIds]),
                    ]),
              ),
            ),
          ),
      ),
    ]);
  };
}

/** 14 columns x 300 rows stays under both engines' bound-parameter limits. */
const INSERT_CHUNK = 300;

/** Where each of these actors lies (workspace and conflict); an id with no actor is left out. */
export async function actorScopes(
  db: Kysely<Database>,
  actorIds: readonly string[],
): Promise<Map<string, ActorScope>> {
  const scopes = new Map<string, ActorScope>();
  for (const chunk of chunks([...new Set(actorIds)])) {
    const rows = await db
      .selectFrom('actors')
      .select(['id', 'workspace_id', 'conflict_id'])
      .where('id', 'in', chunk)
      .execute();
    for (const { id, ...scope } of rows) scopes.set(id, scope);
  }
  return scopes;
}

/**
 * Inserts many ties in a few statements. All or nothing when run in a transaction; the ends are the
 * caller's to check (checkTieScope), the database refuses only what its constraints name.
 */
export async function insertTies(db: Kysely<Database>, inputs: readonly NewTie[]): Promise<Tie[]> {
  if (inputs.length === 0) return [];
  const at = nowIso();
  const rows: TiesTable[] = inputs.map((input) => {
    const { source_actor_id, target_actor_id, directed } = storedEnds(input);
    return {
      id: input.id ?? newId(),
      workspace_id: input.workspace_id,
      conflict_id: input.conflict_id,
      source_actor_id,
      target_actor_id,
      kind: input.kind,
      directed: directed ? 1 : 0,
      strength: input.strength ?? 1,
      valid_from: input.valid_from ?? null,
      valid_to: input.valid_to ?? null,
      source: input.source ?? 'reported',
      confidence: input.confidence ?? 1,
      created_at: input.created_at ?? at,
      updated_at: input.created_at ?? at,
    };
  });
  for (const chunk of chunks(rows, INSERT_CHUNK)) {
    await mapStoreErrors(() => db.insertInto('ties').values(chunk).execute(), { record: 'tie' });
  }
  return rows.map(toTie);
}

export async function createTie(db: Kysely<Database>, input: NewTie): Promise<Tie> {
  const [tie] = await insertTies(db, [input]);
  return tie;
}

/** The tie, or undefined; with `evidence`, also undefined when the tie rests on meetings it does not admit. */
export async function getTie(
  db: Kysely<Database>,
  id: string,
  evidence?: MeetingEvidenceFilter,
): Promise<Tie | undefined> {
  let query = db.selectFrom('ties').selectAll('ties').where('ties.id', '=', id);
  if (evidence) query = query.where(readableTie(evidence));
  const row = await query.executeTakeFirst();
  return row && toTie(row);
}

/** A page of a workspace's ties, oldest first; `total` counts every match. */
export async function listTies(
  db: Kysely<Database>,
  workspaceId: string,
  filter: TieListFilter = {},
  evidence?: MeetingEvidenceFilter,
): Promise<PageOf<Tie>> {
  const limit = filter.limit ?? 1000;
  const offset = filter.offset ?? 0;
  let query = db.selectFrom('ties').where('workspace_id', '=', workspaceId);
  if (evidence) query = query.where(readableTie(evidence));
  if (filter.conflict_id) query = query.where('conflict_id', '=', filter.conflict_id);
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.actor_id) {
    const actorId = filter.actor_id;
    query = query.where((eb) =>
      eb.or([eb('source_actor_id', '=', actorId), eb('target_actor_id', '=', actorId)]),
    );
  }
  if (filter.as_of) {
    const day = filter.as_of;
    query = query
      .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', day)]))
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', day)]));
  }
  if (filter.min_confidence !== undefined) query = query.where('confidence', '>=', filter.min_confidence);
  if (filter.min_strength !== undefined) query = query.where('strength', '>=', filter.min_strength);
  const counted = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll('ties')
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  return { items: rows.map(toTie), total: Number(counted.n), limit, offset };
}

export async function updateTie(
  db: Kysely<Database>,
  id: string,
  changes: TieChanges,
): Promise<Tie | undefined> {
  const { directed } = changes;
  const fields = onlyColumns(changes, ['kind', 'strength', 'valid_from', 'valid_to', 'source', 'confidence']);
  await mapStoreErrors(
    () =>
      db
        .updateTable('ties')
        .set({
          ...fields,
          ...(directed !== undefined ? { directed: directed ? (1 as const) : (0 as const) } : {}),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute(),
    { record: 'tie' },
  );
  return getTie(db, id);
}

export async function deleteTie(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('ties').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The `met` ties of a conflict between any two of `actorIds`. */
export async function listMetTiesAmong(
  db: Kysely<Database>,
  conflictId: string,
  actorIds: readonly string[],
): Promise<Tie[]> {
  const ties: Tie[] = [];
  for (let start = 0; start < actorIds.length; start += 400) {
    const rows = await db
      .selectFrom('ties')
      .selectAll()
      .where('conflict_id', '=', conflictId)
      .where('kind', '=', 'met')
      .where('source_actor_id', 'in', actorIds.slice(start, start + 400))
      .where('target_actor_id', 'in', [...actorIds])
      .execute();
    ties.push(...rows.map(toTie));
  }
  return ties;
}

/** Sets a tie's strength and dates (a `met` tie met again). */
export async function setTieStrength(
  db: Kysely<Database>,
  id: string,
  fields: { strength: number; valid_from: string | null; valid_to: string | null },
): Promise<void> {
  const strengthen = db
    .updateTable('ties')
    .set({ ...fields, updated_at: nowIso() })
    .where('id', '=', id);
  await mapStoreErrors(() => strengthen.execute(), { record: 'tie' });
}

/** Notes that `meetingId` made or strengthened these ties; a pair already noted for it stays as it is. */
export async function recordTieMeetings(db: Kysely<Database>, tieIds: readonly string[], meetingId: string) {
  // 2 columns a row: 400 rows stay well under SQLite's bound-parameter limit.
  for (let start = 0; start < tieIds.length; start += 400) {
    const rows = tieIds.slice(start, start + 400).map((tie_id) => ({ tie_id, meeting_id: meetingId }));
    await mapStoreErrors(
      () =>
        db
          .insertInto('tie_meetings')
          .values(rows)
          .onConflict((oc) => oc.columns(['tie_id', 'meeting_id']).doNothing())
          .execute(),
      { record: 'tie' },
    );
  }
}
