import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import type {
  AgreementStage,
  BudgetLine,
  DatePrecision,
  Disbursement,
  Funder,
  PeaceIndicator,
  PeaceReport,
  Pledge,
  TrackOneEventKind,
} from '../../domain/track-one.js';
import { mapStoreErrors } from '../errors.js';
import { newId, nowIso } from '../ids.js';
import type { Database } from '../schema.js';

/** A Track-I event as stored, with all its parties (the service narrows who sees them). */
export interface StoredTrackOneEvent {
  id: string;
  conflict_id: string;
  kind: TrackOneEventKind;
  occurred_on: string;
  date_precision: DatePrecision;
  title: string;
  source: string;
  notes: string;
  agreement_stage: AgreementStage | null;
  gender_provisions: boolean | null;
  party_actor_ids: string[];
  created_at: string;
  updated_at: string;
}

export type TrackOneEventFields = Omit<
  StoredTrackOneEvent,
  'id' | 'conflict_id' | 'created_at' | 'updated_at'
>;

/** Every party must be an actor of the event's conflict. */
async function checkParties(
  db: Kysely<Database>,
  conflictId: string,
  actorIds: readonly string[],
): Promise<void> {
  if (actorIds.length === 0) return;
  const found = await db
    .selectFrom('actors')
    .select('id')
    .where('conflict_id', '=', conflictId)
    .where('id', 'in', [...actorIds])
    .execute();
  if (found.length !== actorIds.length) {
    const known = new Set(found.map((row) => row.id));
    throw new TrackTwoError('TT_ERR_PARTY_NOT_IN_CONFLICT', {
      field: 'party_actor_ids',
      actor_ids: actorIds.filter((id) => !known.has(id)),
    });
  }
}

async function partiesOf(db: Kysely<Database>, eventIds: readonly string[]): Promise<Map<string, string[]>> {
  const parties = new Map<string, string[]>();
  if (eventIds.length === 0) return parties;
  const rows = await db
    .selectFrom('track_one_event_parties')
    .select(['event_id', 'actor_id'])
    .where('event_id', 'in', [...eventIds])
    .orderBy('actor_id')
    .execute();
  for (const row of rows) parties.set(row.event_id, [...(parties.get(row.event_id) ?? []), row.actor_id]);
  return parties;
}

export async function listTrackOneEvents(
  db: Kysely<Database>,
  conflictId: string,
  period: { from?: string; to?: string } = {},
): Promise<StoredTrackOneEvent[]> {
  let query = db.selectFrom('track_one_events').selectAll().where('conflict_id', '=', conflictId);
  if (period.from) query = query.where('occurred_on', '>=', period.from);
  if (period.to) query = query.where('occurred_on', '<=', period.to);
  const rows = await query.orderBy('occurred_on').orderBy('id').execute();
  const parties = await partiesOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => ({
    ...row,
    gender_provisions: row.gender_provisions === null ? null : row.gender_provisions === 1,
    party_actor_ids: parties.get(row.id) ?? [],
  }));
}

export async function getTrackOneEvent(
  db: Kysely<Database>,
  id: string,
): Promise<StoredTrackOneEvent | undefined> {
  const row = await db.selectFrom('track_one_events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    ...row,
    gender_provisions: row.gender_provisions === null ? null : row.gender_provisions === 1,
    party_actor_ids: (await partiesOf(db, [id])).get(id) ?? [],
  };
}

async function writeParties(db: Kysely<Database>, eventId: string, actorIds: readonly string[]) {
  await db.deleteFrom('track_one_event_parties').where('event_id', '=', eventId).execute();
  if (actorIds.length > 0)
    await db
      .insertInto('track_one_event_parties')
      .values(actorIds.map((actor_id) => ({ event_id: eventId, actor_id })))
      .execute();
}

export async function createTrackOneEvent(
  db: Kysely<Database>,
  conflictId: string,
  fields: TrackOneEventFields,
): Promise<StoredTrackOneEvent> {
  await checkParties(db, conflictId, fields.party_actor_ids);
  const id = newId();
  const now = nowIso();
  const { party_actor_ids, gender_provisions, ...rest } = fields;
  await mapStoreErrors(
    () =>
      db
        .insertInto('track_one_events')
        .values({
          ...rest,
          id,
          conflict_id: conflictId,
          gender_provisions: gender_provisions === null ? null : gender_provisions ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute(),
    { record: 'Track-I event' },
  );
  await writeParties(db, id, party_actor_ids);
  return (await getTrackOneEvent(db, id))!;
}

export async function replaceTrackOneEvent(
  db: Kysely<Database>,
  current: StoredTrackOneEvent,
  fields: TrackOneEventFields,
): Promise<StoredTrackOneEvent> {
  await checkParties(db, current.conflict_id, fields.party_actor_ids);
  const { party_actor_ids, gender_provisions, ...rest } = fields;
  await mapStoreErrors(
    () =>
      db
        .updateTable('track_one_events')
        .set({
          ...rest,
          gender_provisions: gender_provisions === null ? null : gender_provisions ? 1 : 0,
          updated_at: nowIso(),
        })
        .where('id', '=', current.id)
        .execute(),
    { record: 'Track-I event' },
  );
  await writeParties(db, current.id, party_actor_ids);
  return (await getTrackOneEvent(db, current.id))!;
}

export async function deleteTrackOneEvent(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('track_one_events').where('id', '=', id).execute();
}

/** The conflict a transfer's initiative works in. */
export async function conflictOfTransfer(db: Kysely<Database>, transferId: string): Promise<string | null> {
  const row = await db
    .selectFrom('transfers')
    .innerJoin('outcomes', 'outcomes.id', 'transfers.outcome_id')
    .innerJoin('initiatives', 'initiatives.id', 'outcomes.initiative_id')
    .select('initiatives.conflict_id')
    .where('transfers.id', '=', transferId)
    .executeTakeFirst();
  return row?.conflict_id ?? null;
}

export async function setTransferTrackOneEvent(
  db: Kysely<Database>,
  transferId: string,
  eventId: string | null,
): Promise<void> {
  await db.deleteFrom('transfer_track_one_events').where('transfer_id', '=', transferId).execute();
  if (eventId)
    await db
      .insertInto('transfer_track_one_events')
      .values({ transfer_id: transferId, event_id: eventId })
      .execute();
}

export async function transferTrackOneEvent(
  db: Kysely<Database>,
  transferId: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('transfer_track_one_events')
    .select('event_id')
    .where('transfer_id', '=', transferId)
    .executeTakeFirst();
  return row?.event_id ?? null;
}

// --- peace indicators ---

export function listPeaceIndicators(
  db: Kysely<Database>,
  initiativeId: string,
  filter: { area?: string; month?: string } = {},
): Promise<PeaceIndicator[]> {
  let query = db
    .selectFrom('peace_indicators')
    .select(['id', 'initiative_id', 'area', 'month', 'kind', 'other_label', 'count', 'note', 'updated_at'])
    .where('initiative_id', '=', initiativeId);
  if (filter.area) query = query.where('area', '=', filter.area);
  if (filter.month) query = query.where('month', '=', filter.month);
  return query.orderBy('month').orderBy('area').orderBy('kind').orderBy('other_label').execute();
}

/** Writes one report: each entry replaces the count of its indicator for that area and month. */
export async function upsertPeaceReport(
  db: Kysely<Database>,
  initiativeId: string,
  accountId: string | null,
  report: PeaceReport,
): Promise<void> {
  const now = nowIso();
  for (const entry of report.entries) {
    await db
      .insertInto('peace_indicators')
      .values({
        id: newId(),
        initiative_id: initiativeId,
        area: report.area,
        month: report.month,
        kind: entry.kind,
        other_label: entry.other_label,
        count: entry.count,
        note: entry.note,
        entered_by: accountId,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc.columns(['initiative_id', 'area', 'month', 'kind', 'other_label']).doUpdateSet({
          count: entry.count,
          note: entry.note,
          entered_by: accountId,
          updated_at: now,
        }),
      )
      .execute();
  }
}

// --- resources ---

export function listFunders(db: Kysely<Database>, workspaceId: string): Promise<Funder[]> {
  return db
    .selectFrom('funders')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .orderBy('name')
    .execute();
}

export async function createFunder(db: Kysely<Database>, workspaceId: string, name: string): Promise<Funder> {
  const funder = { id: newId(), workspace_id: workspaceId, name, created_at: nowIso() };
  await mapStoreErrors(() => db.insertInto('funders').values(funder).execute(), { record: 'funder' });
  return funder;
}

export function funderInWorkspace(db: Kysely<Database>, funderId: string, workspaceId: string) {
  return db
    .selectFrom('funders')
    .select('id')
    .where('id', '=', funderId)
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
}

export function listBudgetLines(
  db: Kysely<Database>,
  initiativeIds: readonly string[],
): Promise<BudgetLine[]> {
  if (initiativeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('budget_lines')
    .selectAll()
    .where('initiative_id', 'in', [...initiativeIds])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function createBudgetLine(
  db: Kysely<Database>,
  initiativeId: string,
  input: { label: string; currency: string; amount: number },
): Promise<BudgetLine> {
  const line = { id: newId(), initiative_id: initiativeId, ...input, created_at: nowIso() };
  await db.insertInto('budget_lines').values(line).execute();
  return line;
}

export async function deleteBudgetLine(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('budget_lines').where('id', '=', id).execute();
}

export async function listPledges(db: Kysely<Database>, initiativeIds: readonly string[]): Promise<Pledge[]> {
  if (initiativeIds.length === 0) return [];
  const rows = await db
    .selectFrom('pledges')
    .innerJoin('funders', 'funders.id', 'pledges.funder_id')
    .selectAll('pledges')
    .select('funders.name as funder_name')
    .select((eb) =>
      eb
        .selectFrom('disbursements')
        .select((inner) =>
          inner.fn.coalesce(inner.fn.sum<number>('disbursements.amount'), inner.lit(0)).as('total'),
        )
        .whereRef('disbursements.pledge_id', '=', 'pledges.id')
        .as('disbursed'),
    )
    .where('pledges.initiative_id', 'in', [...initiativeIds])
    .orderBy('pledges.pledged_on')
    .orderBy('pledges.id')
    .execute();
  return rows.map((row) => ({ ...row, disbursed: Number(row.disbursed ?? 0), amount: Number(row.amount) }));
}

export async function getPledge(db: Kysely<Database>, id: string): Promise<Pledge | undefined> {
  const row = await db.selectFrom('pledges').select('initiative_id').where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return (await listPledges(db, [row.initiative_id])).find((pledge) => pledge.id === id);
}

export async function createPledge(
  db: Kysely<Database>,
  initiativeId: string,
  input: { funder_id: string; currency: string; amount: number; pledged_on: string; note: string },
): Promise<Pledge> {
  const id = newId();
  await mapStoreErrors(
    () =>
      db
        .insertInto('pledges')
        .values({ id, initiative_id: initiativeId, ...input, created_at: nowIso() })
        .execute(),
    { record: 'pledge' },
  );
  return (await getPledge(db, id))!;
}

export async function deletePledge(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('pledges').where('id', '=', id).execute();
}

export function listDisbursements(
  db: Kysely<Database>,
  initiativeIds: readonly string[],
): Promise<Disbursement[]> {
  if (initiativeIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('disbursements')
    .innerJoin('pledges', 'pledges.id', 'disbursements.pledge_id')
    .selectAll('disbursements')
    .where('pledges.initiative_id', 'in', [...initiativeIds])
    .orderBy('disbursements.disbursed_on')
    .orderBy('disbursements.id')
    .execute();
}

export async function createDisbursement(
  db: Kysely<Database>,
  pledgeId: string,
  input: { amount: number; disbursed_on: string },
): Promise<Disbursement> {
  const row = { id: newId(), pledge_id: pledgeId, ...input, created_at: nowIso() };
  await db.insertInto('disbursements').values(row).execute();
  return row;
}

/** The initiatives of a conflict (for its funding gap). */
export async function initiativesOfConflict(db: Kysely<Database>, conflictId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('initiatives')
    .select('id')
    .where('conflict_id', '=', conflictId)
    .execute();
  return rows.map((row) => row.id);
}
