import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "../workspace-packages.ts";
import { type Service, startService } from "./child-process.ts";
import { freePort, waitForHttp } from "./free-port.ts";

export interface Registry {
  url: string;
  service: Service;
  /** .npmrc lines that send only our scope to this registry. */
  npmrc: string;
}

/**
 * A throw-away Verdaccio on 127.0.0.1 with its storage in `dir`. It has no uplinks: it knows
 * nothing but what the rehearsal publishes, so a package that resolved from it can only be ours,
 * and nothing it does can reach the public registry. Other packages come from the configured
 * npm registry directly, because only the `@ca-timeline` scope is pointed here.
 */
export async function startVerdaccio(dir: string): Promise<Registry> {
  const port = await freePort();
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
  const service = startService(
    process.execPath,
    [
      path.join(repoRoot, "node_modules", "verdaccio", "bin", "verdaccio"),
      "--config",
      config,
      "--listen",
      `127.0.0.1:${port}`,
    ],
    { cwd: dir, env: { ...process.env, VERDACCIO_HANDLE_KILL_SIGNALS: "true" } },
  );
  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHttp(`${url}-/ping`, 60_000, service.alive);
  } catch (error) {
    await service.stop();
    throw new Error(`Verdaccio did not start: ${String(error)}\n${service.output()}`);
  }
  const token = await createUser(url);
  return {
    url,
    service,
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
