/** Where a command writes. Tests pass their own to capture output; the bin passes the process's. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stderr is a terminal, so progress bars may draw. */
  interactive: boolean;
}

/** What a command receives: the output channels plus a way to fail without throwing. */
export interface CommandContext extends CliIo {
  setExitCode(code: number): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY),
};

/** Captures a run's output, for tests. */
export function captureIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    interactive: false,
    out(text: string) {
      io.stdout += text;
    },
    err(text: string) {
      io.stderr += text;
    },
  };
  return io;
}
