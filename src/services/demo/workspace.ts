import { writeDemoChannels } from './channels.js';
import type { Kysely } from 'kysely';
import { TrackTwoError } from '../../domain/errors.js';
import { generateDemoWorkspace } from '../../domain/demo/index.js';
import { systemAuth } from '../../security/auth.js';
import type { VaultKeys } from '../../security/vault.js';
import { engineOf } from '../../store/engine/index.js';
import type { Database } from '../../store/schema.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { writeDemoDialogue } from './dialogue.js';
import { writeDemoSurveys } from './surveys.js';
import {
  parseWorkspaceDocument,
  writeWorkspaceDocument,
  type ProgressListener,
} from '../interchange/import-workspace-json.js';

export interface DemoWorkspaceIds {
  workspaceId: string;
  conflictId: string;
  /** The two initiatives: the Highlands–Coast Dialogue and the Eastern Marches council. */
  initiativeIds: { dialogue: string; council: string };
  /** Store id of every demo record, by its key in the generator (`actor-017`, `meeting-3`, ...). */
  ids: Record<string, string>;
}

function isContext(value: ServiceContext | Kysely<Database>): value is ServiceContext {
  return 'keys' in value && 'db' in value;
}

/**
 * Loads the fictional Arvandia demo workspace in one transaction: records, identities through the
 * vault, and an audit row for every write. First start calls it as the system; tests call it with a
 * database and the vault's keys.
 */
export async function loadDemoWorkspace(
  target: ServiceContext | Kysely<Database>,
  keys?: VaultKeys,
  options: { onProgress?: ProgressListener } = {},
): Promise<DemoWorkspaceIds> {
  let ctx: ServiceContext;
  if (isContext(target)) ctx = target;
  else {
    if (!keys) throw new Error('loadDemoWorkspace(db, keys) needs the vault keys');
    ctx = { db: target, dialect: engineOf(target).name, keys, auth: systemAuth('demo workspace') };
  }
  const auth = ctx.auth;
  if (!auth) throw new TrackTwoError('TT_ERR_UNAUTHENTICATED');
  if (!auth.system) {
    throw new TrackTwoError('TT_ERR_FORBIDDEN', {
      reason: 'the demo is loaded by the system (first start or CLI)',
    });
  }
  const doc = parseWorkspaceDocument(generateDemoWorkspace());
  const imported = await inTransaction(ctx, async (trx) => {
    const written = await writeWorkspaceDocument(trx, ctx.keys, auth, doc, options);
    await writeDemoSurveys(trx, ctx.keys, auth, doc, written.ids, written.workspaceId);
    const dialogueId = await writeDemoDialogue(trx, ctx.keys, auth, {
      workspaceId: written.workspaceId,
      initiativeId: written.ids['initiative-dialogue'],
      meetingId: written.ids['meeting-2'] ?? null,
      divideId: written.ids['divide-community'],
      groupIdOf: (community) => written.ids[`group-${community}`],
    });
    await writeDemoChannels(trx, dialogueId, written.workspaceId);
    return written;
  });
  return {
    workspaceId: imported.workspaceId,
    conflictId: imported.ids['conflict-arvandia'],
    initiativeIds: {
      dialogue: imported.ids['initiative-dialogue'],
      council: imported.ids['initiative-council'],
    },
    ids: imported.ids,
  };
}
