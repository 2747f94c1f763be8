/** SMS and USSD channels (migration 0017_channels). No table holds a phone number in plaintext. */
export interface DialogueChannelsTable {
  dialogue_id: string;
  workspace_id: string;
  /** Upper case; unique on the instance (one gateway number serves every dialogue). */
  sms_keyword: string | null;
  sms_enabled: number;
  ussd_enabled: number;
  /** JSON array of language codes the channel answers in; the first is the default. */
  languages: string;
  survey_id: string | null;
  /** Whether the number is kept, sealed in the vault, so that the convener can send to it. */
  keep_numbers: number;
  /** Position in the USSD menu (lowest first). */
  menu_order: number;
  updated_at: string;
}

export interface ChannelParticipantsTable {
  id: string;
  dialogue_id: string;
  participant_id: string;
  /** HMAC-SHA-256 (hex) of the normalised number under a key derived from the master key. */
  phone_hash: string;
  channel: 'sms' | 'ussd';
  language: string;
  last_statement_id: string | null;
  /** The number sealed under the workspace key, only when the dialogue keeps numbers. */
  sealed_number: string | null;
  joined_at: string;
  active_at: string;
  stopped_at: string | null;
}

export interface ChannelSentStatementsTable {
  channel_participant_id: string;
  /** The statement's short number in its dialogue, as sent. */
  number: number;
  statement_id: string;
  sent_at: string;
}

export interface ChannelMessagesTable {
  /** The gateway's MessageSid, or `ussd:` and a hash of session and path. */
  message_id: string;
  channel: 'sms' | 'ussd';
  channel_participant_id: string | null;
  reply: string;
  received_at: string;
}

export interface ChannelRatesTable {
  phone_hash: string;
  window_start: string;
  count: number;
}

export interface ChannelTables {
  dialogue_channels: DialogueChannelsTable;
  channel_participants: ChannelParticipantsTable;
  channel_sent_statements: ChannelSentStatementsTable;
  channel_messages: ChannelMessagesTable;
  channel_rates: ChannelRatesTable;
}
