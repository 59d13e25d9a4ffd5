/** Modules the build generates from the bundled dataset (see scripts/build.ts). */
declare module "virtual:matcher-table" {
  import type { MatcherTable } from "./core/matcher-table.ts";
  const table: MatcherTable;
  export default table;
}
declare module "virtual:bundled-dataset-id" {
  const id: string;
  export default id;
}
declare module "virtual:bundled-dataset" {
  import type { Dataset } from "./core/dataset-schema.ts";
  const dataset: Dataset;
  export default dataset;
}
declare module "virtual:bundled-automaton-key" {
  /** A hash of the automaton's builder and codec sources and of the bundled patterns (see scripts/build.ts). */
  const key: string;
  export default key;
}
