import { Command, CommanderError } from 'commander';
import { isTrackTwoError } from '../domain/errors.js';
import { commandAreas, type CommandArea } from './commands/index.js';
import { processIo, type CliIo, type CommandContext } from './io.js';

function newProgram(ctx: CommandContext): Command {
  return new Command('tracktwo')
    .description('tracktwo: the workbench of citizen diplomacy (Track II)')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) })
    .showHelpAfterError();
}

/** Every subcommand inherits exit override and output routing, so `--help` works everywhere in tests. */
function inheritOutput(command: Command, ctx: CommandContext): void {
  for (const sub of command.commands) {
    sub.exitOverride().configureOutput({ writeOut: (s) => ctx.out(s), writeErr: (s) => ctx.err(s) });
    inheritOutput(sub, ctx);
  }
}

/** The whole program, every area loaded and registered. */
export async function buildProgram(ctx: CommandContext): Promise<Command> {
  const program = newProgram(ctx);
  for (const area of commandAreas) (await area.load())(program, ctx);
  inheritOutput(program, ctx);
  return program;
}

/** The command `argv` names (`tracktwo actors list`, `tracktwo help actors`: actors), if any. */
function commandNamed(argv: string[]): string | undefined {
  const operands = argv.slice(2).filter((arg) => !arg.startsWith('-'));
  return operands[0] === 'help' ? operands[1] : operands[0];
}

/**
 * The program for one invocation: the area of the named command loaded in full; otherwise (help of the
 * program, `--version`, an unknown command) every top-level command by name and description alone.
 */
async function programFor(argv: string[], ctx: CommandContext): Promise<Command> {
  const name = commandNamed(argv);
  const area: CommandArea | undefined = name
    ? commandAreas.find((candidate) => Object.hasOwn(candidate.commands, name))
    : undefined;
  const program = newProgram(ctx);
  if (area) {
    (await area.load())(program, ctx);
  } else {
    for (const { commands } of commandAreas) {
      for (const [command, description] of Object.entries(commands))
        program.command(command).description(description);
    }
  }
  inheritOutput(program, ctx);
  return program;
}

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can call it. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = 0;
  const ctx: CommandContext = { ...io, setExitCode: (code) => void (exitCode = code) };
  try {
    const program = await programFor(argv, ctx);
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
