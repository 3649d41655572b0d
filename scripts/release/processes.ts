// The one place the release scripts start processes: short commands (`runCommand`, `runChecked`) and
// long-running services (`startService`), on execa. Every command leads its own process group, so that
// stopping it (by its pid, as a group) also stops what it started (npm → turbo → tsc).
import { execa, type ResultPromise } from "execa";

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Kill the command (SIGTERM, then SIGKILL) after this many milliseconds. Default 5 minutes. */
  timeoutMs?: number;
  /** Echo the command's output while it runs (it is captured either way). */
  echo?: boolean;
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

type Child = ResultPromise<{ detached: true; all: true }>;

/** Signals the process group a command leads (its pid is the group id); gone already is fine. */
function signalGroup(child: Child, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has exited.
  }
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the command is gone. */
async function stopGroup(child: Child, graceMs: number): Promise<void> {
  const killer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
  signalGroup(child, "SIGTERM");
  await child.catch(() => undefined);
  clearTimeout(killer);
}

function start(command: string, args: readonly string[], options: RunOptions): Child {
  return execa(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    extendEnv: false,
    stdin: "ignore",
    stdout: options.echo ? ["pipe", "inherit"] : "pipe",
    stderr: options.echo ? ["pipe", "inherit"] : "pipe",
    all: true,
    detached: true,
    reject: false,
    stripFinalNewline: false,
  }) as Child;
}

/** Commands running right now, so that an interrupted script can stop them by pid. */
const running = new Set<Child>();

/**
 * Stops (SIGTERM by pid, SIGKILL after `graceMs`) every command started by runCommand that is still
 * running, and resolves once they are gone, so that their directories can be removed safely.
 */
export async function stopRunningCommands(graceMs = 5_000): Promise<void> {
  await Promise.all([...running].map((child) => stopGroup(child, graceMs)));
}

/** Runs a command without a shell, bounded in time; resolves with its exit code and output. */
export async function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { timeoutMs = 5 * 60_000 } = options;
  const child = start(command, args, options);
  running.add(child);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void stopGroup(child, 5_000);
  }, timeoutMs);
  try {
    const result = await child;
    if (timedOut) throw new Error(`${command} ${args.join(" ")} timed out after ${timeoutMs} ms`);
    // No exit code and no signal: it never started (e.g. ENOENT).
    if (result.exitCode === undefined && result.signal === undefined) throw result;
    return {
      code: result.exitCode ?? 128,
      stdout: String(result.stdout),
      stderr: String(result.stderr),
    };
  } finally {
    clearTimeout(timer);
    running.delete(child);
  }
}

/** Like runCommand, but throws with the command's output when it exits non-zero. */
export async function runChecked(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const result = await runCommand(command, args, options);
  if (result.code !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split("\n").slice(-40).join("\n");
    throw new Error(
      `\`${command} ${args.join(" ")}\` exited with ${result.code}${options.cwd ? ` in ${options.cwd}` : ""}:\n${output}`,
    );
  }
  return result;
}

export interface Service {
  pid: number;
  /** Everything the process wrote so far (stdout and stderr interleaved), for error reports. */
  output: () => string;
  alive: () => boolean;
  /** Resolves with the first output line `match` accepts; rejects if the process exits or time runs out. */
  waitForLine: (match: (line: string) => boolean, timeoutMs: number) => Promise<string>;
  /** SIGTERM by pid, SIGKILL after `graceMs`; resolves with the exit code once it is gone. */
  stop: (graceMs?: number) => Promise<number | undefined>;
}

/** Starts a long-running process (a server) that the caller must stop. */
export function startService(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Service {
  const child = start(command, args, options);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let output = "";
  const lines: ((line: string) => void)[] = [];
  let partial = "";
  child.all?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
    const parts = (partial + chunk).split("\n");
    partial = parts.pop() ?? "";
    for (const line of parts) for (const listener of [...lines]) listener(line);
  });
  let exited = false;
  const exit = child.then((result) => {
    exited = true;
    return result.exitCode;
  });
  return {
    pid,
    output: () => output,
    alive: () => !exited,
    waitForLine(match, timeoutMs) {
      return new Promise((resolve, reject) => {
        const done = (finish: () => void) => {
          clearTimeout(timer);
          lines.splice(lines.indexOf(listener), 1);
          finish();
        };
        const listener = (line: string) => {
          if (match(line)) done(() => resolve(line));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no such line within ${timeoutMs} ms`))),
          timeoutMs,
        );
        lines.push(listener);
        void exit.then(() => done(() => reject(new Error(`${command} exited`))));
      });
    },
    async stop(graceMs = 10_000) {
      if (!exited) await stopGroup(child, graceMs);
      return exit;
    },
  };
}
