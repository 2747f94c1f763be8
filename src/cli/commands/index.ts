import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerServeCommands } from './serve.js';
import { registerNetworkCommands } from './network.js';
import { registerEvidenceCommands } from './evidence.js';
import { registerDialogueCommands } from './dialogue.js';
import { registerAuditCommands } from './audit.js';
import { registerAccountsCommands } from './accounts.js';
import { registerInterchangeCommands } from './interchange.js';
import { registerRecordCommands } from './records.js';
import { registerSurveyCommands } from './surveys.js';

/** Each area registers its own commands; add one import and one line per area. */
export type RegisterCommands = (program: Command, ctx: CommandContext) => void;

export const commandAreas: RegisterCommands[] = [
  registerServeCommands,
  registerNetworkCommands,
  registerEvidenceCommands,
  registerDialogueCommands,
  registerAuditCommands,
  registerAccountsCommands,
  registerInterchangeCommands,
  registerSurveyCommands,
  registerRecordCommands,
];
