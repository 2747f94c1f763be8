import type { Kysely, Migration } from 'kysely';

/**
 * SMS and USSD channels of dialogues (issue #14). A dialogue's channel settings (its SMS keyword, unique on
 * the instance since the gateway's number is the instance's; the languages it answers in; the survey a USSD
 * caller may answer). Channel participants are keyed by an HMAC of the phone number, never the number; the
 * number itself is kept only when the convener asked to be able to send, sealed under the workspace key.
 * The message log (by the gateway's message id) makes a retried webhook answer the same and change nothing;
 * it holds no number. Rate counters are per number hash.
 */
export const channelsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('dialogue_channels')
      .addColumn('dialogue_id', 'text', (c) => c.primaryKey().references('dialogues.id').onDelete('cascade'))
      .addColumn('workspace_id', 'text', (c) => c.notNull())
      .addColumn('sms_keyword', 'text', (c) => c.unique())
      .addColumn('sms_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('ussd_enabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('languages', 'text', (c) => c.notNull())
      .addColumn('survey_id', 'text', (c) => c.references('surveys.id').onDelete('set null'))
      .addColumn('keep_numbers', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('menu_order', 'integer', (c) => c.notNull().defaultTo(100))
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('channel_participants')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('dialogue_id', 'text', (c) => c.notNull().references('dialogues.id').onDelete('cascade'))
      .addColumn('participant_id', 'text', (c) =>
        c.notNull().references('dialogue_participants.id').onDelete('cascade'),
      )
      .addColumn('phone_hash', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('last_statement_id', 'text')
      .addColumn('sealed_number', 'text')
      .addColumn('joined_at', 'text', (c) => c.notNull())
      .addColumn('active_at', 'text', (c) => c.notNull())
      .addColumn('stopped_at', 'text')
      .addUniqueConstraint('channel_participants_dialogue_phone', ['dialogue_id', 'phone_hash'])
      .execute();
    await db.schema
      .createIndex('channel_participants_phone')
      .on('channel_participants')
      .column('phone_hash')
      .execute();
    await db.schema
      .createTable('channel_sent_statements')
      .addColumn('channel_participant_id', 'text', (c) =>
        c.notNull().references('channel_participants.id').onDelete('cascade'),
      )
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('statement_id', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_sent_statements_pk', ['channel_participant_id', 'number'])
      .execute();
    await db.schema
      .createTable('channel_messages')
      .addColumn('message_id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('channel_participant_id', 'text', (c) =>
        c.references('channel_participants.id').onDelete('cascade'),
      )
      .addColumn('reply', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('channel_rates')
      .addColumn('phone_hash', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'text', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of [
      'channel_rates',
      'channel_messages',
      'channel_sent_statements',
      'channel_participants',
      'dialogue_channels',
    ])
      await db.schema.dropTable(table).ifExists().execute();
  },
};
