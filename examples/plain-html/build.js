// The site as it is deployed: the page, its script and the element's standalone bundle, side by side.
import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

const bundle = import.meta.resolve(
  "@ca-timeline/timeline-widget/standalone/ca-timeline-with-data.js",
);
await mkdir("dist", { recursive: true });
await copyFile(fileURLToPath(bundle), "dist/ca-timeline-with-data.js");
for (const file of ["index.html", "page.js"]) await copyFile(file, `dist/${file}`);
