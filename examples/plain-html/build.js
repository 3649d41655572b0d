// The site as it is deployed: the page, its script and the element's standalone bundle, side by side
// (the with-data bundle fetches its details file from beside itself).
import { copyFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";

await mkdir("dist", { recursive: true });
for (const file of ["ca-timeline-with-data.js", "ca-timeline-with-data.details.json"]) {
  const bundled = import.meta.resolve(`@ca-timeline/timeline-widget/standalone/${file}`);
  await copyFile(fileURLToPath(bundled), `dist/${file}`);
}
for (const file of ["index.html", "page.js"]) await copyFile(file, `dist/${file}`);
