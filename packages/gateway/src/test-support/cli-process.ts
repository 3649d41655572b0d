import { fileURLToPath } from "node:url";
import { type ListeningService, startListening } from "../../../../scripts/lib/listening.ts";

const CLI = fileURLToPath(new URL("../../dist/cli.js", import.meta.url));

/** The running CLI: the repository's service handle (output, exit, signals, IPC) and the URL it listens on. */
export type CliProcess = ListeningService;

export interface CliOptions {
  /** Options for Node itself, before the script (e.g. `--expose-gc`, `--import <preload>`). */
  nodeArgs?: string[];
  /** Opens an IPC channel to the process (`child.send`, `child.on("message")`). */
  ipc?: boolean;
}

/**
 * Runs the built CLI (`dist/cli.js`, what `npm install` ships; turbo builds before testing) on a free
 * port of 127.0.0.1 (port 0: the system picks it as the CLI binds) and resolves once it listens.
 * Started in the caller's process group: the tests send their own signals to it (`child.kill`).
 */
export function startCli(args: string[] = [], options: CliOptions = {}): Promise<CliProcess> {
  return startListening(
    process.execPath,
    [...(options.nodeArgs ?? []), CLI, "--port", "0", "--host", "127.0.0.1", ...args],
    { ipc: options.ipc ?? false, group: false },
  );
}

/** Resolves once the process has written a line containing this. */
export function waitForOutput(cli: CliProcess, text: string): Promise<string> {
  return cli.waitForLine((line) => line.includes(text), 60_000);
}
