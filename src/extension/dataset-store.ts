/**
 * The datasets a reader imported, in `storage.local` (layout in `imported-datasets.ts`): checked
 * and compiled at import, enabled, disabled, removed, read back and validated, and upgraded when
 * the extension is updated. It takes the storage area as an argument, so tests pass a fake that
 * can fail.
 *
 * Every change writes new keys first and the index last; a failed write removes what it wrote
 * and leaves the index — and so every reader — as it was. Writes from one page are queued, so
 * two quick clicks cannot interleave their read-modify-write of the index.
 */
import * as z from "zod/mini";
import { checkAttribution, type AttributionWarning } from "../core/check-attribution.ts";
import { compileMatcherTable } from "../core/compile-matcher-table.ts";
import { contestedAliases, parseDatasetImport, type ContestedAlias, type ImportProblem } from "../core/dataset-import.ts";
import type { Bilingual, Dataset } from "../core/dataset-schema.ts";
import type { MatcherTable } from "../core/matcher-table.ts";
import { validateDataset } from "../core/validate-dataset.ts";
import {
  entryKeys,
  INDEX_KEY,
  indexValue,
  isEntryKey,
  parseIndex,
  parseTableEntry,
  readIndex,
  readTables,
  type IndexEntry,
  type ParsedIndex,
  type StorageArea,
  type TableEntry,
} from "../shared/imported-datasets.ts";

/**
 * A stored dataset: the file's JSON as imported (a format-1 file stays format 1), validated and
 * migrated again whenever it is read. Imports saved before format 2 hold format-1 datasets too.
 */
const datasetEntrySchema = z.strictObject({
  format: z.literal(1),
  /** When the reader imported it (ISO 8601). */
  importedAt: z.iso.datetime(),
  dataset: z.unknown(),
});

type DatasetEntry = z.infer<typeof datasetEntrySchema>;

/** An imported dataset read back: the dataset, or why it cannot be used. */
export type LoadedDataset =
  | { ok: true; entry: IndexEntry; dataset: Dataset; importedAt: string }
  | { ok: false; entry: IndexEntry; error: string };

/** Parses and validates a stored dataset entry of the index entry `entry`. */
function parseDatasetEntry(entry: IndexEntry, stored: unknown): LoadedDataset {
  if (stored === undefined) return { ok: false, entry, error: "its data is missing" };
  const parsed = datasetEntrySchema.safeParse(stored);
  if (!parsed.success) return { ok: false, entry, error: "its data is unreadable" };
  const validation = validateDataset(parsed.data.dataset);
  if (!validation.ok) {
    const first = validation.problems[0]!;
    return { ok: false, entry, error: `its data is not a valid dataset (${first.path}: ${first.message})` };
  }
  if (validation.dataset.id !== entry.id) return { ok: false, entry, error: "its data is another dataset's" };
  return { ok: true, entry, dataset: validation.dataset, importedAt: parsed.data.importedAt };
}

/** The outcome of a change: done, or the browser's reason it could not be saved (nothing changed). */
export type WriteResult = { ok: true } | { ok: false; error: string };

/** A dataset file that passed every check, ready to be saved. */
export interface PreparedImport {
  dataset: Dataset;
  /** The file's JSON as imported: what is stored. */
  json: unknown;
  /** Its compiled table, alone: merging puts the bundled table and earlier imports first. */
  table: MatcherTable;
  /** Its names that the bundled dataset or an earlier import already claims, and keeps. */
  contested: ContestedAlias[];
  /** Doubts about how its facts are attributed that no `attributionNote` explains: shown, not blocking. */
  attributionWarnings: AttributionWarning[];
  /** The imported dataset with the same id that saving would replace (null fields when that one is unreadable), or null. */
  replaces: { name: Bilingual | null; version: string | null } | null;
}

/** A checked file: ready to save, or every problem found. */
export type ImportCheck = { ok: true; prepared: PreparedImport } | { ok: false; problems: ImportProblem[] };

export interface DatasetStoreOptions {
  /** The running extension's version, recorded with each table compiled. */
  version: string;
  now?: () => Date;
  newRevision?: () => string;
}

/** What an upgrade did, for the log. */
export interface UpgradeReport {
  /** Ids whose table was compiled again. */
  recompiled: string[];
  /** Stored keys no index entry names, removed. */
  swept: number;
  problems: string[];
}

function defaultRevision(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The imported datasets in one storage area. */
export class DatasetStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: StorageArea,
    private readonly options: DatasetStoreOptions,
  ) {}

  /** The index, with what could not be read of it. */
  readIndex(): Promise<ParsedIndex> {
    return readIndex(this.area);
  }

  /** Reads and validates one imported dataset. */
  async load(entry: IndexEntry): Promise<LoadedDataset> {
    try {
      return parseDatasetEntry(entry, (await this.area.get(entry.datasetKey))[entry.datasetKey]);
    } catch (error) {
      return { ok: false, entry, error: `cannot read it: ${errorMessage(error)}` };
    }
  }

  /** The imported dataset `id`, or null when none is imported under that id. */
  async loadById(id: string): Promise<LoadedDataset | null> {
    const entry = (await this.readIndex()).entries.find((e) => e.id === id);
    return entry === undefined ? null : this.load(entry);
  }

  /**
   * Checks a dataset file's text for import and compiles it; saves nothing. Beyond the file's own
   * problems, it finds the names already claimed by the bundled dataset or an earlier import, and
   * whether it would replace an imported dataset of the same id. `bundled` is the bundled
   * dataset's id (an import may not take it) and table (its names stay with it).
   */
  async prepareImport(text: string, bundled: { id: string; table: MatcherTable }): Promise<ImportCheck> {
    const parsed = parseDatasetImport(text, { bundledId: bundled.id });
    if (!parsed.ok) return parsed;
    const dataset = parsed.dataset;
    const { entries } = await this.readIndex();
    const position = entries.findIndex((e) => e.id === dataset.id);
    const { tables } = await readTables(this.area, position === -1 ? entries : entries.slice(0, position));
    let replaces: PreparedImport["replaces"] = null;
    if (position !== -1) {
      const current = await this.load(entries[position]!);
      replaces = current.ok ? { name: current.dataset.name, version: current.dataset.version } : { name: null, version: null };
    }
    return {
      ok: true,
      prepared: {
        dataset,
        json: parsed.json,
        table: compileMatcherTable([dataset]),
        contested: contestedAliases(dataset, [bundled.table, ...tables]),
        attributionWarnings: checkAttribution(dataset).filter((w) => !w.explained),
        replaces,
      },
    };
  }

  /**
   * Saves a prepared import, enabled: a new dataset goes last in the order; a replacement keeps
   * its predecessor's place. Writes the dataset and its table under a new revision, then the
   * index; if either write fails, what was written is removed and the previous state stays.
   */
  commitImport(prepared: PreparedImport): Promise<WriteResult> {
    return this.change(async () => {
      const entries = await this.currentEntries();
      const id = prepared.dataset.id;
      const existing = entries.find((e) => e.id === id);
      if (existing !== undefined && prepared.replaces === null) {
        return { ok: false, error: `a dataset with the id "${id}" was imported meanwhile` };
      }
      const entry: IndexEntry = { id, enabled: true, ...this.freshKeys(id, entries) };
      const datasetEntry: DatasetEntry = { format: 1, importedAt: this.now().toISOString(), dataset: prepared.json };
      const tableEntry: TableEntry = { format: 1, builtBy: this.options.version, table: prepared.table };
      const written = [entry.datasetKey, entry.tableKey];
      try {
        await this.area.set({ [entry.datasetKey]: datasetEntry, [entry.tableKey]: tableEntry });
        const next = existing === undefined ? [...entries, entry] : entries.map((e) => (e.id === id ? entry : e));
        await this.area.set({ [INDEX_KEY]: indexValue(next) });
      } catch (error) {
        await this.discard(written);
        return { ok: false, error: errorMessage(error) };
      }
      if (existing !== undefined) await this.discard([existing.datasetKey, existing.tableKey]);
      return { ok: true };
    });
  }

  /** Turns an imported dataset's highlighting on or off (rewrites only the index). */
  setEnabled(id: string, enabled: boolean): Promise<WriteResult> {
    return this.change(async () => {
      const entries = await this.currentEntries();
      if (!entries.some((e) => e.id === id)) return { ok: false, error: `no imported dataset has the id "${id}"` };
      await this.area.set({ [INDEX_KEY]: indexValue(entries.map((e) => (e.id === id ? { ...e, enabled } : e))) });
      return { ok: true };
    });
  }

  /** Removes an imported dataset: out of the index first (the commit), then its keys. */
  remove(id: string): Promise<WriteResult> {
    return this.change(async () => {
      const entries = await this.currentEntries();
      const entry = entries.find((e) => e.id === id);
      if (entry === undefined) return { ok: false, error: `no imported dataset has the id "${id}"` };
      await this.area.set({ [INDEX_KEY]: indexValue(entries.filter((e) => e.id !== id)) });
      await this.discard([entry.datasetKey, entry.tableKey]);
      return { ok: true };
    });
  }

  /**
   * After an extension update: compiles again every table that an older version built (its
   * normaliser or table format may have changed) or that no longer parses, from the stored
   * dataset; then removes keys no index entry names (left by a write that failed half-way).
   * A dataset that no longer validates is left as it is and reported: the settings page shows
   * it as unreadable, and the reader decides.
   */
  upgrade(): Promise<UpgradeReport> {
    return this.serially(async () => {
      const report: UpgradeReport = { recompiled: [], swept: 0, problems: [] };
      const stored = await this.area.get(INDEX_KEY);
      if (stored[INDEX_KEY] === undefined) {
        report.swept = await this.sweep([]);
        return report;
      }
      const index = parseIndex(stored[INDEX_KEY]);
      report.problems.push(...index.problems);
      const tables = await this.area.get(index.entries.map((e) => e.tableKey));
      const next: IndexEntry[] = [];
      for (const entry of index.entries) {
        const table = parseTableEntry(entry.id, tables[entry.tableKey]);
        if (table.ok && table.entry.builtBy === this.options.version) {
          next.push(entry);
          continue;
        }
        const loaded = await this.load(entry);
        if (!loaded.ok) {
          report.problems.push(`imported dataset "${entry.id}": ${loaded.error}`);
          next.push(entry);
          continue;
        }
        const tableKey = this.freshKeys(entry.id, index.entries).tableKey;
        const tableEntry: TableEntry = { format: 1, builtBy: this.options.version, table: compileMatcherTable([loaded.dataset]) };
        await this.area.set({ [tableKey]: tableEntry });
        next.push({ ...entry, tableKey });
        report.recompiled.push(entry.id);
      }
      if (report.recompiled.length > 0) await this.area.set({ [INDEX_KEY]: indexValue(next) });
      // An index that was partly unreadable may still name keys a repair could recover: sweep nothing then.
      if (index.problems.length === 0) report.swept = await this.sweep(next);
      return report;
    });
  }

  /** Removes every dataset or table key that `entries` do not name. */
  private async sweep(entries: readonly IndexEntry[]): Promise<number> {
    const named = new Set(entries.flatMap((e) => [e.datasetKey, e.tableKey]));
    const unnamed = Object.keys(await this.area.get(null)).filter((key) => isEntryKey(key) && !named.has(key));
    if (unnamed.length > 0) await this.area.remove(unnamed);
    return unnamed.length;
  }

  /** The index for a change; unlike `readIndex`, a failed read throws, so a change never writes over an index it could not read. */
  private async currentEntries(): Promise<IndexEntry[]> {
    return parseIndex((await this.area.get(INDEX_KEY))[INDEX_KEY]).entries;
  }

  /** Removes keys, ignoring failure: keys no index names are invisible, and swept on update. */
  private async discard(keys: string[]): Promise<void> {
    try {
      await this.area.remove(keys);
    } catch {
      // Left for the sweep.
    }
  }

  /** Runs a change after the ones before it; a storage error it throws becomes its result. */
  private change(task: () => Promise<WriteResult>): Promise<WriteResult> {
    return this.serially(() => task().catch((error: unknown): WriteResult => ({ ok: false, error: errorMessage(error) })));
  }

  /** Runs tasks one after another. */
  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private now(): Date {
    return (this.options.now ?? (() => new Date()))();
  }

  /** Keys under a new revision, never one that `entries` already use (removing theirs would remove the new ones). */
  private freshKeys(id: string, entries: readonly IndexEntry[]): { datasetKey: string; tableKey: string } {
    const taken = new Set(entries.flatMap((e) => [e.datasetKey, e.tableKey]));
    for (;;) {
      const keys = entryKeys(id, (this.options.newRevision ?? defaultRevision)());
      if (!taken.has(keys.datasetKey) && !taken.has(keys.tableKey)) return keys;
    }
  }
}
