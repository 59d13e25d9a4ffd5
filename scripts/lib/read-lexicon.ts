/**
 * Reads the bundled lexicon of names that are not ours (`assets/lexicon/*.json`, in file-name
 * order) for the build, the scanner, the benchmarks and the tests, and validates every file
 * against our names: a malformed entry fails with its file and JSON path.
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import type { Lexicon } from "../../src/core/lexicon-schema.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";
import { entityNamesWithPaths } from "../../src/core/validate-dataset.ts";
import { validateLexicon } from "../../src/core/validate-lexicon.ts";

/** The folder of the bundled lexicon. */
const LEXICON_DIR = path.resolve(import.meta.dirname, "../../assets/lexicon");

/** A problem in one lexicon file. */
interface LexiconFileProblem {
  file: string;
  path: string;
  message: string;
}

export type LexiconRead = { ok: true; files: { file: string; lexicon: Lexicon }[]; phrases: string[] } | { ok: false; problems: LexiconFileProblem[] };

/** Every display name and alias of the datasets, the names a lexicon entry must contain one of. */
function datasetNames(datasets: readonly Dataset[]): string[] {
  return datasets.flatMap((dataset) => dataset.entities.flatMap((entity, e) => entityNamesWithPaths(entity, e).map(([text]) => text)));
}

/** Reads and validates every lexicon file in `dir` against the datasets' names. */
export async function readLexicon(datasets: readonly Dataset[], dir = LEXICON_DIR): Promise<LexiconRead> {
  const names = datasetNames(datasets);
  const files = (await readdir(dir)).filter((name) => name.endsWith(".json")).sort();
  const problems: LexiconFileProblem[] = [];
  const read: { file: string; lexicon: Lexicon }[] = [];
  const listed = new Set<string>();
  for (const name of files) {
    const file = path.join(dir, name);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, "utf8"));
    } catch (error) {
      problems.push({ file, path: "$", message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const result = validateLexicon(json, names, listed);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ file, ...p })));
      continue;
    }
    for (const entry of result.lexicon.entries) listed.add(normalizeString(entry.phrase));
    read.push({ file, lexicon: result.lexicon });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, files: read, phrases: read.flatMap(({ lexicon }) => lexicon.entries.map((entry) => entry.phrase)) };
}
