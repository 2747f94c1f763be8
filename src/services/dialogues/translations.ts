import type { z } from 'zod';
import { TrackTwoError } from '../../domain/errors.js';
import {
  missingLanguages,
  sourceLanguageOf,
  type StatementTranslation,
  type TranslationQueueItem,
  type translationPutSchema,
} from '../../domain/statement-translations.js';
import { nowIso } from '../../store/ids.js';
import * as repo from '../../store/repositories/dialogues.js';
import * as store from '../../store/repositories/statement-translations.js';
import { audit, must } from '../common.js';
import { inTransaction, type ServiceContext } from '../context.js';
import { requireDialogueAccess } from './dialogues.js';
import { ifLive } from './live.js';

/**
 * Statements translated by people: the translation queue (each statement beside its translations and the
 * dialogue's languages it still lacks), and writing and removing a translation. Translators see statements
 * and translations only: never authors, participants or votes. Nothing is sent to an outside service.
 */

function record(row: store.TranslationRow): StatementTranslation {
  return {
    statement_id: row.statement_id,
    language: row.language,
    text: row.text,
    status: row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** The queue: statements (rejected ones left out) with their translations; `missing` narrows to one language. */
export function translationQueue(
  ctx: ServiceContext,
  dialogueId: string,
  filter: { missing?: string } = {},
): Promise<TranslationQueueItem[]> {
  return inTransaction(ctx, async (trx) => {
    const { dialogue } = await requireDialogueAccess(trx, ctx.auth, 'statements.translate', dialogueId);
    if (filter.missing && !dialogue.languages.includes(filter.missing)) {
      throw new TrackTwoError('TT_ERR_TRANSLATION_LANGUAGE', {
        field: 'missing',
        reason: `not one of the dialogue's languages (${dialogue.languages.join(', ') || 'none set'})`,
      });
    }
    const statements = await repo.listStatements(trx, dialogueId);
    const byStatement = new Map<string, StatementTranslation[]>();
    for (const row of await store.listTranslations(trx, dialogueId)) {
      const list = byStatement.get(row.statement_id) ?? [];
      list.push(record(row));
      byStatement.set(row.statement_id, list);
    }
    return statements
      .filter((s) => s.moderation !== 'rejected')
      .map((s) => {
        const translations = byStatement.get(s.id) ?? [];
        return {
          statement_id: s.id,
          number: s.number,
          text: s.text,
          language: s.language,
          moderation: s.moderation,
          translations,
          missing: missingLanguages(
            s,
            translations.map((t) => t.language),
            dialogue.languages,
          ),
        };
      })
      .filter((item) => !filter.missing || item.missing.includes(filter.missing));
  });
}

async function statementOf(
  trx: Parameters<typeof repo.listStatements>[0],
  dialogueId: string,
  statementId: string,
) {
  const rows = await repo.listStatements(trx, dialogueId);
  return must(
    rows.find((r) => r.id === statementId),
    'statement',
  );
}

/** Writes (or corrects) the translation of a statement into one of the dialogue's other languages. */
export function putTranslation(
  ctx: ServiceContext,
  dialogueId: string,
  statementId: string,
  language: string,
  input: z.output<typeof translationPutSchema>,
): Promise<StatementTranslation> {
  return inTransaction(ctx, async (trx) => {
    const { dialogue, grant } = await requireDialogueAccess(
      trx,
      ctx.auth,
      'statements.translate',
      dialogueId,
    );
    const statement = await statementOf(trx, dialogueId, statementId);
    const source = sourceLanguageOf(statement, dialogue.languages);
    if (!dialogue.languages.includes(language) || language === source) {
      throw new TrackTwoError('TT_ERR_TRANSLATION_LANGUAGE', {
        field: 'language',
        reason:
          language === source
            ? 'this is the language the statement is written in'
            : `not one of the dialogue's languages (${dialogue.languages.join(', ') || 'none set'})`,
      });
    }
    const at = nowIso();
    const before = await store.getTranslation(trx, statementId, language);
    await store.putTranslation(trx, {
      statement_id: statementId,
      language,
      dialogue_id: dialogueId,
      text: input.text,
      translator_account_id: ctx.auth?.accountId ?? null,
      status: input.status,
      created_at: before?.created_at ?? at,
      updated_at: at,
    });
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      before ? 'statement_translation.update' : 'statement_translation.create',
      'dialogue_statement',
      statementId,
      grant.workspaceId,
    );
    return record(must(await store.getTranslation(trx, statementId, language), 'translation'));
  }).then(async (translation) => {
    await ifLive(ctx.db, dialogueId, (live) => live.setTranslation(statementId, language, translation.text));
    return translation;
  });
}

export function removeTranslation(
  ctx: ServiceContext,
  dialogueId: string,
  statementId: string,
  language: string,
): Promise<void> {
  return inTransaction(ctx, async (trx) => {
    const { grant } = await requireDialogueAccess(trx, ctx.auth, 'statements.translate', dialogueId);
    await statementOf(trx, dialogueId, statementId);
    must((await store.deleteTranslation(trx, statementId, language)) || undefined, 'translation');
    await audit(
      trx,
      ctx.keys,
      ctx.auth,
      'statement_translation.delete',
      'dialogue_statement',
      statementId,
      grant.workspaceId,
    );
  }).then(() => ifLive(ctx.db, dialogueId, (live) => live.setTranslation(statementId, language, null)));
}
