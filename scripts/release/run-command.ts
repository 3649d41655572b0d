import { type ChildProcess, spawn } from "node:child_process";

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

/** Signals the process group a command leads (its pid is the group id); gone already is fine. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group has exited.
  }
}

/** Commands running right now, so that an interrupted script can stop them by pid. */
const running = new Set<ChildProcess>();

/**
 * Stops (SIGTERM by pid, SIGKILL after `graceMs`) every command started by runCommand that is still
 * running, and resolves once they are gone, so that their directories can be removed safely.
 */
export async function stopRunningCommands(graceMs = 5_000): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) {
            resolve();
            return;
          }
          const killer = setTimeout(() => signalGroup(child, "SIGKILL"), graceMs);
          child.once("close", () => {
            clearTimeout(killer);
            resolve();
          });
          signalGroup(child, "SIGTERM");
        }),
    ),
  );
}

/** Runs a command without a shell, bounded in time; resolves with its exit code and output. */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  const { cwd, env = process.env, timeoutMs = 5 * 60_000, echo = false } = options;
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopping it also stops what it started (npm → turbo → tsc).
    const child = spawn(command, args, {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    running.add(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      signalGroup(child, "SIGTERM");
      setTimeout(() => signalGroup(child, "SIGKILL"), 5_000).unref();
    }, timeoutMs);
    child.on("error", (error) => {
      running.delete(child);
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      running.delete(child);
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`${command} ${args.join(" ")} timed out after ${timeoutMs} ms`));
        return;
      }
      resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr });
    });
  });
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
