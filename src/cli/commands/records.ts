import type { Command } from 'commander';
import type { z } from 'zod';
import { actorCreateSchema, actorFilterSchema } from '../../domain/actor.js';
import { TrackTwoError } from '../../domain/errors.js';
import { attendanceCreateSchema, meetingCreateSchema } from '../../domain/meeting.js';
import { meetingTextKinds, meetingTextPutSchema } from '../../domain/meeting-text.js';
import { readText } from '../files.js';
import { outcomePatchSchema } from '../../domain/outcome.js';
import { pageSchema } from '../../domain/scalars.js';
import { tieCreateSchema, tieFilterSchema } from '../../domain/tie.js';
import * as actors from '../../services/actors/index.js';
import * as conflicts from '../../services/workspaces/index.js';
import type { ServiceContext } from '../../services/context.js';
import * as initiatives from '../../services/initiatives/index.js';
import * as meetings from '../../services/initiatives/index.js';
import * as outcomes from '../../services/initiatives/index.js';
import * as ties from '../../services/actors/index.js';
import * as workspaces from '../../services/workspaces/index.js';
import { databaseHelp, withAccount } from '../database.js';
import type { CommandContext } from '../io.js';
import { textTable } from '../text-table.js';
import { firstIssue } from '../validation.js';
import type { RegisterCommands } from './index.js';
import { registerWorkspaceSecondFactorCommands } from './second-factor.js';

/**
 * Record commands call the same services as the API, as an account, never as the system: every access
 * check (requireAccess) applies exactly as it does to that account's browser session, and the audit log
 * names that account.
 */
const ACTING_HELP = `
Who acts (one of the two; the same access rules as in the browser apply):
  TRACKTWO_TOKEN=tt_…   a bearer token of your account (tracktwo accounts token EMAIL --name NAME, or the
                        web app), checked against the database like an API request
  --as EMAIL            act as that account: for operators on the server, who hold the database (and could
                        change it directly anyway); the audit log names the account
The database: --database URL, else TRACKTWO_DATABASE_URL, else sqlite:./data/tracktwo.db. Names are read and
written through the identity vault with the master key (TRACKTWO_MASTER_KEY or TRACKTWO_MASTER_KEY_FILE).`;

export type Format = 'table' | 'json';

export interface CommonOptions {
  database?: string;
  as?: string;
  format?: string;
}

/** The options every record command takes. */
export function common(command: Command): Command {
  return command
    .option('--database <url>', databaseHelp)
    .option('--as <email>', 'act as this account (operators on the server; else TRACKTWO_TOKEN)')
    .option('--format <format>', 'output: table or json', 'table')
    .addHelpText('after', ACTING_HELP);
}

export function formatOf(options: CommonOptions): Format {
  const format = options.format ?? 'table';
  if (format !== 'table' && format !== 'json') {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: '--format', reason: 'table or json' });
  }
  return format;
}

/** --lat and --lon as numbers for the schema to check (a non-number stays text, and is refused there). */
function coordinatesOf(options: { lat?: string; lon?: string }): { latitude?: unknown; longitude?: unknown } {
  const number = (text: string) =>
    text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  return {
    ...(options.lat !== undefined ? { latitude: number(options.lat) } : {}),
    ...(options.lon !== undefined ? { longitude: number(options.lon) } : {}),
  };
}

/** Checks a command's input with the same zod schema the API uses, naming the option at fault. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  options: Record<string, string> = {},
) {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data as z.output<S>;
  const { field } = firstIssue(parsed.error);
  const top = field.split('.')[0];
  throw new TrackTwoError('TT_ERR_VALIDATION', {
    field: options[top] ?? `--${top.replace(/_/g, '-')}`,
    reason: `${field}: ${parsed.error.issues[0]?.message ?? 'invalid input'}`,
  });
}

/** Resolves who acts (token or --as), then runs the work with that account's service context. */
export async function asAccount<T>(
  options: CommonOptions,
  work: (services: ServiceContext) => Promise<T>,
): Promise<T> {
  const token = process.env.TRACKTWO_TOKEN;
  if (options.as && token) {
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--as',
      reason: 'give either --as EMAIL or TRACKTWO_TOKEN, not both',
    });
  }
  if (!options.as && !token) {
    throw new TrackTwoError('TT_ERR_UNAUTHENTICATED', {
      reason: 'say who acts: set TRACKTWO_TOKEN to your API token, or (operators) pass --as EMAIL',
    });
  }
  return withAccount(options.database, token ? { token } : { email: options.as! }, work);
}

export type Row = Record<string, unknown>;

export function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (Array.isArray(value)) return value.length === 0 ? '-' : value.map(cell).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value).replace(/[\t\n\r]+/g, ' ');
}

interface Listed {
  items: Row[];
  total: number;
  limit: number;
  offset: number;
}

/** A page as aligned columns under a header, and the paging line when there are more. */
function printList(
  ctx: CommandContext,
  format: Format,
  page: Listed,
  columns: string[],
  empty: string,
): void {
  if (format === 'json') {
    ctx.out(JSON.stringify(page, null, 2) + '\n');
    return;
  }
  if (page.items.length === 0) {
    ctx.out(`${empty}\n`);
    return;
  }
  ctx.out(
    textTable(
      columns,
      page.items.map((row) => columns.map((column) => cell(row[column]))),
    ),
  );
  if (page.total > page.items.length) {
    ctx.out(`(${page.offset + 1}-${page.offset + page.items.length} of ${page.total}; --offset for more)\n`);
  }
}

export function printRecord(ctx: CommandContext, format: Format, record: Row): void {
  if (format === 'json') {
    ctx.out(JSON.stringify(record, null, 2) + '\n');
    return;
  }
  const width = Math.max(...Object.keys(record).map((key) => key.length));
  for (const [key, value] of Object.entries(record)) ctx.out(`${key.padEnd(width)}  ${cell(value)}\n`);
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const pageOptions = (command: Command) =>
  command
    .option('--limit <n>', 'how many (default 50, at most 500)')
    .option('--offset <n>', 'how many to skip');

const pageOf = (options: { limit?: string; offset?: string }) =>
  parseInput(pageSchema, {
    ...(options.limit !== undefined ? { limit: options.limit } : {}),
    ...(options.offset !== undefined ? { offset: options.offset } : {}),
  });

export const registerRecordCommands: RegisterCommands = (program, ctx) => {
  const asRows = <T>(items: readonly T[]) => items as unknown as Row[];

  // workspaces -------------------------------------------------------------------------------------
  const workspaceCommands = program
    .command('workspaces')
    .description('Workspaces you administer or hold a role in');
  pageOptions(
    common(workspaceCommands.command('list').description('List the workspaces the account may see')),
  ).action(async (options: CommonOptions & { limit?: string; offset?: string }) => {
    const format = formatOf(options);
    const page = await asAccount(options, (s) => workspaces.listWorkspaces(s, pageOf(options)));
    printList(
      ctx,
      format,
      { ...page, items: asRows(page.items) },
      ['id', 'name', 'is_demo', 'created_at'],
      'No workspaces.',
    );
  });
  registerWorkspaceSecondFactorCommands(workspaceCommands, ctx);

  // conflicts --------------------------------------------------------------------------------------
  const conflictCommands = program
    .command('conflicts')
    .description('Conflicts, with their divides and groups');
  pageOptions(
    common(
      conflictCommands
        .command('list <workspace-id>')
        .description("List a workspace's conflicts you may see (administrators: all)"),
    ),
  ).action(async (workspaceId: string, options: CommonOptions & { limit?: string; offset?: string }) => {
    const format = formatOf(options);
    const page = await asAccount(options, (s) => conflicts.listConflicts(s, workspaceId, pageOf(options)));
    const items = page.items.map((c) => ({
      ...c,
      groups: c.divides.map((d) => `${d.name}: ${d.groups.map((g) => g.name).join('/')}`).join('; '),
    }));
    printList(
      ctx,
      format,
      { ...page, items: format === 'json' ? asRows(page.items) : asRows(items) },
      ['id', 'name', 'started_on', 'groups'],
      'No conflicts you may see.',
    );
  });

  // actors -----------------------------------------------------------------------------------------
  const actorCommands = program
    .command('actors')
    .description('Actors of a conflict: pseudonymous records; names only for those allowed to see them');
  pageOptions(
    common(
      actorCommands
        .command('list <conflict-id>')
        .description("List a conflict's actors (pseudonyms); --name searches the identity vault")
        .option(
          '--name <words>',
          'only actors whose names hold all these words (needs the right to see names)',
        )
        .option('--role <role>', 'only this role')
        .option('--track <track>', 'only this track (1, 1.5, 2, 3)')
        .option('--q <text>', 'pseudonym search')
        .option('--include-erased', 'list erased actors too'),
    ),
  ).action(
    async (
      conflictId: string,
      options: CommonOptions & {
        name?: string;
        role?: string;
        track?: string;
        q?: string;
        includeErased?: boolean;
        limit?: string;
        offset?: string;
      },
    ) => {
      const format = formatOf(options);
      const filter = parseInput(actorFilterSchema, {
        ...pageOf(options),
        ...(options.role ? { role: options.role } : {}),
        ...(options.track ? { track: options.track } : {}),
        ...(options.q ? { q: options.q } : {}),
        include_erased: options.includeErased === true,
      });
      const page = await asAccount(options, (s) =>
        actors.listActors(s, conflictId, { ...filter, ...(options.name ? { name: options.name } : {}) }),
      );
      printList(
        ctx,
        format,
        { ...page, items: asRows(page.items) },
        ['id', 'pseudonym', 'kind', 'role', 'track', 'gender', 'region', 'erased_at'],
        'No actors match.',
      );
    },
  );

  common(
    actorCommands
      .command('show <actor-id>')
      .description(
        'Show one actor; --names adds names, contacts and notes from the vault (if you may see them)',
      )
      .option('--names', 'include the identity from the vault'),
  ).action(async (actorId: string, options: CommonOptions & { names?: boolean }) => {
    const format = formatOf(options);
    const shown = await asAccount(options, async (s) => {
      const actor = await actors.getActor(s, actorId);
      if (!options.names) return actor as unknown as Row;
      return { ...actor, identity: await actors.getActorIdentity(s, actorId) } as Row;
    });
    if (format === 'table' && shown.identity !== undefined) {
      const identity = shown.identity as {
        names: string[];
        contacts: { kind: string; value: string }[];
        notes: string;
      } | null;
      const { identity: _identity, ...record } = shown;
      printRecord(ctx, format, {
        ...record,
        names: identity ? identity.names : '(erased or none stored)',
        contacts: identity ? identity.contacts.map((c) => `${c.kind}: ${c.value}`) : [],
        notes: identity?.notes || null,
      });
      return;
    }
    printRecord(ctx, format, shown);
  });

  common(
    actorCommands
      .command('add <conflict-id>')
      .description('Add an actor to a conflict; --name puts an identity in the encrypted vault')
      .requiredOption('--role <role>', 'e.g. peace_activist, elder, state_official (see docs/foundation.md)')
      .requiredOption('--track <track>', '1, 1.5, 2 or 3')
      .option('--kind <kind>', 'person or organisation', 'person')
      .option('--gender <gender>', 'woman, man, other or undisclosed (persons; default undisclosed)')
      .option('--region <region>', 'coarse region')
      .option('--lat <degrees>', "latitude, rounded to the conflict's initiatives' location precision")
      .option('--lon <degrees>', "longitude, rounded to the conflict's initiatives' location precision")
      .option('--group <group-id>', 'a group the actor belongs to (repeat: one per divide)', collect)
      .option('--name <name>', 'a name for the vault (repeat for several)', collect)
      .option(
        '--contact <kind:value>',
        'a contact for the vault, e.g. email:someone@example.org (repeat)',
        collect,
      ),
  ).action(
    async (
      conflictId: string,
      options: CommonOptions & {
        role: string;
        track: string;
        kind: string;
        gender?: string;
        region?: string;
        lat?: string;
        lon?: string;
        group?: string[];
        name?: string[];
        contact?: string[];
      },
    ) => {
      const format = formatOf(options);
      const actor = await asAccount(options, async (s) => {
        const conflict = await conflicts.getConflict(s, conflictId);
        const groups = (options.group ?? []).map((groupId) => {
          const divide = conflict.divides.find((d) => d.groups.some((g) => g.id === groupId));
          if (!divide)
            throw new TrackTwoError('TT_ERR_VALIDATION', {
              field: '--group',
              reason: `no group ${groupId} in the conflict`,
            });
          return { divide_id: divide.id, group_id: groupId };
        });
        const contacts = (options.contact ?? []).map((text) => {
          const at = text.indexOf(':');
          return at < 0
            ? { kind: 'other', value: text }
            : { kind: text.slice(0, at), value: text.slice(at + 1) };
        });
        const input = parseInput(
          actorCreateSchema,
          {
            workspace_id: conflict.workspace_id,
            conflict_id: conflictId,
            kind: options.kind,
            role: options.role,
            track: options.track,
            ...(options.gender ? { gender: options.gender } : {}),
            ...(options.region ? { region: options.region } : {}),
            ...coordinatesOf(options),
            groups,
            ...(options.name || contacts.length > 0
              ? { identity: { names: options.name ?? [], contacts } }
              : {}),
          },
          { identity: '--name/--contact', groups: '--group', latitude: '--lat', longitude: '--lon' },
        );
        return actors.createActor(s, input);
      });
      if (format === 'json') printRecord(ctx, format, actor as unknown as Row);
      else ctx.out(`Added actor ${actor.pseudonym} (${actor.id})\n`);
    },
  );

  // ties -------------------------------------------------------------------------------------------
  const tieCommands = program.command('ties').description('Ties between the actors of a conflict');
  common(
    tieCommands
      .command('list <conflict-id>')
      .description("List a conflict's ties")
      .option('--kind <kind>', 'only this kind (knows, trusts, kin, works_with, met, influences, hostile)')
      .option('--actor <actor-id>', 'only ties of this actor')
      .option('--as-of <date>', 'only ties valid on this day (YYYY-MM-DD)')
      .option('--limit <n>', 'how many (default 1000)')
      .option('--offset <n>', 'how many to skip'),
  ).action(
    async (
      conflictId: string,
      options: CommonOptions & {
        kind?: string;
        actor?: string;
        asOf?: string;
        limit?: string;
        offset?: string;
      },
    ) => {
      const format = formatOf(options);
      const filter = parseInput(
        tieFilterSchema,
        {
          ...(options.kind ? { kind: options.kind } : {}),
          ...(options.actor ? { actor_id: options.actor } : {}),
          ...(options.asOf ? { as_of: options.asOf } : {}),
          ...(options.limit ? { limit: options.limit } : {}),
          ...(options.offset ? { offset: options.offset } : {}),
        },
        { actor_id: '--actor', as_of: '--as-of' },
      );
      const page = await asAccount(options, (s) => ties.listTies(s, conflictId, filter));
      printList(
        ctx,
        format,
        { ...page, items: asRows(page.items) },
        [
          'id',
          'source_actor_id',
          'target_actor_id',
          'kind',
          'directed',
          'strength',
          'valid_from',
          'valid_to',
          'source',
        ],
        'No ties match.',
      );
    },
  );

  common(
    tieCommands
      .command('add <conflict-id> <source-actor-id> <target-actor-id>')
      .description('Add a tie between two actors of a conflict')
      .requiredOption('--kind <kind>', 'knows, trusts, kin, works_with, met, influences or hostile')
      .option('--strength <n>', '1 (weak) to 5 (strong)', '1')
      .option('--directed', 'the tie runs from source to target only')
      .option('--confidence <x>', 'how sure the source is, 0 to 1', '1')
      .option('--source <source>', 'observed, reported or meeting', 'reported')
      .option('--from <date>', 'valid from (YYYY-MM-DD)')
      .option('--to <date>', 'valid to (YYYY-MM-DD)'),
  ).action(
    async (
      conflictId: string,
      sourceId: string,
      targetId: string,
      options: CommonOptions & {
        kind: string;
        strength: string;
        directed?: boolean;
        confidence: string;
        source: string;
        from?: string;
        to?: string;
      },
    ) => {
      const format = formatOf(options);
      const tie = await asAccount(options, async (s) => {
        const conflict = await conflicts.getConflict(s, conflictId);
        const input = parseInput(
          tieCreateSchema,
          {
            workspace_id: conflict.workspace_id,
            conflict_id: conflictId,
            source_actor_id: sourceId,
            target_actor_id: targetId,
            kind: options.kind,
            strength: Number(options.strength),
            directed: options.directed === true,
            confidence: Number(options.confidence),
            source: options.source,
            valid_from: options.from ?? null,
            valid_to: options.to ?? null,
          },
          {
            source_actor_id: '<source-actor-id>',
            target_actor_id: '<target-actor-id>',
            valid_from: '--from',
            valid_to: '--to',
          },
        );
        return ties.createTie(s, input);
      });
      if (format === 'json') printRecord(ctx, format, tie as unknown as Row);
      else ctx.out(`Added ${tie.kind} tie ${tie.id} (strength ${tie.strength})\n`);
    },
  );

  // initiatives ------------------------------------------------------------------------------------
  const initiativeCommands = program.command('initiatives').description('Initiatives (Track-II processes)');
  pageOptions(
    common(
      initiativeCommands
        .command('list <workspace-id>')
        .description("List a workspace's initiatives you hold a role in (administrators: all)"),
    ),
  ).action(async (workspaceId: string, options: CommonOptions & { limit?: string; offset?: string }) => {
    const format = formatOf(options);
    const page = await asAccount(options, (s) =>
      initiatives.listInitiatives(s, workspaceId, pageOf(options)),
    );
    printList(
      ctx,
      format,
      { ...page, items: asRows(page.items) },
      ['id', 'name', 'status', 'conflict_id', 'started_on', 'ended_on'],
      'No initiatives you may see.',
    );
  });
  common(
    initiativeCommands
      .command('show <initiative-id>')
      .description(
        'Show one initiative (its conveners and facilitators to those who may read the actor map)',
      ),
  ).action(async (initiativeId: string, options: CommonOptions) => {
    const format = formatOf(options);
    const initiative = await asAccount(options, (s) => initiatives.getInitiative(s, initiativeId));
    printRecord(
      ctx,
      format,
      format === 'json'
        ? (initiative as unknown as Row)
        : { ...initiative, actors: initiative.actors.map((a) => `${a.capacity} ${a.actor_id}`) },
    );
  });

  // meetings ---------------------------------------------------------------------------------------
  const meetingCommands = program
    .command('meetings')
    .description('Meetings of an initiative and who attended (attendance makes or strengthens met ties)');
  pageOptions(
    common(meetingCommands.command('list <initiative-id>').description("List an initiative's meetings")),
  ).action(async (initiativeId: string, options: CommonOptions & { limit?: string; offset?: string }) => {
    const format = formatOf(options);
    const page = await asAccount(options, (s) => meetings.listMeetings(s, initiativeId, pageOf(options)));
    printList(
      ctx,
      format,
      { ...page, items: asRows(page.items) },
      ['id', 'held_on', 'title', 'place', 'ground_rule', 'status'],
      'No meetings yet.',
    );
  });
  common(
    meetingCommands
      .command('add <initiative-id>')
      .description('Plan or record a meeting')
      .requiredOption('--title <title>', 'what the meeting is called')
      .requiredOption('--date <date>', 'the day it is (or was) held, YYYY-MM-DD')
      .option('--place <place>', 'coarse place: a city or region, never an address')
      .option('--lat <degrees>', "latitude, rounded to the initiative's location precision")
      .option('--lon <degrees>', "longitude, rounded to the initiative's location precision")
      .option('--rule <rule>', 'ground rule: open, chatham_house or closed', 'chatham_house')
      .option('--status <status>', 'planned, held or cancelled', 'planned'),
  ).action(
    async (
      initiativeId: string,
      options: CommonOptions & {
        title: string;
        date: string;
        place?: string;
        lat?: string;
        lon?: string;
        rule: string;
        status: string;
      },
    ) => {
      const format = formatOf(options);
      const input = parseInput(
        meetingCreateSchema,
        {
          initiative_id: initiativeId,
          title: options.title,
          held_on: options.date,
          place: options.place ?? null,
          ...coordinatesOf(options),
          ground_rule: options.rule,
          status: options.status,
        },
        {
          held_on: '--date',
          ground_rule: '--rule',
          initiative_id: '<initiative-id>',
          latitude: '--lat',
          longitude: '--lon',
        },
      );
      const meeting = await asAccount(options, (s) => meetings.createMeeting(s, input));
      if (format === 'json') printRecord(ctx, format, meeting as unknown as Row);
      else ctx.out(`Added meeting ${meeting.id} (${meeting.held_on}, ${meeting.ground_rule})\n`);
    },
  );
  common(
    meetingCommands
      .command('attend <meeting-id> <actor-ids...>')
      .description('Record who attended; every pair of attendees gets a met tie, or its tie is strengthened')
      .option(
        '--role <role>',
        'their role at the meeting: participant, convener, facilitator, observer or third_party',
        'participant',
      ),
  ).action(async (meetingId: string, actorIds: string[], options: CommonOptions & { role: string }) => {
    const format = formatOf(options);
    const input = parseInput(
      attendanceCreateSchema,
      { attendees: actorIds.map((actor_id) => ({ actor_id, role: options.role })) },
      { attendees: '<actor-ids...>' },
    );
    const result = await asAccount(options, (s) => meetings.recordAttendance(s, meetingId, input));
    if (format === 'json') printRecord(ctx, format, result as unknown as Row);
    else
      ctx.out(
        `Recorded ${result.added} new attendee(s) (${result.attendees} in all); met ties: ` +
          `${result.ties.created} created, ${result.ties.strengthened} strengthened\n`,
      );
  });

  for (const [name, status, what] of [
    ['held', 'held', 'Mark a meeting held (it took place)'],
    ['cancel', 'cancelled', 'Mark a meeting cancelled (refused once attendees are recorded)'],
  ] as const) {
    common(meetingCommands.command(`${name} <meeting-id>`).description(what)).action(
      async (meetingId: string, options: CommonOptions) => {
        const format = formatOf(options);
        const meeting = await asAccount(options, (s) => meetings.updateMeeting(s, meetingId, { status }));
        if (format === 'json') printRecord(ctx, format, meeting as unknown as Row);
        else ctx.out(`Meeting ${meeting.id} is now ${meeting.status}\n`);
      },
    );
  }
  for (const kind of meetingTextKinds) {
    common(
      meetingCommands
        .command(`${kind} <meeting-id>`)
        .description(
          kind === 'minutes'
            ? "Print a meeting's minutes, or replace them (Chatham House: they may not name an attendee)"
            : "Print a meeting's working notes, or replace them",
        )
        .option('--set <text>', 'replace the text with this one ("" clears it)')
        .option('--file <path>', 'replace the text with the contents of this UTF-8 file'),
    ).action(async (meetingId: string, options: CommonOptions & { set?: string; file?: string }) => {
      const format = formatOf(options);
      if (options.set !== undefined && options.file !== undefined)
        throw new TrackTwoError('TT_ERR_VALIDATION', {
          field: '--set',
          reason: 'give --set or --file, not both',
        });
      const given = options.file !== undefined ? readText(options.file) : options.set;
      const text =
        given === undefined
          ? await asAccount(options, (s) => meetings.getMeetingText(s, meetingId, kind))
          : await asAccount(options, (s) =>
              meetings.putMeetingText(
                s,
                meetingId,
                kind,
                parseInput(meetingTextPutSchema, { body: given }, { body: '--set' }).body,
              ),
            );
      if (format === 'json') printRecord(ctx, format, text as unknown as Row);
      else if (given !== undefined) ctx.out(`Saved the ${kind} of meeting ${meetingId}\n`);
      else ctx.out(text.body === '' ? `No ${kind} yet.\n` : `${text.body}\n`);
    });
  }

  // outcomes ---------------------------------------------------------------------------------------
  const outcomeCommands = program.command('outcomes').description('Outcomes of an initiative');
  pageOptions(
    common(outcomeCommands.command('list <initiative-id>').description("List an initiative's outcomes")),
  ).action(async (initiativeId: string, options: CommonOptions & { limit?: string; offset?: string }) => {
    const format = formatOf(options);
    const page = await asAccount(options, (s) => outcomes.listOutcomes(s, initiativeId, pageOf(options)));
    printList(
      ctx,
      format,
      { ...page, items: asRows(page.items) },
      ['id', 'kind', 'title', 'meeting_id', 'created_at'],
      'No outcomes yet.',
    );
  });
  common(
    outcomeCommands
      .command('edit <outcome-id>')
      .description('Change an outcome: its title, kind or description (conveners and facilitators)')
      .option('--title <title>', 'what the outcome is called')
      .option('--kind <kind>', 'statement, proposal, agreement, joint_action or other')
      .option('--description <text>', 'what it says'),
  ).action(
    async (
      outcomeId: string,
      options: CommonOptions & { title?: string; kind?: string; description?: string },
    ) => {
      const format = formatOf(options);
      const changes = parseInput(outcomePatchSchema, {
        ...(options.title !== undefined ? { title: options.title } : {}),
        ...(options.kind !== undefined ? { kind: options.kind } : {}),
        ...(options.description !== undefined ? { description: options.description } : {}),
      });
      const outcome = await asAccount(options, (s) => outcomes.updateOutcome(s, outcomeId, changes));
      if (format === 'json') printRecord(ctx, format, outcome as unknown as Row);
      else ctx.out(`Changed outcome ${outcome.id} (${outcome.kind}: ${outcome.title})\n`);
    },
  );
  common(
    outcomeCommands
      .command('delete <outcome-id>')
      .description(
        'Delete an outcome with its transfers; this cannot be undone (conveners and facilitators)',
      ),
  ).action(async (outcomeId: string, options: CommonOptions) => {
    formatOf(options);
    await asAccount(options, (s) => outcomes.deleteOutcome(s, outcomeId));
    ctx.out(`Deleted outcome ${outcomeId}\n`);
  });
};
