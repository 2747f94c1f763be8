import type { Command } from 'commander';
import type { CommandContext } from '../io.js';

/** Each area registers its own commands; add one entry per area below. */
export type RegisterCommands = (program: Command, ctx: CommandContext) => void;

/**
 * An area of the command line: the top-level commands it registers, each with the description the
 * program's help lists, and how to load it. An area's module (and with it the store, the server or the
 * network code it needs) is imported only when one of its commands runs, so `tracktwo --help` and
 * `tracktwo network …` do not pay for loading Kysely, Fastify and the rest. test/cli/help.test.ts checks
 * that these names and descriptions are the ones the areas register.
 */
export interface CommandArea {
  commands: Record<string, string>;
  load(): Promise<RegisterCommands>;
}

export const commandAreas: CommandArea[] = [
  {
    commands: {
      serve:
        'Serve the API and the web app (PORT, HOST, TRACKTWO_DATABASE_URL, ...; see README). ' +
        'On an empty database, loads the demo workspace and prints a one-time admin password.',
    },
    load: async () => (await import('./serve.js')).registerServeCommands,
  },
  {
    commands: { network: 'Analyse networks of actors and ties: bridges, brokers and gaps across a divide' },
    load: async () => (await import('./network.js')).registerNetworkCommands,
  },
  {
    commands: {
      evidence: 'Evidence of contact effects: effect sizes, meta-analysis and forest plots from CSV files',
    },
    load: async () => (await import('./evidence.js')).registerEvidenceCommands,
  },
  {
    commands: { dialogue: 'Dialogues: opinion groups, common ground, consensus' },
    load: async () => (await import('./dialogue.js')).registerDialogueCommands,
  },
  {
    commands: { audit: 'The audit log of every write, chained under a key derived from the master key' },
    load: async () => (await import('./audit.js')).registerAuditCommands,
  },
  {
    commands: {
      backup:
        'Write an encrypted, consistent copy of the whole database to FILE while the server runs (a new file, mode 0600); ' +
        'it opens only with the same master key',
      restore:
        'Restore a backup into an empty database (either engine); the restored audit chain must verify, else nothing is written',
    },
    load: async () => (await import('./backup.js')).registerBackupCommands,
  },
  {
    commands: {
      erase:
        'Emergency erasure: crypto-shred the identities of an initiative or a whole workspace (cannot be undone)',
    },
    load: async () => (await import('./erase.js')).registerEraseCommands,
  },
  {
    commands: {
      retention:
        'Retention: how long identities, attendance and raw survey answers are kept per initiative; run the job',
    },
    load: async () => (await import('./retention.js')).registerRetentionCommands,
  },
  {
    commands: { keys: 'Custody of the master key: split it into shares, combine them' },
    load: async () => (await import('./keys.js')).registerKeyCommands,
  },
  {
    commands: {
      accounts:
        'Accounts, roles and API tokens, for the operator (acts as the system; every change is audited)',
    },
    load: async () => (await import('./accounts.js')).registerAccountsCommands,
  },
  {
    commands: {
      import: 'Import files into the database (all or nothing)',
      export: 'Export data (pseudonyms unless names are asked for)',
      demo: 'The fictional demo workspace (Arvandia)',
    },
    load: async () => (await import('./interchange.js')).registerInterchangeCommands,
  },
  {
    commands: { surveys: 'Surveys of contact effects: results and CSV import of answers' },
    load: async () => (await import('./surveys.js')).registerSurveyCommands,
  },
  {
    commands: {
      workspaces: 'Workspaces you administer or hold a role in',
      conflicts: 'Conflicts, with their divides and groups',
      actors: 'Actors of a conflict: pseudonymous records; names only for those allowed to see them',
      ties: 'Ties between the actors of a conflict',
      initiatives: 'Initiatives (Track-II processes)',
      meetings: 'Meetings of an initiative and who attended (attendance makes or strengthens met ties)',
      outcomes: 'Outcomes of an initiative',
    },
    load: async () => (await import('./records.js')).registerRecordCommands,
  },
  {
    commands: { events: 'Event data of the violence around a conflict (ACLED, UCDP)' },
    load: async () => (await import('./events.js')).registerEventCommands,
  },
  {
    commands: {
      trackone: "A conflict's Track-I timeline: official talks, ceasefires, agreements (PA-X coding)",
      resources: "An initiative's resources: budget lines, funders' pledges, disbursements and the gap",
      indicators: "Peace indicators (CEWARN): a field monitor's monthly counts per area",
    },
    load: async () => (await import('./track-one.js')).registerTrackOneCommands,
  },
];
