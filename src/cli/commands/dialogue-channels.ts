import type { Command } from 'commander';
import { channelSettingsInputSchema, type ChannelSettings } from '../../domain/channels.js';
import { TrackTwoError } from '../../domain/errors.js';
import { dialogueChannels, setDialogueChannels } from '../../services/channels/settings.js';
import { databaseHelp, withServices } from '../database.js';
import type { CommandContext } from '../io.js';
import { firstIssue } from '../validation.js';

function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new TrackTwoError('TT_ERR_VALIDATION', { field: name, reason: 'on or off' });
}

function show(ctx: CommandContext, s: ChannelSettings, format: string): void {
  if (format === 'json') return ctx.out(JSON.stringify(s) + '\n');
  ctx.out(
    [
      `keyword: ${s.sms_keyword ?? '-'}`,
      `sms: ${s.sms_enabled ? 'on' : 'off'}`,
      `ussd: ${s.ussd_enabled ? 'on' : 'off'}`,
      `languages: ${s.languages.join(',')}`,
      `survey: ${s.survey_id ?? '-'}`,
      `numbers: ${s.participants.sms} by SMS, ${s.participants.ussd} by USSD, ${s.participants.stopped} left`,
    ].join('\n') + '\n',
  );
}

/**
 * `dialogue channels show|set`: the same use cases as the dialogue settings screen and the API
 * (src/services/channels/settings.ts). Counts only, never a number.
 */
export function registerDialogueChannelCommands(dialogue: Command, ctx: CommandContext): void {
  const channels = dialogue.command('channels').description("A dialogue's SMS and USSD channels");
  channels
    .command('show')
    .description('The SMS keyword, which channels are on, the languages, the USSD survey and counts')
    .argument('<dialogue>', 'the dialogue id')
    .option('--format <format>', 'json or text', 'text')
    .option('--database <url>', databaseHelp)
    .action(async (id: string, options: { format: string; database?: string }) => {
      const settings = await withServices(options.database, (services) => dialogueChannels(services, id));
      show(ctx, settings, options.format);
    });
  channels
    .command('set')
    .description('Change the SMS keyword, the channels on, the languages or the USSD survey')
    .argument('<dialogue>', 'the dialogue id')
    .option('--keyword <keyword>', 'the SMS keyword ("" for none)')
    .option('--sms <on|off>', 'SMS on or off')
    .option('--ussd <on|off>', 'USSD on or off')
    .option('--languages <codes>', 'comma-separated, e.g. so,en')
    .option('--survey <id>', 'the survey answered by USSD ("" for none)')
    .option('--format <format>', 'json or text', 'text')
    .option('--database <url>', databaseHelp)
    .action(
      async (
        id: string,
        options: {
          keyword?: string;
          sms?: string;
          ussd?: string;
          languages?: string;
          survey?: string;
          format: string;
          database?: string;
        },
      ) => {
        const input = {
          sms_keyword: options.keyword === undefined ? undefined : options.keyword || null,
          sms_enabled: onOff('sms', options.sms),
          ussd_enabled: onOff('ussd', options.ussd),
          languages: options.languages?.split(',').map((l) => l.trim()),
          survey_id: options.survey === undefined ? undefined : options.survey || null,
        };
        const result = channelSettingsInputSchema.safeParse(
          Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
        );
        if (!result.success) {
          const issue = firstIssue(result.error);
          throw new TrackTwoError('TT_ERR_VALIDATION', { field: issue.field, reason: issue.reason });
        }
        const settings = await withServices(options.database, (services) =>
          setDialogueChannels(services, id, result.data),
        );
        show(ctx, settings, options.format);
      },
    );
}
