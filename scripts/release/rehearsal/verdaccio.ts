import { mkdirSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { runServer } from "verdaccio";

export interface Registry {
  url: string;
  /** .npmrc lines that send only our scope to this registry. */
  npmrc: string;
  /** Stops accepting, ends open connections, resolves once the server is closed. */
  stop: () => Promise<void>;
}

/**
 * A throw-away Verdaccio on 127.0.0.1 with its storage in `dir`. It has no uplinks: it knows
 * nothing but what the rehearsal publishes, so a package that resolved from it can only be ours,
 * and nothing it does can reach the public registry. Other packages come from the configured
 * npm registry directly, because only the `@ca-timeline` scope is pointed here.
 *
 * It runs in this process (Verdaccio's `runServer`) on port 0: the system picks a free port as it binds,
 * so there is no probe that another process could race, no pid to track and no readiness polling.
 */
export async function startVerdaccio(dir: string): Promise<Registry> {
  const storage = path.join(dir, "storage");
  mkdirSync(storage, { recursive: true });
  const config = path.join(dir, "config.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(storage)}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(path.join(dir, "htpasswd"))}`,
      "uplinks: {}",
      "packages:",
      "  '@ca-timeline/*':",
      "    access: $all",
      "    publish: $all",
      "    unpublish: $all",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "web:",
      "  enable: false",
      "middlewares:",
      "  audit:",
      "    enabled: false",
      "log: { type: stdout, format: pretty, level: warn }",
      "",
    ].join("\n"),
  );
  const app = (await runServer(config)) as { listen: (port: number, host: string) => Server };
  const server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  const token = await createUser(url);
  return {
    url,
    stop,
    npmrc: `@ca-timeline:registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`,
  };
}

/** Registers a throw-away user (the npm adduser protocol) and returns its token for publishing. */
async function createUser(url: string): Promise<string> {
  const name = "rehearsal";
  const response = await fetch(`${url}-/user/org.couchdb.user:${name}`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name, password: "rehearsal-only", type: "user", roles: [] }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) {
    throw new Error(`Verdaccio refused the rehearsal user: ${response.status} ${body.error ?? ""}`);
  }
  return body.token;
}
