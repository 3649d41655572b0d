import { describe, expect, it } from "vitest";
import { runChecked, runCommand, startService } from "./processes.ts";

const node = process.execPath;

describe("release processes", { timeout: 30_000 }, () => {
  it("runCommand resolves with the exit code and both outputs", async () => {
    const result = await runCommand(node, [
      "-e",
      "process.stdout.write('out'); process.stderr.write('err'); process.exit(3)",
    ]);
    expect(result).toEqual({ code: 3, stdout: "out", stderr: "err" });
  });

  it("runChecked throws with the output of a failing command", async () => {
    await expect(runChecked(node, ["-e", "console.log('why'); process.exit(1)"])).rejects.toThrow(
      /exited with 1:\nwhy/,
    );
  });

  it("runCommand stops a command that runs past its time, with what it started", async () => {
    const started = performance.now();
    await expect(
      runCommand(node, ["-e", "setInterval(() => {}, 1000)"], { timeoutMs: 300 }),
    ).rejects.toThrow(/timed out after 300 ms/);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("startService waits for a line, then stops the service by its pid", async () => {
    const service = startService(node, [
      "-e",
      "console.log('starting'); setTimeout(() => console.log('ready on 1234'), 50); setInterval(() => {}, 1000)",
    ]);
    expect(await service.waitForLine((line) => line.startsWith("ready"), 10_000)).toBe(
      "ready on 1234",
    );
    expect(service.alive()).toBe(true);
    await service.stop(2_000);
    expect(service.alive()).toBe(false);
    expect(service.output()).toContain("starting\n");
  });

  it("waitForLine rejects when the service exits first", async () => {
    const service = startService(node, ["-e", "console.log('bye')"]);
    await expect(service.waitForLine((line) => line === "never", 10_000)).rejects.toThrow(/exited/);
  });

  it("startService keeps stdout and stderr apart, finds lines already written, and talks over IPC", async () => {
    const service = startService(
      node,
      [
        "-e",
        "console.log('out line'); console.error('err line'); process.on('message', (m) => process.send({ echo: m }))",
      ],
      { ipc: true, group: false },
    );
    await service.waitForLine((line) => line === "err line", 10_000);
    // Both lines are out by now: a wait that starts late still finds the one written first.
    expect(await service.waitForLine((line) => line === "out line", 10)).toBe("out line");
    expect(service.stdout()).toBe("out line\n");
    expect(service.stderr()).toBe("err line\n");
    const reply = new Promise((resolve) => service.child.once("message", resolve));
    service.child.send("ping");
    expect(await reply).toEqual({ echo: "ping" });
    // Not a group leader: stopped by its own pid.
    expect(await service.stop(2_000)).toBeUndefined();
    expect(service.alive()).toBe(false);
  });
});
