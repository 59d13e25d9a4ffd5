/**
 * Checking a dataset file a reader imports: the size limit, the JSON, the dataset format and
 * its cross-reference rules (the same `validateDataset` the build uses), and the rules an import
 * adds — every source's text inline (there is no folder beside an uploaded file to read a
 * `textFile` from) and an id that is not the bundled dataset's. Every problem carries a JSON path
 * and a stable code, so the interface can word it in the reader's language.
 */
import type { Dataset } from "./dataset-schema.ts";
import { PatternFlag, type EntityRef, type MatcherTable } from "./matcher-table.ts";
import { normalizeString } from "./normalize-text.ts";
import { entityNamesWithPaths, jsonPath, validateDataset, type ProblemCode } from "./validate-dataset.ts";

/**
 * The largest dataset file a reader can import: 2 MiB of JSON (UTF-8). A dataset built from a
 * few articles is tens of kilobytes; the limit leaves room for dozens of articles while keeping
 * each import well inside `storage.local`'s 10 MB quota in Chrome, together with its compiled table.
 */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

/** What kind of problem an import has; the dataset's own codes plus the import's. */
export type ImportProblemCode = ProblemCode | "too-large" | "invalid-json" | "text-file" | "bundled-id";

/** One reason a file cannot be imported, at a JSON path (`$` for the whole file). */
export interface ImportProblem {
  path: string;
  code: ImportProblemCode;
  /** For a `schema` problem, zod's issue code. */
  issue?: string;
  /** In English, for dataset authors; the interface words the problem by `code`. */
  message: string;
}

/**
 * A checked file: the dataset (format 1 migrated), and the file's JSON as imported, which is what
 * is stored, so a stored import is validated again — and migrated again — by the rules of its own
 * format, whatever version of Backstory reads it.
 */
export type ImportParse = { ok: true; dataset: Dataset; json: unknown } | { ok: false; problems: ImportProblem[] };

/** The size problem of a file of `bytes` bytes, or null when it is within the limit. */
export function importSizeProblem(bytes: number): ImportProblem | null {
  if (bytes <= MAX_IMPORT_BYTES) return null;
  return {
    path: "$",
    code: "too-large",
    message: `the file is ${formatMegabytes(bytes)}; a dataset to import may be at most ${formatMegabytes(MAX_IMPORT_BYTES)}`,
  };
}

/** A byte count in megabytes (MiB), as the limit is stated: "2 MB", "10.5 MB". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The length of `text` in UTF-8 bytes, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * Checks the text of a dataset file for import. `bundledId` is the bundled dataset's id, which an
 * import may not take. Whether the id is already imported is not a problem here: the store offers
 * to replace that dataset.
 */
export function parseDatasetImport(text: string, options: { bundledId: string }): ImportParse {
  // Counted exactly, even when the length alone shows it is too large: the message says the size.
  const tooLarge = importSizeProblem(utf8Length(text));
  if (tooLarge !== null) return { ok: false, problems: [tooLarge] };

  let json: unknown;
  try {
    json = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, problems: [{ path: "$", code: "invalid-json", message: `not valid JSON: ${(error as Error).message}` }] };
  }

  const problems: ImportProblem[] = [];
  if (isRecord(json) && json.id === options.bundledId) {
    problems.push({
      path: jsonPath(["id"]),
      code: "bundled-id",
      message: `"${options.bundledId}" is the id of the dataset bundled with Backstory; an imported dataset needs an id of its own`,
    });
  }

  // Sources whose text was only given as a file: the missing `text` is the same problem, told once.
  const textOnlyInFile = new Set<string>();
  if (isRecord(json) && Array.isArray(json.sources)) {
    json.sources.forEach((source: unknown, i) => {
      if (!isRecord(source) || !Object.hasOwn(source, "textFile")) return;
      problems.push({
        path: jsonPath(["sources", i, "textFile"]),
        code: "text-file",
        message: `an imported dataset must carry each source's full text inline in "text"; "textFile" (a file beside the dataset) only works for datasets built into Backstory`,
      });
      if (!Object.hasOwn(source, "text")) textOnlyInFile.add(jsonPath(["sources", i, "text"]));
      delete source.textFile;
    });
  }

  const validation = validateDataset(json);
  if (!validation.ok) problems.push(...validation.problems.filter((p) => !(p.code === "schema" && textOnlyInFile.has(p.path))));
  if (problems.length > 0 || !validation.ok) return { ok: false, problems };
  return { ok: true, dataset: validation.dataset, json };
}

/** A name of an imported dataset that an earlier dataset already claims, and so keeps. */
export interface ContestedAlias {
  /** Where the imported dataset writes it, e.g. `$.entities[2].aliases[0]`. */
  path: string;
  /** As the imported dataset writes it. */
  alias: string;
  /** The imported entity that does not get it. */
  entity: string;
  /** The entity that keeps it, and its dataset. */
  owner: EntityRef;
}

/**
 * The names of `dataset` that are already patterns of an `earlier` table (the bundled dataset's,
 * then the imports before it). The merged table gives each contested name to the first table that
 * claims it, so these names will mark the owner's entity, not the imported one: the reader is
 * told at import.
 */
export function contestedAliases(dataset: Dataset, earlier: readonly MatcherTable[]): ContestedAlias[] {
  const owners = new Map<string, EntityRef>();
  for (const table of earlier) {
    for (const [key, entity, flags] of table.patterns) {
      // A name an earlier table lists as not ours is no one's: a reader's entity may take it.
      if (flags & PatternFlag.notOurs) continue;
      const owner = table.entities[entity];
      if (owner !== undefined && !owners.has(key)) owners.set(key, owner);
    }
  }
  const contested: ContestedAlias[] = [];
  dataset.entities.forEach((entity, e) => {
    const seen = new Set<string>();
    for (const [text, path] of entityNamesWithPaths(entity, e)) {
      const key = normalizeString(text);
      const owner = owners.get(key);
      if (owner === undefined || seen.has(key)) continue;
      seen.add(key);
      contested.push({ path: jsonPath(path), alias: text, entity: entity.id, owner });
    }
  });
  return contested;
}
