import { fileURLToPath } from "node:url";
import { execa, type ResultPromise } from "execa";

/** Output is read as it comes (not buffered), and exit codes are reported, not thrown. */
const EXECA_OPTIONS = {
  buffer: false,
  reject: false,
  stdin: "ignore",
  // Signals are the test's to send: execa would SIGKILL 5 s after a SIGTERM, cutting a slow drain short.
  forceKillAfterDelay: false,
} as const;

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

export interface CliProcess {
  /** The process (execa's subprocess: a ChildProcess, with IPC when asked). */
  child: ResultPromise<typeof EXECA_OPTIONS & { ipc: boolean }>;
  url: URL;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): { stdout: string; stderr: string };
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

export interface CliOptions {
  /** Options for Node itself, before the script (e.g. `--expose-gc`, `--import <preload>`). */
  nodeArgs?: string[];
  /** Opens an IPC channel to the process (`child.send`, `child.on("message")`). */
  ipc?: boolean;
}

/**
 * Runs the built CLI (`dist/cli.js`, what `npm install` ships; turbo builds before testing) on a free
 * port of 127.0.0.1 and resolves once it listens.
 */
export function startCli(args: string[] = [], options: CliOptions = {}): Promise<CliProcess> {
  const child = execa(
    process.execPath,
    [...(options.nodeArgs ?? []), CLI, "--port", "0", "--host", "127.0.0.1", ...args],
    { ...EXECA_OPTIONS, ipc: options.ipc ?? false },
  );
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk;
  });
  // Its exit code; null when a signal ended it (the CLI itself exits 0 on SIGTERM).
  const exited = child.then((result) => result.exitCode ?? null);
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      stdout += chunk;
      const listening = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
      if (listening)
        resolve({ child, url: new URL(listening[1]!), output: () => ({ stdout, stderr }), exited });
    });
    void exited.then((code) =>
      reject(new Error(`the CLI exited (${code}) before listening:\n${stdout}${stderr}`)),
    );
  });
}

/** Resolves once the process has written this to stdout. */
export function waitForOutput(cli: CliProcess, text: string): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (cli.output().stdout.includes(text)) {
        cli.child.stdout!.off("data", check);
        resolve();
      }
    };
    cli.child.stdout!.on("data", check);
    check();
  });
}
