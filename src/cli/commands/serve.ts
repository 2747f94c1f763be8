import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadConfig } from '../../config.js';
import { loadMasterKey } from '../../security/master-key.js';
import { createVaultKeys } from '../../security/vault.js';
import { buildApp, closeOnSignals, hasWebApp, listen } from '../../server/index.js';
import { loadDemoWorkspace } from '../../services/demo/index.js';
import { prepareFirstRun } from '../../services/accounts/index.js';
import { createDatabase, migrateToLatest } from '../../store/database.js';
import type { CommandContext } from '../io.js';
import type { RegisterCommands } from './index.js';

/** Builds the browser app when it is missing and its sources are here; a failed build never stops the API. */
function buildWebAppIfMissing(webDir: string, ctx: CommandContext): void {
  if (hasWebApp(webDir) || !existsSync('web/vite.config.ts')) return;
  ctx.err('Building the web app (npm run build:web)…\n');
  const result = spawnSync('npm', ['run', 'build:web'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) ctx.err('The web app did not build; serving the API only.\n');
}

export const registerServeCommands: RegisterCommands = (program, ctx) => {
  program
    .command('serve')
    .description(
      'Serve the API and the web app (PORT, HOST, TRACKTWO_DATABASE_URL, ...; see README). ' +
        'On an empty database, loads the demo workspace and prints a one-time admin password.',
    )
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on (default: HOST or 127.0.0.1)')
    .option('--no-demo', 'do not load the demo workspace on an empty database (TRACKTWO_NO_DEMO=1)')
    .action(async (options: { port?: string; host?: string; demo: boolean }) => {
      const config = loadConfig({
        ...process.env,
        ...(options.port ? { PORT: options.port } : {}),
        ...(options.host ? { HOST: options.host } : {}),
      });
      buildWebAppIfMissing(config.webDir, ctx);
      const store = createDatabase(config.databaseUrl);
      await migrateToLatest(store.db);
      const master = loadMasterKey({ key: config.masterKey, file: config.masterKeyFile });
      if (master.origin === 'created') ctx.err(`Created the master key file ${master.file} (mode 0600).\n`);
      const keys = createVaultKeys(master.key);
      const services = { db: store.db, dialect: store.dialect, keys, auth: null };
      const firstRun = await prepareFirstRun(services, {
        demo: options.demo && !config.noDemo,
        loadDemo: async (ctx) => ({ workspaceId: (await loadDemoWorkspace(ctx)).workspaceId }),
      });
      const app = await buildApp({
        store,
        keys,
        settings: config,
        logger: {
          level: config.logLevel,
          // Never a query string in the log: the USSD callback's key rides in it. Bodies (phone numbers)
          // are never logged by Fastify.
          serializers: {
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: request.url.split('?')[0],
            }),
          },
        },
        retention: {},
      });
      const url = await listen(app, config.host, config.port);
      closeOnSignals(app, () => store.close());
      ctx.out(`tracktwo is serving ${url} (database: ${store.dialect})\n`);
      if (firstRun.kind === 'demo') {
        ctx.out(
          `Loaded the demo workspace (fictional). Sign in as ${firstRun.account.email} with the one-time password:\n` +
            `  ${firstRun.password}\n` +
            'It is shown only now; you must set your own password when you first sign in.\n',
        );
      } else if (firstRun.kind === 'setup-open') {
        ctx.out(`No account yet: open ${url} to create the first administrator (POST /api/setup).\n`);
      }
    });
};
