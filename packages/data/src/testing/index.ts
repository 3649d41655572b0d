// `@ca-timeline/data/testing`: synthetic data in the shape of `events.json`, for tests, demos and load
// tests of anything built on this package. Plain code without Node APIs, so it runs in browsers too.
export { type SyntheticOptions, syntheticDataset } from "./synthetic-dataset.ts";
