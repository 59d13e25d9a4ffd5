/**
 * The bundled matcher table as the build makes it — the bundled dataset's names and the lexicon
 * of names that are not ours — for the build itself and for the scanner, benchmarks and tests
 * that must see what the extension sees.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import type { MatcherTable } from "../../src/core/matcher-table.ts";
import { validateMagazineCues, validateStateCues } from "../../src/core/context-cues.ts";
import { readLexicon } from "./read-lexicon.ts";
import { BUNDLED_DATASET, readDatasetFile } from "./read-dataset-file.ts";

const root = path.resolve(import.meta.dirname, "../..");
/** The context cue files the matcher bundles as they are, each with its validator. */
const CONTEXT_CUES = {
  states: { file: path.join(root, "assets/lexicon/context/us-states.json"), validate: validateStateCues },
  magazines: { file: path.join(root, "assets/lexicon/context/city-magazines.json"), validate: validateMagazineCues },
} as const;

/** Validates one context cue file (the matcher imports them directly); throws with its file and every problem's JSON path. */
export async function checkContextCues(kind: keyof typeof CONTEXT_CUES, file: string = CONTEXT_CUES[kind].file): Promise<void> {
  const result = CONTEXT_CUES[kind].validate(JSON.parse(await readFile(file, "utf8")));
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n");
    throw new Error(`the context cues are invalid (${path.relative(root, file)}):\n${lines}`);
  }
}

/** Reads, validates and compiles the bundled dataset and lexicon; throws with every problem's file and JSON path. */
export async function bundledMatcherTable(): Promise<{ dataset: Dataset; table: MatcherTable; lexicon: string[] }> {
  const datasetFile = BUNDLED_DATASET;
  const result = await readDatasetFile(datasetFile);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.path}: ${p.message}`).join("\n");
    throw new Error(`the dataset is invalid (${path.relative(root, datasetFile)}):\n${lines}`);
  }
  await checkContextCues("states");
  await checkContextCues("magazines");
  const lexicon = await readLexicon([result.dataset]);
  if (!lexicon.ok) {
    const lines = lexicon.problems.map((p) => `  ${path.relative(root, p.file)} ${p.path}: ${p.message}`).join("\n");
    throw new Error(`the lexicon of names not ours is invalid:\n${lines}`);
  }
  return { dataset: result.dataset, table: compileMatcherTable([result.dataset], lexicon.phrases), lexicon: lexicon.phrases };
}
