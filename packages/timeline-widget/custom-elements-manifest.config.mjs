// Custom Elements Manifest analyzer settings: `npm run build` writes custom-elements.json. The manifest
// describes what ships (module paths in dist/, each with its declarations), events with their `detail`
// types (from `HTMLElementEventMap` in the element's module) and defaults as values, so tools (VS Code
// custom data, JSX type generators) produce correct output; test/custom-elements.test.ts generates from it.
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Source module → the shipped module that exports its declarations (package exports "." and "./define").
 * The element's class is exported by the main entry; a module missing here fails the build.
 */
const shippedModules = {
  "src/ca-timeline.ts": "dist/index.js",
  "src/define.ts": "dist/define.js",
};

const shipped = (module) => {
  const source = module.replace(/^\//, "");
  const target = shippedModules[source];
  if (!target) throw new Error(`custom-elements.json: no shipped module for ${source}`);
  return target;
};

let ts;
/** Event name → type text, from `interface HTMLElementEventMap` in the analysed modules. */
const eventTypes = new Map();
/** Source module → (imported name → the file it comes from), for defaults that are imported constants. */
const imports = new Map();

/** The literal value of `export const name = <literal>` in a source file, as manifest text. */
function constantValue(file, name) {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.name.getText(source) !== name || !declaration.initializer) continue;
      const value = declaration.initializer;
      if (ts.isNumericLiteral(value)) return String(Number(value.text));
      if (ts.isStringLiteral(value)) return JSON.stringify(value.text);
      return value.getText(source);
    }
  }
  throw new Error(`custom-elements.json: no constant ${name} in ${file}`);
}

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
    {
      // `@fires` names an event; its type (`CustomEvent<detail>`) is the one `HTMLElementEventMap` declares.
      // Defaults that are imported constants (`timeout = DEFAULT_TIMEOUT`) become their values, and list
      // attributes are typed as the text they are.
      name: "event-types-and-default-values",
      analyzePhase({ ts: typescript, node, moduleDoc }) {
        ts = typescript;
        if (ts.isInterfaceDeclaration(node) && node.name.text === "HTMLElementEventMap") {
          for (const member of node.members) {
            if (member.name && ts.isStringLiteral(member.name) && member.type) {
              eventTypes.set(member.name.text, member.type.getText());
            }
          }
        }
        if (ts.isImportDeclaration(node) && node.importClause?.namedBindings) {
          const from = node.moduleSpecifier.text;
          const bindings = node.importClause.namedBindings;
          if (!from.startsWith(".") || !ts.isNamedImports(bindings)) return;
          const names = imports.get(moduleDoc.path) ?? new Map();
          for (const element of bindings.elements) {
            names.set(element.name.text, path.join(path.dirname(moduleDoc.path), from));
          }
          imports.set(moduleDoc.path, names);
        }
      },
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            for (const event of declaration.events ?? []) {
              const type = eventTypes.get(event.name);
              if (!type)
                throw new Error(
                  `custom-elements.json: ${event.name} is not in HTMLElementEventMap`,
                );
              event.type = { text: type };
            }
            for (const member of declaration.members ?? []) {
              const file = member.default && imports.get(module.path)?.get(member.default);
              if (file) member.default = constantValue(file, member.default);
            }
            // An attribute is text: a list property (`themes: string[]`) is a comma list as an attribute.
            for (const attribute of declaration.attributes ?? []) {
              if (attribute.type?.text.endsWith("[]")) attribute.type = { text: "string" };
            }
          }
        }
      },
    },
    {
      // Last: every module path and declaration reference names the shipped module, not src/*.ts.
      name: "shipped-module-paths",
      packageLinkPhase({ customElementsManifest }) {
        const declaredIn = new Map();
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            declaredIn.set(declaration.name, shipped(module.path));
          }
        }
        for (const module of customElementsManifest.modules) {
          module.path = shipped(module.path);
          for (const entry of module.exports ?? []) {
            // A re-export (define.ts exports the class it imports) refers to the module that declares it.
            const from = entry.declaration?.module;
            if (from)
              entry.declaration.module = declaredIn.get(entry.declaration.name) ?? shipped(from);
          }
        }
      },
    },
  ],
};
