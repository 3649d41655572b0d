// Custom Elements Manifest analyzer settings: `npm run build` writes custom-elements.json.
export default {
  globs: ["src/ca-timeline.ts", "src/define.ts"],
  outdir: ".",
  litelement: true,
  plugins: [
    {
      // Lit's internal state (`_data`, `_status`…) is declared in `static properties` like the public
      // API; it is no attribute and no public member, so it stays out of the manifest.
      name: "drop-internal-state",
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.attributes) {
              declaration.attributes = declaration.attributes.filter(
                (a) => !a.name.startsWith("_"),
              );
            }
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (m) =>
                  !m.name.startsWith("_") &&
                  !m.name.startsWith("#") &&
                  m.privacy !== "private" &&
                  m.privacy !== "protected",
              );
            }
          }
        }
      },
    },
  ],
};
