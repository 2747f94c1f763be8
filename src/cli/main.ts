import { Command, CommanderError } from 'commander';
import { isTrackTwoError } from '../domain/errors.js';
import { commandAreas } from './commands/index.js';
import { processIo, type CliIo, type CommandContext } from './io.js';

export function buildProgram(ctx: CommandContext): Command {
  const program = new Command('tracktwo')
    .description('tracktwo: the workbench of citizen diplomacy (Track II)')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) })
    .showHelpAfterError();
  for (const register of commandAreas) register(program, ctx);
  // Every subcommand inherits exit override and output routing, so `--help` works everywhere in tests.
  const inherit = (command: Command) => {
    for (const sub of command.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can call it. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const ctx: CommandContext = { ...io, setExitCode: (code) => void (exitCode = code) };
  const program = buildProgram(ctx);
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isTrackTwoError(error)) {
      ctx.err(`error ${error.code}: ${error.message}\n`);
      return 2;
    }
    ctx.err(`error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}
