import type {
  ActorKind,
  ActorRole,
  AttendanceRole,
  ConflictEventKind,
  Gender,
  GroundRule,
  MeetingStatus,
  OutcomeKind,
  TieKind,
  TieSource,
  Track,
  TransferStatus,
} from '../../domain/vocabulary.js';

/**
 * The research export's anonymisation, pure so that it can be tested on its own. What leaves:
 * - fresh random ids for every record, new on every export (no pseudonym, no database id);
 * - no names, no free text (titles, aims, notes, places, regions), dates coarsened to months;
 * - no attendance of Chatham House or closed meetings, and no `met` ties (they would reveal it);
 * - actor rows k-anonymous over (kind, role, track, gender, groups): attributes are suppressed, role
 *   first, until every combination is shared by at least k actors;
 * - aggregate tables with every count below k suppressed (null). Absent combinations are not listed.
 */
export const researchFormat = 'tracktwo.research';
export const researchVersion = 1;
export const defaultK = 5;

export interface ResearchSource {
  divides: { id: string; name: string; groups: { id: string; name: string }[] }[];
  actors: {
    id: string;
    kind: ActorKind;
    role: ActorRole;
    track: Track;
    gender: Gender | null;
    groups: { divide_id: string; group_id: string }[];
  }[];
  ties: {
    source_actor_id: string;
    target_actor_id: string;
    kind: TieKind;
    directed: boolean;
    strength: number;
    valid_from: string | null;
    valid_to: string | null;
    source: TieSource;
    confidence: number;
  }[];
  initiatives: { id: string; started_on: string | null; ended_on: string | null }[];
  meetings: {
    id: string;
    initiative_id: string;
    held_on: string;
    ground_rule: GroundRule;
    status: MeetingStatus;
    attendances: { actor_id: string; role: AttendanceRole }[];
  }[];
  outcomes: { id: string; initiative_id: string; meeting_id: string | null; kind: OutcomeKind }[];
  transfers: {
    outcome_id: string;
    status: TransferStatus;
    handed_on: string;
    status_on: string;
    recipient_count: number;
  }[];
  events: { kind: ConflictEventKind; occurred_on: string }[];
}

type Count = number | null;

export interface ResearchExport {
  format: typeof researchFormat;
  version: typeof researchVersion;
  k: number;
  notice: string;
  divides: { name: string; groups: string[] }[];
  actors: {
    id: string;
    kind: ActorKind;
    role: ActorRole | null;
    track: Track | null;
    gender: Gender | null;
    groups: Record<string, string | null>;
  }[];
  ties: {
    source: string;
    target: string;
    kind: TieKind;
    directed: boolean;
    strength: number;
    valid_from: string | null;
    valid_to: string | null;
    source_kind: TieSource;
    confidence: number;
  }[];
  initiatives: { id: string; started: string | null; ended: string | null }[];
  meetings: {
    id: string;
    initiative: string;
    month: string;
    ground_rule: GroundRule;
    status: MeetingStatus;
    attendees: Count;
  }[];
  /** Open meetings only. */
  attendances: { meeting: string; actor: string; role: AttendanceRole }[];
  outcomes: { id: string; initiative: string; meeting: string | null; kind: OutcomeKind }[];
  transfers: {
    outcome: string;
    status: TransferStatus;
    handed: string;
    status_month: string;
    recipients: Count;
  }[];
  events: { kind: ConflictEventKind; month: string }[];
  tables: {
    actors_by_track_and_gender: { track: Track; gender: Gender | 'organisation'; count: Count }[];
    actors_by_role: { role: ActorRole; count: Count }[];
    actors_by_group: { divide: string; group: string; count: Count }[];
    ties_between_groups: { divide: string; from_group: string; to_group: string; count: Count }[];
    open_attendance_by_gender: { gender: Gender; count: Count }[];
  };
}

const month = (date: string) => date.slice(0, 7);
const monthOrNull = (date: string | null) => (date === null ? null : month(date));

/** A count as published: below k it is withheld. */
export function suppressSmall(count: number, k: number): Count {
  return count < k ? null : count;
}

function countBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

/**
 * Local suppression to k-anonymity: actors whose combination of quasi-identifiers is shared by fewer
 * than k actors lose the next attribute in `order`, until every combination is shared by k or all of
 * its attributes are gone. Returns, for each actor, how many attributes of `order` are suppressed.
 */
export function kAnonymousLevels(
  rows: readonly (readonly (string | null)[])[],
  k: number,
  fixed: readonly string[] = rows.map(() => ''),
): number[] {
  const width = rows[0]?.length ?? 0;
  const levels = rows.map(() => 0);
  const visible = (i: number) => [fixed[i], ...rows[i].map((value, a) => (a < levels[i] ? null : value))];
  for (let round = 0; round <= width; round++) {
    const keys = rows.map((_, i) => JSON.stringify(visible(i)));
    const sizes = countBy(keys, (key) => key);
    let changed = false;
    keys.forEach((key, i) => {
      if ((sizes.get(key) ?? 0) < k && levels[i] < width) {
        levels[i]++;
        changed = true;
      }
    });
    if (!changed) break;
  }
  return levels;
}

export function anonymiseForResearch(
  source: ResearchSource,
  options: { k?: number; newId: () => string },
): ResearchExport {
  const k = options.k ?? defaultK;
  const ids = new Map<string, string>();
  const idOf = (id: string) => {
    let fresh = ids.get(id);
    if (fresh === undefined) {
      fresh = options.newId();
      ids.set(id, fresh);
    }
    return fresh;
  };
  const groupName = new Map(source.divides.flatMap((d) => d.groups.map((g) => [g.id, g.name] as const)));
  const groupsOf = (actor: ResearchSource['actors'][number]) =>
    Object.fromEntries(
      source.divides.map((d) => {
        const membership = actor.groups.find((g) => g.divide_id === d.id);
        return [d.name, membership ? (groupName.get(membership.group_id) ?? null) : null];
      }),
    ) as Record<string, string | null>;

  // Quasi-identifiers in the order they are given up: role first, track last.
  const quasi = source.actors.map((actor) => {
    const groups = groupsOf(actor);
    return [actor.role, actor.gender, ...source.divides.map((d) => groups[d.name]), actor.track];
  });
  const levels = kAnonymousLevels(
    quasi,
    k,
    source.actors.map((a) => a.kind),
  );
  // Rows go out in random order too: the database's order would hint at who was entered when.
  const order = source.actors
    .map((actor, i) => ({ actor, i, id: idOf(actor.id) }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const actors = order.map(({ actor, i }) => {
    const shown = quasi[i].map((value, a) => (a < levels[i] ? null : value));
    const groups: Record<string, string | null> = {};
    source.divides.forEach((d, index) => (groups[d.name] = shown[2 + index]));
    return {
      id: idOf(actor.id),
      kind: actor.kind,
      role: shown[0] as ActorRole | null,
      track: shown[shown.length - 1] as Track | null,
      gender: shown[1] as Gender | null,
      groups,
    };
  });

  const known = new Set(source.actors.map((a) => a.id));
  const ties = source.ties
    .filter((t) => t.source !== 'meeting' && known.has(t.source_actor_id) && known.has(t.target_actor_id))
    .map((t) => ({
      source: idOf(t.source_actor_id),
      target: idOf(t.target_actor_id),
      kind: t.kind,
      directed: t.directed,
      strength: t.strength,
      valid_from: monthOrNull(t.valid_from),
      valid_to: monthOrNull(t.valid_to),
      source_kind: t.source,
      confidence: t.confidence,
    }))
    .sort((a, b) => (a.source + a.target < b.source + b.target ? -1 : 1));

  const openMeetings = source.meetings.filter((m) => m.ground_rule === 'open');
  const openAttendance = openMeetings.flatMap((m) => m.attendances.filter((a) => known.has(a.actor_id)));
  const actorById = new Map(source.actors.map((a) => [a.id, a]));

  const tables: ResearchExport['tables'] = {
    actors_by_track_and_gender: [...countBy(source.actors, (a) => `${a.track}|${a.gender ?? 'organisation'}`)]
      .sort()
      .map(([key, count]) => {
        const [track, gender] = key.split('|');
        return {
          track: track as Track,
          gender: gender as Gender | 'organisation',
          count: suppressSmall(count, k),
        };
      }),
    actors_by_role: [...countBy(source.actors, (a) => a.role)]
      .sort()
      .map(([role, count]) => ({ role: role as ActorRole, count: suppressSmall(count, k) })),
    actors_by_group: source.divides.flatMap((d) =>
      [...countBy(source.actors, (a) => a.groups.find((g) => g.divide_id === d.id)?.group_id ?? null)]
        .map(([group, count]) => ({
          divide: d.name,
          group: groupName.get(group) ?? '',
          count: suppressSmall(count, k),
        }))
        .sort((a, b) => a.group.localeCompare(b.group)),
    ),
    ties_between_groups: source.divides.flatMap((d) => {
      const groupOf = (id: string) =>
        actorById.get(id)?.groups.find((g) => g.divide_id === d.id)?.group_id ?? null;
      const counts = countBy(
        source.ties.filter((t) => t.source !== 'meeting'),
        (t) => {
          const a = groupOf(t.source_actor_id);
          const b = groupOf(t.target_actor_id);
          if (a === null || b === null) return null;
          const [x, y] = [groupName.get(a) ?? '', groupName.get(b) ?? ''].sort();
          return `${x}|${y}`;
        },
      );
      return [...counts].sort().map(([key, count]) => {
        const [from, to] = key.split('|');
        return { divide: d.name, from_group: from, to_group: to, count: suppressSmall(count, k) };
      });
    }),
    open_attendance_by_gender: [...countBy(openAttendance, (a) => actorById.get(a.actor_id)?.gender ?? null)]
      .sort()
      .map(([gender, count]) => ({ gender: gender as Gender, count: suppressSmall(count, k) })),
  };

  return {
    format: researchFormat,
    version: researchVersion,
    k,
    notice:
      'Anonymised research export: random ids new to this file, no names or free text, dates as months, ' +
      'no attendance of Chatham House or closed meetings, actor attributes and counts below k suppressed (null).',
    divides: source.divides.map((d) => ({ name: d.name, groups: d.groups.map((g) => g.name) })),
    actors,
    ties,
    initiatives: source.initiatives.map((i) => ({
      id: idOf(i.id),
      started: monthOrNull(i.started_on),
      ended: monthOrNull(i.ended_on),
    })),
    meetings: source.meetings.map((m) => ({
      id: idOf(m.id),
      initiative: idOf(m.initiative_id),
      month: month(m.held_on),
      ground_rule: m.ground_rule,
      status: m.status,
      attendees: m.attendances.length === 0 ? 0 : suppressSmall(m.attendances.length, k),
    })),
    attendances: openMeetings.flatMap((m) =>
      m.attendances
        .filter((a) => known.has(a.actor_id))
        .map((a) => ({ meeting: idOf(m.id), actor: idOf(a.actor_id), role: a.role })),
    ),
    outcomes: source.outcomes.map((o) => ({
      id: idOf(o.id),
      initiative: idOf(o.initiative_id),
      meeting: o.meeting_id === null ? null : idOf(o.meeting_id),
      kind: o.kind,
    })),
    transfers: source.transfers.map((t) => ({
      outcome: idOf(t.outcome_id),
      status: t.status,
      handed: month(t.handed_on),
      status_month: month(t.status_on),
      recipients: suppressSmall(t.recipient_count, k),
    })),
    events: source.events.map((e) => ({ kind: e.kind, month: month(e.occurred_on) })),
    tables,
  };
}
