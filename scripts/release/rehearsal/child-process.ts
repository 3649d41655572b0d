import { type ChildProcess, spawn } from "node:child_process";

export interface Service {
  pid: number;
  child: ChildProcess;
  /** Everything the process wrote, for error reports. */
  output: () => string;
  alive: () => boolean;
  /** SIGTERM by pid, SIGKILL after `graceMs`; resolves with the exit code once it is gone. */
  stop: (graceMs?: number) => Promise<number | null>;
}

/** Starts a long-running process (a registry, a server) that the caller must stop. */
export function startService(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Service {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  let exited = false;
  let exitCode: number | null = null;
  const exit = new Promise<void>((resolve) =>
    child.on("exit", (code) => {
      exited = true;
      exitCode = code;
      resolve();
    }),
  );
  return {
    pid,
    child,
    output: () => output,
    alive: () => !exited,
    async stop(graceMs = 10_000) {
      if (!exited) {
        process.kill(pid, "SIGTERM");
        const killer = setTimeout(() => {
          if (!exited) process.kill(pid, "SIGKILL");
        }, graceMs);
        await exit;
        clearTimeout(killer);
      }
      return exitCode;
    },
  };
}
