import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { buildProgram, main } from '../../src/cli/main.js';
import { commandAreas } from '../../src/cli/commands/index.js';
import { captureIo } from '../../src/cli/io.js';

function allCommandPaths(command: Command, prefix: string[] = []): string[][] {
  return command.commands.flatMap((sub) => {
    const path = [...prefix, sub.name()];
    return [path, ...allCommandPaths(sub, path)];
  });
}

describe('tracktwo CLI', () => {
  it('prints help for the program', async () => {
    const io = captureIo();
    const code = await main(['node', 'tracktwo', '--help'], io);
    expect(code).toBe(0);
    expect(io.stdout).toContain('Usage: tracktwo');
  });

  it('prints help for every command', async () => {
    const program = await buildProgram({ ...captureIo(), setExitCode: () => {} });
    for (const path of allCommandPaths(program)) {
      const io = captureIo();
      const code = await main(['node', 'tracktwo', ...path, '--help'], io);
      expect(code, path.join(' ')).toBe(0);
      expect(io.stdout, path.join(' ')).toContain('Usage:');
    }
  });

  it('lists each area by the names and descriptions the area itself registers', async () => {
    for (const area of commandAreas) {
      const program = new Command('tracktwo');
      (await area.load())(program, { ...captureIo(), setExitCode: () => {} });
      const registered = Object.fromEntries(program.commands.map((sub) => [sub.name(), sub.description()]));
      expect(registered).toEqual(area.commands);
    }
  });

  it("lists every command of the full program in the program's help, without loading the areas", async () => {
    const program = await buildProgram({ ...captureIo(), setExitCode: () => {} });
    const io = captureIo();
    expect(await main(['node', 'tracktwo', '--help'], io)).toBe(0);
    const commandList = io.stdout.slice(io.stdout.indexOf('Commands:'));
    const listed = [...commandList.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]);
    expect(listed).toEqual([...program.commands.map((sub) => sub.name()), 'help']);
  });

  it('rejects an unknown command with a non-zero exit', async () => {
    const io = captureIo();
    expect(await main(['node', 'tracktwo', 'no-such-command'], io)).not.toBe(0);
  });
});
