import { createHash } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HTML_CSP, htmlCsp, serveStatic } from "./static-files.ts";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
const STYLE = "body{margin:0}";
const SHADOW_STYLE = ":host{display:block}";
const ATTRIBUTE = "--n:0.5";

describe("the policy of a static HTML page", () => {
  let dir: string;
  let serve: ReturnType<typeof serveStatic>;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "static-"));
    await writeFile(
      join(dir, "page.html"),
      `<!doctype html><style>${STYLE}</style><x-y><template shadowrootmode="open"><style>${SHADOW_STYLE}</style><i style="${ATTRIBUTE}"></i><i style="a&amp;b"></i></template></x-y><style>${STYLE}</style>`,
    );
    await writeFile(join(dir, "plain.html"), "<!doctype html><p>no style</p>");
    serve = serveStatic(dir);
  });
  afterAll(() => rm(dir, { recursive: true }));

  const policy = async (path: string) =>
    (await serve(new Request(`http://localhost/${path}`)))!.headers.get("content-security-policy")!;

  it("allows exactly the page's own inline styles and style attributes, by hash", async () => {
    const csp = await policy("page.html");
    const styleSrc = csp.split("; ").find((d) => d.startsWith("style-src "));
    expect(styleSrc).toBe(
      `style-src 'self' ${sha256(STYLE)} ${sha256(SHADOW_STYLE)} 'unsafe-hashes' ${sha256(ATTRIBUTE)}`,
    );
    expect(csp).not.toContain("unsafe-inline");
    // Everything but style-src stays as strict as ever.
    expect(csp.replace(styleSrc!, "style-src 'self'")).toBe(HTML_CSP);
    expect(await policy("page.html")).toBe(csp);
  });

  it("keeps the strict policy for a page without inline styles", async () => {
    expect(await policy("plain.html")).toBe(HTML_CSP);
    expect(htmlCsp("<p>style</p> <!-- <style --> text")).toBe(HTML_CSP);
  });
});
