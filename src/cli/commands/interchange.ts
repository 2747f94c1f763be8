import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TrackTwoError } from '../../domain/errors.js';
import { loadDemoWorkspace } from '../../services/demo/index.js';
import { exportGraph } from '../../services/interchange/index.js';
import { exportKumu } from '../../services/interchange/index.js';
import { exportResearch } from '../../services/interchange/index.js';
import { exportWorkspaceJson } from '../../services/interchange/index.js';
import { importKumu } from '../../services/interchange/index.js';
import { importWorkspaceJson } from '../../services/interchange/index.js';
import type { CommandContext } from '../io.js';
import { databaseHelp, withServices } from '../database.js';
import { readText } from '../files.js';
import { progressListener } from '../progress.js';
import type { RegisterCommands } from './index.js';
import { registerEventImports } from './events.js';

/** Writes to a file when one is named, else to standard output. */
function emit(ctx: CommandContext, text: string, out: string | undefined): void {
  if (out) {
    writeFileSync(out, text, { mode: 0o600 });
    ctx.err(`Wrote ${out}\n`);
  } else ctx.out(text);
}

export const registerInterchangeCommands: RegisterCommands = (program, ctx) => {
  const imports = program.command('import').description('Import files into the database (all or nothing)');
  imports
    .command('kumu')
    .description("Import Kumu's elements and connections CSV files into a conflict; one bad row rejects both")
    .argument('<conflict-id>', 'the conflict to add the actors and ties to')
    .argument(
      '<elements.csv>',
      'elements: Label, Type, Role, Track (+ Description, Tags, Gender, Region, divides)',
    )
    .argument('<connections.csv>', 'connections: From, To, Type (+ Direction, Strength, Valid From, ...)')
    .option('--database <url>', databaseHelp)
    .action(
      async (
        conflictId: string,
        elementsPath: string,
        connectionsPath: string,
        options: { database?: string },
      ) => {
        const elements = readText(elementsPath);
        const connections = readText(connectionsPath);
        const result = await withServices(options.database, async (services) => {
          const progress = progressListener(ctx, 'Importing');
          const outcome = await importKumu(services, conflictId, elements, connections, {
            onProgress: progress.onProgress,
          });
          progress.finish();
          return outcome;
        });
        ctx.out(`Imported ${result.actors} actors and ${result.ties} ties.\n`);
      },
    );
  registerEventImports(imports, ctx);
  imports
    .command('json')
    .description('Import a workspace JSON export as a new workspace (ids renewed, identities re-encrypted)')
    .argument('<file>', 'a file written by `tracktwo export json`')
    .option('--name <name>', 'name of the new workspace (default: the name in the file)')
    .option('--database <url>', databaseHelp)
    .action(async (file: string, options: { name?: string; database?: string }) => {
      const text = readText(file);
      const result = await withServices(options.database, async (services) => {
        const progress = progressListener(ctx, 'Importing');
        const outcome = await importWorkspaceJson(services, text, {
          ...(options.name ? { name: options.name } : {}),
          onProgress: progress.onProgress,
        });
        progress.finish();
        return outcome;
      });
      ctx.out(
        `Imported workspace ${result.workspaceId}: ${result.counts.actors} actors, ${result.counts.ties} ties, ` +
          `${result.counts.meetings} meetings, ${result.counts.identities} identities.\n`,
      );
    });

  const exports = program
    .command('export')
    .description('Export data (pseudonyms unless names are asked for)');
  exports
    .command('kumu')
    .description("Export a conflict's actor map as Kumu's elements.csv and connections.csv")
    .argument('<conflict-id>', 'the conflict to export')
    .option('--out-dir <dir>', 'directory for the two files', '.')
    .option('--names', 'label actors with their names (needs the right to see names)')
    .option('--database <url>', databaseHelp)
    .action(async (conflictId: string, options: { outDir: string; names?: boolean; database?: string }) => {
      const files = await withServices(options.database, (services) =>
        exportKumu(services, conflictId, { withNames: options.names === true }),
      );
      emit(ctx, files.elements, join(options.outDir, 'elements.csv'));
      emit(ctx, files.connections, join(options.outDir, 'connections.csv'));
    });
  exports
    .command('json')
    .description('Export a whole workspace as one JSON document (versioned; `import json` reads it)')
    .argument('<workspace-id>', 'the workspace to export')
    .option('--identities', 'include names, contacts and notes from the vault (handle the file with care)')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--database <url>', databaseHelp)
    .action(
      async (workspaceId: string, options: { identities?: boolean; out?: string; database?: string }) => {
        const doc = await withServices(options.database, (services) =>
          exportWorkspaceJson(services, workspaceId, { withIdentities: options.identities === true }),
        );
        emit(ctx, JSON.stringify(doc, null, 2) + '\n', options.out);
      },
    );
  for (const format of ['graphml', 'gexf'] as const) {
    exports
      .command(format)
      .description(`Export a conflict's actor map as ${format === 'graphml' ? 'GraphML' : 'GEXF (Gephi)'}`)
      .argument('<conflict-id>', 'the conflict to export')
      .option('--names', 'label actors with their names (needs the right to see names)')
      .option('--out <file>', 'write to a file instead of standard output')
      .option('--database <url>', databaseHelp)
      .action(async (conflictId: string, options: { names?: boolean; out?: string; database?: string }) => {
        const xml = await withServices(options.database, (services) =>
          exportGraph(services, conflictId, format, { withNames: options.names === true }),
        );
        emit(ctx, xml, options.out);
      });
  }
  exports
    .command('research')
    .description('Export an initiative anonymised for research: random ids, months, no small cells (k >= 5)')
    .argument('<initiative-id>', 'the initiative to export')
    .option('--k <k>', 'smallest count published (at least 5)', '5')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--database <url>', databaseHelp)
    .action(async (initiativeId: string, options: { k: string; out?: string; database?: string }) => {
      const k = Number(options.k);
      if (!Number.isInteger(k) || k < 5) {
        throw new TrackTwoError('TT_ERR_VALIDATION', { field: '--k', reason: 'a whole number of 5 or more' });
      }
      const result = await withServices(options.database, (services) =>
        exportResearch(services, initiativeId, { k }),
      );
      emit(ctx, JSON.stringify(result, null, 2) + '\n', options.out);
    });

  program
    .command('demo')
    .description('The fictional demo workspace (Arvandia)')
    .command('load')
    .description('Load the fictional demo workspace (about 150 actors, 600 ties, 2 initiatives, 8 meetings)')
    .option('--database <url>', databaseHelp)
    .action(async (options: { database?: string }) => {
      const ids = await withServices(options.database, async (services) => {
        const progress = progressListener(ctx, 'Loading the demo');
        const loaded = await loadDemoWorkspace(services, undefined, { onProgress: progress.onProgress });
        progress.finish();
        return loaded;
      });
      ctx.out(
        `Loaded the demo workspace ${ids.workspaceId} (fictional).\n` +
          `  conflict: ${ids.conflictId}\n  initiatives: ${ids.initiativeIds.dialogue}, ${ids.initiativeIds.council}\n`,
      );
    });
};
