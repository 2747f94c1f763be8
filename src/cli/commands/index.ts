import type { Command } from 'commander';
import type { CommandContext } from '../io.js';
import { registerNetworkCommands } from './network.js';
import { registerEvidenceCommands } from './evidence.js';
import { registerDialogueCommands } from './dialogue.js';

/** Each area registers its own commands; add one import and one line per area. */
export type RegisterCommands = (program: Command, ctx: CommandContext) => void;

export const commandAreas: RegisterCommands[] = [
  registerNetworkCommands,
  registerEvidenceCommands,
  registerDialogueCommands,
];
