// The demo as `npm start` serves it: the real gateway CLI with the built demo directory as its static
// files, on a free port. Used by the demo's browser tests and the network benchmark.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(
  new URL("dist/cli.js", import.meta.resolve("@ca-timeline/gateway/package.json")),
);
const demo = fileURLToPath(new URL("../dist/demo", import.meta.url));

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, "--port", "0", "--static-dir", demo, "--no-metrics", "--log-level", "info"],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`the gateway exited (${code}) before listening`)),
    );
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === "listening" && entry.url) resolve(entry.url);
    });
  });
  return {
    url,
    async close() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
