// The with-data build's embedded data, made by scripts/build.ts from `@ca-timeline/data` (bundled-details.ts).
declare module "virtual:ca-timeline/bundled-data" {
  /** The lean half of the dataset: what the list and the filters need. */
  export const bundled: import("./bundled-details.ts").LeanDataset;
  /** The details file's sha384 subresource-integrity hash. */
  export const integrity: string;
}
