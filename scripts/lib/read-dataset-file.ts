/**
 * Reads a dataset JSON file from disk for the build, the scanner and the tests. A source may
 * give its text inline (`text`) or as a file beside the dataset (`textFile`, a path relative
 * to the JSON file), which keeps long articles editable; the file's content becomes `text`.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { jsonPath, validateDataset, type DatasetValidation } from "../../src/core/validate-dataset.ts";

/** Reads, resolves `textFile`s and validates; problems carry JSON paths, as from `validateDataset`. */
export async function readDatasetFile(file: string): Promise<DatasetValidation> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch (error) {
    return { ok: false, problems: [{ path: "$", code: "schema", message: `cannot read ${file}: ${(error as Error).message}` }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { ok: false, problems: [{ path: "$", code: "schema", message: `not valid JSON: ${(error as Error).message}` }] };
  }
  const sources = (json as { sources?: unknown })?.sources;
  if (Array.isArray(sources)) {
    for (const [i, source] of sources.entries()) {
      if (source === null || typeof source !== "object" || !("textFile" in source)) continue;
      const record = source as Record<string, unknown>;
      const textFile = record.textFile;
      const at = jsonPath(["sources", i, "textFile"]);
      if (typeof textFile !== "string") {
        return { ok: false, problems: [{ path: at, code: "schema", message: "textFile must be a path" }] };
      }
      try {
        record.text = await readFile(path.resolve(path.dirname(file), textFile), "utf8");
      } catch (error) {
        return { ok: false, problems: [{ path: at, code: "schema", message: `cannot read ${textFile}: ${(error as Error).message}` }] };
      }
      delete record.textFile;
    }
  }
  return validateDataset(json);
}

/** The bundled dataset's path. */
export const BUNDLED_DATASET = path.resolve(import.meta.dirname, "../../assets/datasets/istanbul-talks-2025.json");
