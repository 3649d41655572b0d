// A small Node server: the server-rendered page at `/`, the element's hydrating bundle and the data it
// loads in the browser.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { renderPage } from "./render.js";

const file = (specifier: string) => fileURLToPath(import.meta.resolve(specifier));
const FILES: Record<string, [string, string]> = {
  "/ca-timeline-hydrate.js": [
    file("@ca-timeline/timeline-widget/standalone/ca-timeline-hydrate.js"),
    "text/javascript; charset=utf-8",
  ],
  "/events.json": [file("@ca-timeline/data/events.json"), "application/json; charset=utf-8"],
};

export async function startServer(port = 0): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://localhost").pathname;
      if (path === "/") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(await renderPage());
      }
      const served = FILES[path];
      if (!served) return res.writeHead(404).end("Not found");
      res.writeHead(200, { "content-type": served[1] });
      res.end(await readFile(served[0]));
    } catch (error) {
      console.error(error);
      res.writeHead(500).end("Server error");
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer(Number(process.env.PORT ?? 3000));
  console.log(`listening on ${url}`);
}
