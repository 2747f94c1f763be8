import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { z } from 'zod';
import { statementSubmitSchema } from '../../domain/dialogue.js';
import { TrackTwoError } from '../../domain/errors.js';
import { languageCodeSchema, translationPutSchema } from '../../domain/statement-translations.js';
import {
  exportPolis,
  putStatementsForward,
  putTranslation,
  removeTranslation,
  translationQueue,
} from '../../services/dialogues/index.js';
import { databaseHelp, withServices } from '../database.js';
import type { CommandContext } from '../io.js';
import { firstIssue } from '../validation.js';

/** Reads options through the same schema the API uses, naming the option at fault. */
function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = firstIssue(result.error);
    throw new TrackTwoError('TT_ERR_VALIDATION', { field: issue.field || 'language', reason: issue.reason });
  }
  return result.data;
}

/**
 * `dialogue translations list|set|remove|export` and `dialogue statements add --language`: the same use
 * cases as the translate screen and the API (src/services/dialogues/translations.ts).
 */
export function registerDialogueTranslationCommands(dialogue: Command, ctx: CommandContext): void {
  const translations = dialogue
    .command('translations')
    .description("Statements translated by people into the dialogue's languages");
  translations
    .command('list')
    .description('The translation queue: each statement, its translations and the languages it lacks')
    .requiredOption('--dialogue <id>', 'the dialogue')
    .option('--missing <language>', 'only statements lacking a translation into this language')
    .option('--format <format>', 'json or text', 'text')
    .option('--database <url>', databaseHelp)
    .action(async (options: { dialogue: string; missing?: string; format: string; database?: string }) => {
      const missing = options.missing === undefined ? undefined : parsed(languageCodeSchema, options.missing);
      const items = await withServices(options.database, (services) =>
        translationQueue(services, options.dialogue, { missing }),
      );
      if (options.format === 'json') return ctx.out(JSON.stringify({ items }) + '\n');
      for (const item of items) {
        ctx.out(`#${item.number} [${item.language ?? '?'}] ${item.text}\n`);
        for (const t of item.translations) ctx.out(`    ${t.language} (${t.status}): ${t.text}\n`);
        if (item.missing.length) ctx.out(`    missing: ${item.missing.join(', ')}\n`);
      }
      ctx.err(`${items.length} statements\n`);
    });
  translations
    .command('set')
    .description("Write (or correct) a statement's translation into a language")
    .requiredOption('--dialogue <id>', 'the dialogue')
    .requiredOption('--statement <id>', 'the statement')
    .requiredOption('--language <code>', 'the language of the translation, e.g. he')
    .requiredOption('--text <text>', 'the translated text')
    .option('--database <url>', databaseHelp)
    .action(
      async (options: {
        dialogue: string;
        statement: string;
        language: string;
        text: string;
        database?: string;
      }) => {
        const language = parsed(languageCodeSchema, options.language);
        const body = parsed(translationPutSchema, { text: options.text });
        const saved = await withServices(options.database, (services) =>
          putTranslation(services, options.dialogue, options.statement, language, body),
        );
        ctx.out(`Saved the ${saved.language} translation of statement ${saved.statement_id}\n`);
      },
    );
  translations
    .command('remove')
    .description("Remove a statement's translation into a language")
    .requiredOption('--dialogue <id>', 'the dialogue')
    .requiredOption('--statement <id>', 'the statement')
    .requiredOption('--language <code>', 'the language of the translation')
    .option('--database <url>', databaseHelp)
    .action(async (options: { dialogue: string; statement: string; language: string; database?: string }) => {
      const language = parsed(languageCodeSchema, options.language);
      await withServices(options.database, (services) =>
        removeTranslation(services, options.dialogue, options.statement, language),
      );
      ctx.out(`Removed the ${language} translation of statement ${options.statement}\n`);
    });
  translations
    .command('export')
    .description("Write the dialogue's translations as comment-translations.csv (Pol.is comment ids)")
    .requiredOption('--dialogue <id>', 'the dialogue')
    .requiredOption('--out <file>', 'the CSV file to write')
    .option('--database <url>', databaseHelp)
    .action(async (options: { dialogue: string; out: string; database?: string }) => {
      const files = await withServices(options.database, (services) =>
        exportPolis(services, options.dialogue),
      );
      writeFileSync(options.out, files.commentTranslations, { mode: 0o600 });
      ctx.err(`Wrote ${options.out}\n`);
    });

  dialogue
    .command('statements')
    .description("A dialogue's statements")
    .command('add')
    .description('Seed a statement (accepted at once, no author), in the language it is written in')
    .requiredOption('--dialogue <id>', 'the dialogue')
    .requiredOption('--text <text>', 'the statement')
    .option('--language <code>', "the language it is written in (default: the dialogue's first)")
    .option('--database <url>', databaseHelp)
    .action(async (options: { dialogue: string; text: string; language?: string; database?: string }) => {
      const body = parsed(statementSubmitSchema, { text: options.text, language: options.language });
      const added = await withServices(options.database, (services) =>
        putStatementsForward(services, options.dialogue, undefined, { statements: [body] }),
      );
      const items = 'items' in added ? added.items : [added];
      ctx.out(
        `Added statement ${items[0].id} (#${items[0].number}, ${items[0].language ?? 'no language'})\n`,
      );
    });
}
