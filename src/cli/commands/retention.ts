import { InvalidArgumentError } from 'commander';
import { isLocationPrecision, locationPrecisions } from '../../domain/location-precision.js';
import { TrackTwoError } from '../../domain/errors.js';
import {
  privacySettingsPatchSchema,
  type PrivacySettings,
  type PrivacySettingsPatch,
} from '../../domain/privacy.js';
import { firstIssue } from '../validation.js';
import {
  getPrivacySettings,
  runRetention,
  updatePrivacySettings,
  type RetentionReport,
} from '../../services/privacy/index.js';
import { databaseHelp, withOperator } from '../database.js';
import type { RegisterCommands } from './index.js';

export const RETENTION_DESCRIPTION =
  'Retention: how long identities, attendance and raw survey answers are kept per initiative; run the job';

function days(value: string): number | null {
  if (value === 'keep') return null;
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('a number of days, or "keep"');
  return Number(value);
}

function instant(value: string): Date {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError('an ISO date or time');
  return date;
}

function precision(value: string): PrivacySettings['location_precision'] {
  if (!isLocationPrecision(value)) throw new InvalidArgumentError(`one of ${locationPrecisions.join(', ')}`);
  return value;
}

const period = (n: number | null) => (n === null ? 'kept' : `${n} days`);

function settingsText(s: PrivacySettings): string {
  return (
    `Initiative ${s.initiative_id}:\n` +
    `  identities: ${period(s.identities_days)} (from the person's last activity in the initiative)\n` +
    `  attendance: ${period(s.attendance_days)} (from the meeting's date)\n` +
    `  raw survey answers: ${period(s.answers_days)} (from the time the answer was submitted)\n` +
    `  hidden records are purged ${s.grace_days} days after they were hidden\n` +
    `  location precision: ${s.location_precision}\n`
  );
}

function reportText(report: RetentionReport): string {
  const verb = report.dry_run;
  const lines = [
    `${report.dry_run ? 'Dry run (nothing changed)' : 'Retention ran'} at ${report.ran_at}; ` +
      `${report.initiatives.length} initiatives had records to hide or purge.`,
  ];
  for (const i of report.initiatives) {
    lines.push(
      `${i.initiative_id}: ${verb ? 'would hide' : 'hid'} ${i.identities_hidden} identities, ` +
        `${i.attendances_hidden} attendance rows, ${i.answers_hidden} survey answers, ` +
        `${i.meeting_texts_hidden} minutes or notes, ${i.invitations_hidden} ended invitation links; ` +
        `${verb ? 'would purge' : 'purged'} ${i.identities_purged} identities (crypto-erased), ` +
        `${i.attendances_purged} attendance rows, ${i.answers_purged} survey answers, ` +
        `${i.meeting_texts_purged} minutes or notes, ${i.invitations_purged} invitation links`,
    );
  }
  return lines.join('\n') + '\n';
}

export const registerRetentionCommands: RegisterCommands = (program, ctx) => {
  const retention = program.command('retention').description(RETENTION_DESCRIPTION);
  retention
    .command('run')
    .description(
      'Hide what the retention periods have outlived and purge what was hidden more than the grace period ago ' +
        '(the server also runs this on start and daily); prints counts, never data',
    )
    .option('--dry-run', 'print what it would hide and purge, change nothing')
    .option('--now <time>', 'run as if it were this time (ISO)', instant)
    .option('--json', 'print the report as JSON')
    .option('--database <url>', databaseHelp)
    .action(async (options: { dryRun?: boolean; now?: Date; json?: boolean; database?: string }) => {
      const report = await withOperator(options.database, (services) =>
        runRetention(services, { dryRun: options.dryRun === true, now: options.now }),
      );
      ctx.out(options.json ? JSON.stringify(report) + '\n' : reportText(report));
    });
  retention
    .command('show')
    .description("An initiative's retention periods and location precision")
    .argument('<initiative>', "the initiative's id")
    .option('--json', 'print as JSON')
    .option('--database <url>', databaseHelp)
    .action(async (id: string, options: { json?: boolean; database?: string }) => {
      const settings = await withOperator(options.database, (services) => getPrivacySettings(services, id));
      ctx.out(options.json ? JSON.stringify(settings) + '\n' : settingsText(settings));
    });
  retention
    .command('set')
    .description(
      "Set an initiative's retention periods (days, or keep) and location precision (audited; a coarser " +
        'precision coarsens stored coordinates)',
    )
    .argument('<initiative>', "the initiative's id")
    .option('--identities <days>', 'days identities are kept after the last activity, or keep', days)
    .option('--attendance <days>', 'days attendance is kept after the meeting, or keep', days)
    .option('--answers <days>', 'days raw survey answers are kept after submission, or keep', days)
    .option('--precision <precision>', `location precision: ${locationPrecisions.join(', ')}`, precision)
    .option('--database <url>', databaseHelp)
    .action(
      async (
        id: string,
        options: {
          identities?: number | null;
          attendance?: number | null;
          answers?: number | null;
          precision?: PrivacySettings['location_precision'];
          database?: string;
        },
      ) => {
        const patch: PrivacySettingsPatch = {};
        if (options.identities !== undefined) patch.identities_days = options.identities;
        if (options.attendance !== undefined) patch.attendance_days = options.attendance;
        if (options.answers !== undefined) patch.answers_days = options.answers;
        if (options.precision !== undefined) patch.location_precision = options.precision;
        const parsed = privacySettingsPatchSchema.safeParse(patch);
        if (!parsed.success) {
          const { field, reason } = firstIssue(parsed.error);
          throw new TrackTwoError('TT_ERR_VALIDATION', {
            field: field ? `--${field.replace(/_days$/, '')}` : '--identities',
            reason: field
              ? reason
              : 'give at least one of --identities, --attendance, --answers, --precision',
          });
        }
        const settings = await withOperator(options.database, (services) =>
          updatePrivacySettings(services, id, parsed.data),
        );
        ctx.out(settingsText(settings));
      },
    );
};
