import type { Kysely } from 'kysely';
import { CHANNEL_LANGUAGES } from '../../channels/replies.js';
import { channelByKeyword } from '../../store/repositories/channels.js';
import type { Database } from '../../store/schema.js';
import { writeChannelSettings } from '../channels/settings.js';

/**
 * The demo dialogue answers the SMS keyword DEMO and is the first item of the USSD menu, so that a
 * newcomer can try both with curl (README). A second demo workspace on the instance leaves the keyword
 * to the first.
 */
export async function writeDemoChannels(
  trx: Kysely<Database>,
  dialogueId: string,
  workspaceId: string,
): Promise<void> {
  const taken = await channelByKeyword(trx, 'DEMO');
  await writeChannelSettings(
    trx,
    dialogueId,
    workspaceId,
    {
      sms_keyword: taken ? null : 'DEMO',
      sms_enabled: !taken,
      ussd_enabled: true,
      languages: [...CHANNEL_LANGUAGES],
    },
    0,
  );
}
