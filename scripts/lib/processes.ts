// The one place the repository's scripts and tests start processes: short commands (`runCommand`,
// `runChecked`) and long-running services (`startService`: the release rehearsal's registry and gateway, the
// gateway's CLI tests and soak, the widget's demo server), on execa. Every command leads its own process
// group, so that stopping it (by its pid, as a group) also stops what it started (npm → turbo → tsc); so
// does a service unless started with `group: false`.
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
function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group has exited.
  }
}

/** SIGTERM through `signal`, SIGKILL after `graceMs`; resolves once `gone` does. */
async function stopProcess(
  signal: (name: NodeJS.Signals) => void,
  gone: Promise<unknown>,
  graceMs: number,
): Promise<void> {
  const killer = setTimeout(() => signal("SIGKILL"), graceMs);
  signal("SIGTERM");
  await gone;
  clearTimeout(killer);
}

/** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the command is gone. */
const stopGroup = (child: Child, graceMs: number) =>
  stopProcess(
    (name) => signalGroup(child.pid, name),
    child.catch(() => undefined),
    graceMs,
  );

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

/** How services are started (`startService`): the shape of execa's options, which types its subprocess. */
const SERVICE_OPTIONS = {
  extendEnv: false,
  stdin: "ignore",
  // Output is read as it comes, not buffered for the result: a server may write for a long time.
  buffer: false,
  reject: false,
  // Signals are the caller's to send: execa would SIGKILL 5 s after a SIGTERM, cutting a drain short.
  forceKillAfterDelay: false,
} as const;

export interface ServiceOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Opens an IPC channel to a Node process (`child.send`, `child.on("message")`). */
  ipc?: boolean;
  /**
   * The service leads its own process group (default), so that `stop` also ends what it started; a
   * service run in the caller's group (false) gets the terminal's Ctrl-C with its caller.
   */
  group?: boolean;
}

export interface Service {
  pid: number;
  /** The process itself (execa's subprocess): for signals of a test's own (`child.kill`) and IPC. */
  child: ResultPromise<typeof SERVICE_OPTIONS & { ipc: boolean }>;
  /** Everything the process wrote so far (stdout and stderr interleaved), for error reports. */
  output: () => string;
  /** What it wrote to stdout so far. */
  stdout: () => string;
  /** What it wrote to stderr so far. */
  stderr: () => string;
  alive: () => boolean;
  /** Resolves with the exit code once the process has exited (undefined when a signal ended it). */
  exited: Promise<number | undefined>;
  /**
   * Resolves with the first output line, already written or still to come, that `match` accepts;
   * rejects if the process exits first or time runs out.
   */
  waitForLine: (match: (line: string) => boolean, timeoutMs: number) => Promise<string>;
  /** SIGTERM by pid (to its group when it leads one), SIGKILL after `graceMs`; resolves with the exit code. */
  stop: (graceMs?: number) => Promise<number | undefined>;
}

/** Starts a long-running process (a server) that the caller must stop. */
export function startService(
  command: string,
  args: readonly string[],
  options: ServiceOptions = {},
): Service {
  const group = options.group ?? true;
  const child = execa(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: group,
    ipc: options.ipc ?? false,
    ...SERVICE_OPTIONS,
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let output = "";
  const streams = { stdout: "", stderr: "" };
  const lines: string[] = [];
  const listeners = new Set<(line: string) => void>();
  for (const name of ["stdout", "stderr"] as const) {
    let partial = "";
    child[name]?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      streams[name] += chunk;
      const parts = (partial + chunk).split("\n");
      partial = parts.pop() ?? "";
      for (const line of parts) {
        lines.push(line);
        for (const listener of [...listeners]) listener(line);
      }
    });
  }
  let ended = false;
  const exited = child.then((result) => {
    ended = true;
    return result.exitCode;
  });
  const signal = (name: NodeJS.Signals) => {
    if (group) signalGroup(pid, name);
    else child.kill(name);
  };
  return {
    pid,
    child,
    output: () => output,
    stdout: () => streams.stdout,
    stderr: () => streams.stderr,
    alive: () => !ended,
    exited,
    waitForLine(match, timeoutMs) {
      const seen = lines.find(match);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const done = (finish: () => void) => {
          clearTimeout(timer);
          listeners.delete(listener);
          finish();
        };
        const listener = (line: string) => {
          if (match(line)) done(() => resolve(line));
        };
        const timer = setTimeout(
          () => done(() => reject(new Error(`no such line within ${timeoutMs} ms`))),
          timeoutMs,
        );
        listeners.add(listener);
        void exited.then(() => done(() => reject(new Error(`${command} exited`))));
      });
    },
    async stop(graceMs = 10_000) {
      if (!ended) await stopProcess(signal, exited, graceMs);
      return exited;
    },
  };
}
