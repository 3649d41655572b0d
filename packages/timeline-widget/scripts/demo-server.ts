// The demo as `npm start` serves it: the real gateway CLI with the built demo directory as its static
// files, on a free port of 127.0.0.1. Used by the demo's browser tests and the network benchmark.
import { fileURLToPath } from "node:url";
import { startService } from "../../../scripts/lib/processes.ts";

const cli = fileURLToPath(
  new URL("dist/cli.js", import.meta.resolve("@ca-timeline/gateway/package.json")),
);
const demo = fileURLToPath(new URL("../dist/demo", import.meta.url));

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const gateway = startService(
    process.execPath,
    [cli, "--port", "0", "--host", "127.0.0.1", "--static-dir", demo, "--no-metrics"],
    { group: false },
  );
  let listening: string;
  try {
    listening = await gateway.waitForLine((line) => line.includes('"msg":"listening"'), 60_000);
  } catch {
    await gateway.stop(1_000);
    throw new Error(`the gateway did not start listening:\n${gateway.output()}`);
  }
  return {
    url: (JSON.parse(listening) as { url: string }).url,
    async close() {
      await gateway.stop();
    },
  };
}
