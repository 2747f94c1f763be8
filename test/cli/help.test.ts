import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram, main } from '../../src/cli/main.js';
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
    const program = buildProgram({ ...captureIo(), setExitCode: () => {} });
    for (const path of allCommandPaths(program)) {
      const io = captureIo();
      const code = await main(['node', 'tracktwo', ...path, '--help'], io);
      expect(code, path.join(' ')).toBe(0);
      expect(io.stdout, path.join(' ')).toContain('Usage:');
    }
  });

  it('rejects an unknown command with a non-zero exit', async () => {
    const io = captureIo();
    expect(await main(['node', 'tracktwo', 'no-such-command'], io)).not.toBe(0);
  });
});
