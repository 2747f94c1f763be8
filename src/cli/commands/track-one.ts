import { TrackTwoError } from '../../domain/errors.js';
import {
  budgetLineCreateSchema,
  dateAsKnown,
  disbursementCreateSchema,
  funderCreateSchema,
  peaceReportSchema,
  pledgeCreateSchema,
  trackOneEventCreateSchema,
  type Resources,
} from '../../domain/track-one.js';
import { isoDateSchema } from '../../domain/scalars.js';
import * as trackOne from '../../services/track-one/index.js';
import type { CommandContext } from '../io.js';
import { textTable } from '../text-table.js';
import type { RegisterCommands } from './index.js';
import {
  asAccount,
  cell,
  collect,
  common,
  formatOf,
  parseInput,
  printRecord,
  type CommonOptions,
  type Format,
  type Row,
} from './records.js';

/** An amount as a number for the schema to check (a non-number stays text, and is refused there). */
function amountOf(text: string): unknown {
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

function yesNo(value: string | undefined, flag: string): boolean | null {
  if (value === undefined) return null;
  if (value === 'yes') return true;
  if (value === 'no') return false;
  throw new TrackTwoError('TT_ERR_VALIDATION', { field: flag, reason: 'yes or no' });
}

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  return parseInput(isoDateSchema, value, { '': flag });
}

/** `--indicator markets_open=4`, or `--indicator other:water point shared=2` for an indicator of one's own. */
export function indicatorEntry(text: string): { kind: string; other_label: string; count: unknown } {
  const at = text.lastIndexOf('=');
  if (at <= 0)
    throw new TrackTwoError('TT_ERR_VALIDATION', {
      field: '--indicator',
      reason: `"${text}": give KIND=COUNT (markets_open, intergroup_marriages, joint_events, women_peace_messengers, other:LABEL)`,
    });
  const key = text.slice(0, at).trim();
  const count = amountOf(text.slice(at + 1));
  if (key.startsWith('other:')) return { kind: 'other', other_label: key.slice(6).trim(), count };
  return { kind: key, other_label: '', count };
}

function table(ctx: CommandContext, columns: string[], rows: Row[], empty: string): void {
  if (rows.length === 0) ctx.out(`${empty}\n`);
  else
    ctx.out(
      textTable(
        columns,
        rows.map((row) => columns.map((column) => cell(row[column]))),
      ),
    );
}

function printResources(ctx: CommandContext, format: Format, resources: Resources): void {
  if (format === 'json') {
    ctx.out(JSON.stringify(resources, null, 2) + '\n');
    return;
  }
  ctx.out('Gap per currency (needed - pledged = unpledged; pledged - disbursed = undisbursed):\n');
  table(
    ctx,
    ['currency', 'needed', 'pledged', 'disbursed', 'unpledged', 'undisbursed'],
    resources.gap as unknown as Row[],
    'No budget lines or pledges yet.',
  );
  ctx.out('\nBudget lines:\n');
  table(ctx, ['id', 'label', 'currency', 'amount'], resources.budget_lines as unknown as Row[], 'None.');
  if (!resources.details) {
    ctx.out('\n(Pledges and disbursements are shown to those who manage funding; you see the totals.)\n');
    return;
  }
  ctx.out('\nPledges:\n');
  table(
    ctx,
    ['id', 'funder_name', 'currency', 'amount', 'disbursed', 'pledged_on'],
    resources.pledges as unknown as Row[],
    'None.',
  );
  ctx.out('\nDisbursements:\n');
  table(
    ctx,
    ['id', 'pledge_id', 'amount', 'disbursed_on'],
    resources.disbursements as unknown as Row[],
    'None.',
  );
}

export const registerTrackOneCommands: RegisterCommands = (program, ctx) => {
  // --- the Track-I timeline ---
  const events = program
    .command('trackone')
    .description("A conflict's Track-I timeline: official talks, ceasefires, agreements (PA-X coding)");
  common(
    events
      .command('list <conflict-id>')
      .description('The Track-I events of a conflict, in date order')
      .option('--from <date>', 'first day (YYYY-MM-DD)')
      .option('--to <date>', 'last day (YYYY-MM-DD)'),
  ).action(async (conflictId: string, options: CommonOptions & { from?: string; to?: string }) => {
    const format = formatOf(options);
    const from = dateOption(options.from, '--from');
    const to = dateOption(options.to, '--to');
    const items = await asAccount(options, (s) =>
      trackOne.listTrackOneEvents(s, conflictId, { ...(from ? { from } : {}), ...(to ? { to } : {}) }),
    );
    if (format === 'json') {
      ctx.out(JSON.stringify({ items }, null, 2) + '\n');
      return;
    }
    table(
      ctx,
      ['id', 'date', 'kind', 'title', 'stage', 'gender', 'parties'],
      items.map((event) => ({
        id: event.id,
        date: dateAsKnown(event.occurred_on, event.date_precision),
        kind: event.kind,
        title: event.title,
        stage: event.agreement_stage,
        gender: event.gender_provisions === null ? null : event.gender_provisions ? 'yes' : 'no',
        parties: event.party_actor_ids.length > 0 ? event.party_actor_ids : String(event.party_count),
      })),
      'No Track-I events.',
    );
  });
  common(
    events
      .command('add <conflict-id>')
      .description('Record a Track-I event; a signed agreement needs --stage and --gender-provisions')
      .requiredOption(
        '--kind <kind>',
        'talks_opened, round_held, ceasefire, truce, agreement_signed, agreement_broken_down, offensive or other',
      )
      .requiredOption(
        '--date <date>',
        'when (YYYY-MM-DD; with --precision month or year, YYYY-MM-01 or YYYY-01-01)',
      )
      .option('--precision <precision>', 'how precisely the date is known: day, month or year', 'day')
      .requiredOption('--title <title>', 'what happened, in a line')
      .option('--source <source>', 'where this is reported (a link or a reference)')
      .option('--notes <notes>', 'notes')
      .option(
        '--stage <stage>',
        'PA-X stage of an agreement: pre_negotiation, ceasefire, framework_partial, framework_comprehensive, implementation or renewal',
      )
      .option(
        '--gender-provisions <yes|no>',
        'whether the agreement has provisions on women, girls and gender',
      )
      .option('--party <actor-id>', 'an actor of the map who is a party (repeat for each)', collect, []),
  ).action(
    async (
      conflictId: string,
      options: CommonOptions & {
        kind: string;
        date: string;
        precision: string;
        title: string;
        source?: string;
        notes?: string;
        stage?: string;
        genderProvisions?: string;
        party: string[];
      },
    ) => {
      const format = formatOf(options);
      const input = parseInput(
        trackOneEventCreateSchema,
        {
          conflict_id: conflictId,
          kind: options.kind,
          occurred_on: options.date,
          date_precision: options.precision,
          title: options.title,
          ...(options.source !== undefined ? { source: options.source } : {}),
          ...(options.notes !== undefined ? { notes: options.notes } : {}),
          agreement_stage: options.stage ?? null,
          gender_provisions: yesNo(options.genderProvisions, '--gender-provisions'),
          party_actor_ids: options.party,
        },
        {
          conflict_id: '<conflict-id>',
          occurred_on: '--date',
          date_precision: '--precision',
          agreement_stage: '--stage',
          party_actor_ids: '--party',
        },
      );
      const event = await asAccount(options, (s) => trackOne.createTrackOneEvent(s, input));
      if (format === 'json') printRecord(ctx, format, event as unknown as Row);
      else
        ctx.out(
          `Added Track-I event ${event.id} (${dateAsKnown(event.occurred_on, event.date_precision)}, ${event.kind})\n`,
        );
    },
  );
  common(events.command('delete <event-id>').description('Delete a Track-I event')).action(
    async (eventId: string, options: CommonOptions) => {
      formatOf(options);
      await asAccount(options, (s) => trackOne.deleteTrackOneEvent(s, eventId));
      ctx.out(`Deleted Track-I event ${eventId}\n`);
    },
  );

  // --- resources ---
  const resources = program
    .command('resources')
    .description("An initiative's resources: budget lines, funders' pledges, disbursements and the gap");
  common(
    resources
      .command('show <initiative-id>')
      .description(
        'Budget lines, pledges, disbursements and the gap per currency (funders: the totals only)',
      ),
  ).action(async (initiativeId: string, options: CommonOptions) => {
    const format = formatOf(options);
    printResources(ctx, format, await asAccount(options, (s) => trackOne.getResources(s, initiativeId)));
  });
  const funders = resources.command('funder').description("A workspace's funders");
  common(funders.command('list <workspace-id>').description("A workspace's funders")).action(
    async (workspaceId: string, options: CommonOptions) => {
      const format = formatOf(options);
      const items = await asAccount(options, (s) => trackOne.listFunders(s, workspaceId));
      if (format === 'json') ctx.out(JSON.stringify({ items }, null, 2) + '\n');
      else table(ctx, ['id', 'name'], items as unknown as Row[], 'No funders.');
    },
  );
  common(
    funders
      .command('add <workspace-id>')
      .description('Add a funder to a workspace')
      .requiredOption('--name <name>', "the funder's name"),
  ).action(async (workspaceId: string, options: CommonOptions & { name: string }) => {
    const format = formatOf(options);
    const { name } = parseInput(funderCreateSchema, { name: options.name });
    const funder = await asAccount(options, (s) => trackOne.createFunder(s, workspaceId, name));
    if (format === 'json') printRecord(ctx, format, funder as unknown as Row);
    else ctx.out(`Added funder ${funder.id} (${funder.name})\n`);
  });
  const lines = resources.command('budget-line').description("An initiative's budget lines (its needs)");
  common(
    lines
      .command('add <initiative-id>')
      .description('Add a budget line: a need, in one currency')
      .requiredOption('--label <label>', 'what the money is for')
      .requiredOption('--currency <code>', 'ISO 4217 code (USD, EUR, KES)')
      .requiredOption('--amount <amount>', 'how much'),
  ).action(
    async (
      initiativeId: string,
      options: CommonOptions & { label: string; currency: string; amount: string },
    ) => {
      const format = formatOf(options);
      const input = parseInput(budgetLineCreateSchema, {
        label: options.label,
        currency: options.currency,
        amount: amountOf(options.amount),
      });
      const line = await asAccount(options, (s) => trackOne.addBudgetLine(s, initiativeId, input));
      if (format === 'json') printRecord(ctx, format, line as unknown as Row);
      else ctx.out(`Added budget line ${line.id} (${line.amount} ${line.currency})\n`);
    },
  );
  common(lines.command('delete <budget-line-id>').description('Remove a budget line')).action(
    async (id: string, options: CommonOptions) => {
      formatOf(options);
      await asAccount(options, (s) => trackOne.deleteBudgetLine(s, id));
      ctx.out(`Deleted budget line ${id}\n`);
    },
  );
  const pledges = resources.command('pledge').description("Funders' pledges to an initiative");
  common(
    pledges
      .command('add <initiative-id>')
      .description("Record a funder's pledge")
      .requiredOption('--funder <funder-id>', 'the funder (tracktwo resources funder list WORKSPACE_ID)')
      .requiredOption('--currency <code>', 'ISO 4217 code (USD, EUR, KES)')
      .requiredOption('--amount <amount>', 'how much was pledged')
      .requiredOption('--date <date>', 'when it was pledged (YYYY-MM-DD)')
      .option('--note <note>', 'a note'),
  ).action(
    async (
      initiativeId: string,
      options: CommonOptions & {
        funder: string;
        currency: string;
        amount: string;
        date: string;
        note?: string;
      },
    ) => {
      const format = formatOf(options);
      const input = parseInput(
        pledgeCreateSchema,
        {
          funder_id: options.funder,
          currency: options.currency,
          amount: amountOf(options.amount),
          pledged_on: options.date,
          ...(options.note !== undefined ? { note: options.note } : {}),
        },
        { funder_id: '--funder', pledged_on: '--date' },
      );
      const pledge = await asAccount(options, (s) => trackOne.addPledge(s, initiativeId, input));
      if (format === 'json') printRecord(ctx, format, pledge as unknown as Row);
      else
        ctx.out(
          `Added pledge ${pledge.id} (${pledge.amount} ${pledge.currency} from ${pledge.funder_name})\n`,
        );
    },
  );
  common(pledges.command('delete <pledge-id>').description('Remove a pledge and its disbursements')).action(
    async (id: string, options: CommonOptions) => {
      formatOf(options);
      await asAccount(options, (s) => trackOne.deletePledge(s, id));
      ctx.out(`Deleted pledge ${id}\n`);
    },
  );
  common(
    resources
      .command('disburse <pledge-id>')
      .description('Record a disbursement against a pledge (never beyond what was pledged)')
      .requiredOption('--amount <amount>', 'how much was paid')
      .requiredOption('--date <date>', 'when it was paid (YYYY-MM-DD)'),
  ).action(async (pledgeId: string, options: CommonOptions & { amount: string; date: string }) => {
    const format = formatOf(options);
    const input = parseInput(
      disbursementCreateSchema,
      { amount: amountOf(options.amount), disbursed_on: options.date },
      { disbursed_on: '--date' },
    );
    const row = await asAccount(options, (s) => trackOne.addDisbursement(s, pledgeId, input));
    if (format === 'json') printRecord(ctx, format, row as unknown as Row);
    else ctx.out(`Recorded disbursement ${row.id} (${row.amount} on ${row.disbursed_on})\n`);
  });

  // --- peace indicators ---
  const indicators = program
    .command('indicators')
    .description("Peace indicators (CEWARN): a field monitor's monthly counts per area");
  common(
    indicators
      .command('list <initiative-id>')
      .description("An initiative's peace indicators by month, area and indicator")
      .option('--area <area>', 'only this area')
      .option('--month <month>', 'only this month (YYYY-MM)'),
  ).action(async (initiativeId: string, options: CommonOptions & { area?: string; month?: string }) => {
    const format = formatOf(options);
    const items = await asAccount(options, (s) =>
      trackOne.listPeaceIndicators(s, initiativeId, {
        ...(options.area !== undefined ? { area: options.area } : {}),
        ...(options.month !== undefined ? { month: options.month } : {}),
      }),
    );
    if (format === 'json') ctx.out(JSON.stringify({ items }, null, 2) + '\n');
    else
      table(
        ctx,
        ['month', 'area', 'kind', 'other_label', 'count'],
        items as unknown as Row[],
        'No peace indicators.',
      );
  });
  common(
    indicators
      .command('report <initiative-id>')
      .description("Report one area's month: each indicator's count is replaced (all or nothing)")
      .requiredOption('--area <area>', 'the area (village, district, market town)')
      .requiredOption('--month <month>', 'the month (YYYY-MM)')
      .requiredOption(
        '--indicator <kind=count>',
        'markets_open, intergroup_marriages, joint_events, women_peace_messengers or other:LABEL, =COUNT (repeat)',
        collect,
        [],
      ),
  ).action(
    async (
      initiativeId: string,
      options: CommonOptions & { area: string; month: string; indicator: string[] },
    ) => {
      const format = formatOf(options);
      const report = parseInput(
        peaceReportSchema,
        { area: options.area, month: options.month, entries: options.indicator.map(indicatorEntry) },
        { entries: '--indicator' },
      );
      const items = await asAccount(options, (s) => trackOne.reportPeaceIndicators(s, initiativeId, report));
      if (format === 'json') ctx.out(JSON.stringify({ items }, null, 2) + '\n');
      else ctx.out(`Reported ${report.entries.length} indicator(s) for ${report.area}, ${report.month}\n`);
    },
  );
};
