import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeCompressor } from "./node-compression.ts";
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

describe("static files: validators and folders", () => {
  let dir: string;
  let serve: ReturnType<typeof serveStatic>;
  const CSS = `body{color:red}${" ".repeat(2000)}/* padding, worth compressing */`;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "static-"));
    await writeFile(join(dir, "index.html"), "<!doctype html><p>root</p>");
    await writeFile(join(dir, "site.css"), CSS);
    await mkdir(join(dir, "sub"));
    await writeFile(join(dir, "sub", "index.html"), '<!doctype html><a href="page.html">x</a>');
    await mkdir(join(dir, "empty"));
    serve = serveStatic(dir, nodeCompressor("stored"));
  });
  afterAll(() => rm(dir, { recursive: true }));

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    serve(new Request(`http://localhost${path}`, { method, headers }));

  it("sends a strong ETag (the content's SHA-256, one per coding) and 304 for If-None-Match or *", async () => {
    const plain = (await get("/site.css"))!;
    const hash = createHash("sha256").update(CSS).digest("base64url");
    expect(plain.headers.get("etag")).toBe(`"${hash}"`);
    const brotli = (await get("/site.css", { "accept-encoding": "br" }))!;
    expect(brotli.headers.get("content-encoding")).toBe("br");
    expect(brotli.headers.get("etag")).toBe(`"${hash}-br"`);
    for (const [ifNoneMatch, coding] of [
      [`"${hash}"`, "identity"],
      [`W/"${hash}"`, "identity"],
      [`"other", "${hash}-br"`, "br"],
      ["*", "identity"],
      ["*", "br"],
    ] as const) {
      const answer = (await get("/site.css", {
        "if-none-match": ifNoneMatch,
        "accept-encoding": coding,
      }))!;
      expect(answer.status, `${ifNoneMatch} ${coding}`).toBe(304);
      expect(await answer.text()).toBe("");
      expect(answer.headers.get("etag")).toBe(coding === "br" ? `"${hash}-br"` : `"${hash}"`);
      expect(answer.headers.get("cache-control")).toBe("public, max-age=300");
      expect(answer.headers.get("vary")).toBe("Accept-Encoding");
    }
    // Another representation's ETag, or another file's, is not a match.
    const other = (await get("/site.css", { "if-none-match": `"${hash}-br"` }))!;
    expect(other.status).toBe(200);
    expect(await other.text()).toBe(CSS);
    const head = (await get("/site.css", { "if-none-match": `"${hash}"` }, "HEAD"))!;
    expect(head.status).toBe(304);
  });

  it("a new version of a file gets a new ETag", async () => {
    await writeFile(join(dir, "changing.txt"), "one");
    const first = (await get("/changing.txt"))!.headers.get("etag");
    await writeFile(join(dir, "changing.txt"), "two, longer");
    const second = (await get("/changing.txt"))!.headers.get("etag");
    expect(second).not.toBe(first);
    expect((await get("/changing.txt", { "if-none-match": first! }))!.status).toBe(200);
  });

  it("redirects a folder with an index.html to its path with the slash", async () => {
    const redirect = (await get("/sub?x=1"))!;
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/sub/?x=1");
    const page = (await get("/sub/"))!;
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("page.html");
    // Never a redirect to another host (`//evil/`), nor for a folder without an index.html.
    expect((await get("//sub"))!.headers.get("location")).toBe("/sub/");
    expect(await get("/empty")).toBeUndefined();
    expect((await get("/"))!.status).toBe(200);
  });
});
