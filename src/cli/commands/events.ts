import { accessSync, constants, createReadStream, type ReadStream } from 'node:fs';
import type { Command } from 'commander';
import { TrackTwoError } from '../../domain/errors.js';
import type { EventsImported } from '../../domain/violence-event.js';
import { importAcled, importUcdp, listViolenceEvents } from '../../services/events/index.js';
import { databaseHelp, withServices } from '../database.js';
import type { CommandContext } from '../io.js';
import type { RegisterCommands } from './index.js';

/** A file named on the command line, streamed (an event export can be hundreds of megabytes). */
function streamOf(path: string): ReadStream {
  try {
    accessSync(path, constants.R_OK);
  } catch (error) {
    throw new TrackTwoError('TT_ERR_FILE_NOT_FOUND', {
      field: path,
      reason: error instanceof Error ? error.message : String(error),
    });
  }
  return createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
}

function summary(ctx: CommandContext, result: EventsImported): void {
  ctx.out(
    `Imported ${result.rows} ${result.source.toUpperCase()} rows: ${result.added} added, ${result.revised} revised, ` +
      `${result.unchanged} unchanged, ${result.deleted} deleted.\n`,
  );
  if (result.unmatched_names.length > 0) {
    ctx.out(
      `${result.unmatched_names.length} actor names match no alias (add them with the alias list):\n` +
        result.unmatched_names.map((name) => `  ${name}\n`).join(''),
    );
  }
}

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: flag, reason: 'a date as YYYY-MM-DD' });
  }
  return value;
}

/** `tracktwo import acled|ucdp`: added to the interchange area's `import` command. */
export function registerEventImports(imports: Command, ctx: CommandContext): void {
  imports
    .command('acled')
    .description(
      "Import an ACLED CSV export into a conflict (upsert by event_id_cnty); --deletions removes ACLED's deleted events",
    )
    .argument('<file>', 'the ACLED export (CSV)')
    .requiredOption('--conflict <id>', 'the conflict the events belong to')
    .option('--deletions <file>', "ACLED's deletions file (event_id_cnty, deleted_timestamp)")
    .option('--database <url>', databaseHelp)
    .action(async (file: string, options: { conflict: string; deletions?: string; database?: string }) => {
      const input = streamOf(file);
      const deletions = options.deletions !== undefined ? streamOf(options.deletions) : undefined;
      const result = await withServices(options.database, (services) =>
        importAcled(services, options.conflict, input, {
          ...(deletions ? { deletions } : {}),
          onProgress: (rows) => ctx.err(`\r${rows} rows read`),
        }),
      );
      ctx.err('\n');
      summary(ctx, result);
    });
  imports
    .command('ucdp')
    .description('Import a UCDP GED CSV export into a conflict (upsert by id)')
    .argument('<file>', 'the UCDP GED export (CSV)')
    .requiredOption('--conflict <id>', 'the conflict the events belong to')
    .option('--database <url>', databaseHelp)
    .action(async (file: string, options: { conflict: string; database?: string }) => {
      const input = streamOf(file);
      const result = await withServices(options.database, (services) =>
        importUcdp(services, options.conflict, input, {
          onProgress: (rows) => ctx.err(`\r${rows} rows read`),
        }),
      );
      ctx.err('\n');
      summary(ctx, result);
    });
}

const PAGE = 500;

export const registerEventCommands: RegisterCommands = (program, ctx) => {
  const events = program
    .command('events')
    .description('Event data of the violence around a conflict (ACLED, UCDP)');
  events
    .command('list')
    .description('List the events of a conflict, one JSON object a line (--format json) or a table')
    .argument('<conflict-id>', 'the conflict')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--area <admin1>', 'only events of this admin1 area')
    .option('--format <format>', 'json (one object a line) or text', 'text')
    .option('--database <url>', databaseHelp)
    .action(
      async (
        conflictId: string,
        options: { from?: string; to?: string; area?: string; format: string; database?: string },
      ) => {
        if (options.format !== 'json' && options.format !== 'text') {
          throw new TrackTwoError('TT_ERR_VALIDATION', { field: '--format', reason: 'json or text' });
        }
        const from = dateOption(options.from, '--from');
        const to = dateOption(options.to, '--to');
        const filters = {
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          ...(options.area ? { area: options.area } : {}),
        };
        await withServices(options.database, async (services) => {
          for (let offset = 0; ; offset += PAGE) {
            const page = await listViolenceEvents(services, conflictId, filters, { limit: PAGE, offset });
            for (const event of page.items) {
              if (options.format === 'json') {
                ctx.out(
                  JSON.stringify({
                    source: event.source,
                    source_id: event.source_id,
                    date: event.date,
                    date_precision: event.date_precision,
                    event_type: event.event_type,
                    sub_event_type: event.sub_event_type,
                    violence_type: event.violence_type,
                    fatalities: event.fatalities,
                    admin1: event.admin1,
                    admin2: event.admin2,
                    location: event.location,
                    actor_names: event.actor_names.map((a) => a.name),
                    actors: event.actors,
                  }) + '\n',
                );
              } else {
                ctx.out(
                  `${event.date}  ${event.source}:${event.source_id}  ${event.event_type}  ` +
                    `${event.fatalities} killed  ${event.admin1 ?? '-'}\n`,
                );
              }
            }
            if (offset + page.items.length >= page.total || page.items.length === 0) break;
          }
        });
      },
    );
};
