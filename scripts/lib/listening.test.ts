import { describe, expect, it } from "vitest";
import { startListening } from "./listening.ts";

const node = process.execPath;

describe("startListening", { timeout: 30_000 }, () => {
  it("resolves with the URL of the server's listening line", async () => {
    const server = await startListening(node, [
      "-e",
      `const s = require("node:http").createServer((q, r) => r.end("hi")).listen(0, "127.0.0.1", () =>
        console.log(JSON.stringify({ msg: "listening", url: "http://127.0.0.1:" + s.address().port })));`,
    ]);
    expect(await (await fetch(server.url)).text()).toBe("hi");
    await server.stop(2_000);
    expect(server.alive()).toBe(false);
  });

  it("throws with the exit code and the output of a server that exits before listening", async () => {
    await expect(
      startListening(node, ["-e", "console.error('--port: bad'); process.exit(2)"]),
    ).rejects.toThrow(/node exited \(2\) before listening:\n--port: bad/);
  });

  it("stops a server that stays silent, and says how long it waited", async () => {
    await expect(
      startListening(node, ["-e", "setInterval(() => {}, 1000)"], {}, 300),
    ).rejects.toThrow(/node did not listen within 300 ms/);
  });
});
