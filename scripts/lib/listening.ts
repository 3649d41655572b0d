// A server started as a service (processes.ts) that says where it listens: the gateway CLI logs
// {"msg":"listening","url":"http://127.0.0.1:<port>"} once bound (with --port 0 the system picks a free
// port as it binds: no probe that another process could race). Used by the gateway's CLI tests and soak,
// the widget's demo server and the release rehearsal.
import path from "node:path";
import { type Service, type ServiceOptions, startService } from "./processes.ts";

export interface ListeningService extends Service {
  /** Where it listens, from its "listening" log line. */
  url: URL;
}

/** Starts the server and resolves once it listens; if it exits or stays silent, stops it and throws with its output. */
export async function startListening(
  command: string,
  args: readonly string[],
  options: ServiceOptions = {},
  timeoutMs = 60_000,
): Promise<ListeningService> {
  const service = startService(command, args, options);
  let line: string;
  try {
    line = await service.waitForLine((text) => text.includes('"msg":"listening"'), timeoutMs);
  } catch {
    const alive = service.alive();
    await service.stop(1_000);
    const why = alive
      ? `did not listen within ${timeoutMs} ms`
      : `exited (${await service.exited}) before listening`;
    throw new Error(`${path.basename(command)} ${why}:\n${service.output()}`);
  }
  return { ...service, url: new URL((JSON.parse(line) as { url: string }).url) };
}
