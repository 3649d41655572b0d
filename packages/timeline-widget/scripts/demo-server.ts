// The demo as `npm start` serves it: the real gateway CLI with the built demo directory as its static
// files, on a free port of 127.0.0.1. Used by the demo's browser tests and the network benchmark.
import { fileURLToPath } from "node:url";
import { startListening } from "../../../scripts/lib/listening.ts";

const cli = fileURLToPath(
  new URL("dist/cli.js", import.meta.resolve("@ca-timeline/gateway/package.json")),
);
const demo = fileURLToPath(new URL("../dist/demo", import.meta.url));

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

export async function startDemoServer(): Promise<DemoServer> {
  const gateway = await startListening(
    process.execPath,
    [cli, "--port", "0", "--host", "127.0.0.1", "--static-dir", demo, "--no-metrics"],
    { group: false },
  );
  return {
    url: gateway.url.href,
    async close() {
      await gateway.stop();
    },
  };
}
