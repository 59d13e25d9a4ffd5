/**
 * How datasets a reader imported are laid out in `storage.local`, and the light reads the
 * content script makes: the index, and the compiled tables of the enabled datasets.
 *
 * - `importedDatasets` — the index: `{format: 1, datasets: [{id, enabled, datasetKey, tableKey}]}`,
 *   in the order their tables are merged after the bundled one. Small, so every page can read it
 *   at start-up; enabling or disabling a dataset rewrites only this.
 * - `dataset/<id>/<revision>` — `{format: 1, importedAt, dataset}`: the dataset as imported
 *   (up to the import limit), read only by the background, the settings page and the source viewer.
 * - `table/<id>/<revision>` — `{format: 1, builtBy, table}`: its compiled matcher table, read by
 *   the content script; `builtBy` is the extension version that compiled it, so an update can
 *   recompile tables made by an older normaliser.
 *
 * A key under a revision is written once and never changed. A change writes new keys first and
 * then the index, so the index write is the commit: if any write fails, the previous index still
 * points at the previous, untouched keys. Keys the index does not name are invisible and are
 * swept on update.
 *
 * Everything read back is validated with zod; an entry that does not parse is skipped and
 * reported, never trusted and never thrown.
 */
import * as z from "zod/mini";
import { idSchema } from "../core/schema-primitives.ts";
import { matcherTableSchema, type MatcherTable } from "../core/matcher-table.ts";

/** The `storage.local` calls the dataset store makes: the browser's area, or a fake in tests. */
export interface StorageArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

/** `storage.onChanged` as the watchers use it. */
export interface StorageChangeEvent {
  addListener(listener: StorageChangeListener): void;
  removeListener(listener: StorageChangeListener): void;
}
export type StorageChangeListener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>, area: string) => void;

/** The index's storage key. */
export const INDEX_KEY = "importedDatasets";

const revisionSchema = z.string().check(z.regex(/^[a-z0-9]{1,40}$/));

/** The storage keys of one revision of a dataset. */
export function entryKeys(id: string, revision: string): { datasetKey: string; tableKey: string } {
  return { datasetKey: `dataset/${id}/${revision}`, tableKey: `table/${id}/${revision}` };
}

/** Whether `key` is a dataset or table key of the layout (for sweeping unreferenced ones). */
export function isEntryKey(key: string): boolean {
  return /^(?:dataset|table)\//.test(key);
}

/** One imported dataset in the index. */
const indexEntrySchema = z
  .strictObject({
    id: idSchema,
    /** Whether its names are highlighted. */
    enabled: z.boolean(),
    datasetKey: z.string(),
    tableKey: z.string(),
  })
  .check(
    z.refine((entry) => isOwnKey("dataset", entry.id, entry.datasetKey) && isOwnKey("table", entry.id, entry.tableKey), {
      message: "the entry's keys are not its own dataset's",
    }),
  );

function isOwnKey(kind: "dataset" | "table", id: string, key: string): boolean {
  const prefix = `${kind}/${id}/`;
  return key.startsWith(prefix) && revisionSchema.safeParse(key.slice(prefix.length)).success;
}

export type IndexEntry = z.infer<typeof indexEntrySchema>;

/** The index as stored. */
export const indexSchema = z.strictObject({
  format: z.literal(1),
  datasets: z.array(z.unknown()),
});

/** The index read back, and what could not be read. */
export interface ParsedIndex {
  entries: IndexEntry[];
  problems: string[];
}

/** The value to store for an index of these entries. */
export function indexValue(entries: readonly IndexEntry[]): z.infer<typeof indexSchema> {
  return { format: 1, datasets: [...entries] };
}

/**
 * Parses a stored index entry by entry: an entry that does not parse, or repeats an id, is
 * skipped and reported, and the others are kept. Nothing stored means nothing imported.
 */
export function parseIndex(stored: unknown): ParsedIndex {
  if (stored === undefined) return { entries: [], problems: [] };
  const index = indexSchema.safeParse(stored);
  if (!index.success) return { entries: [], problems: ["the index of imported datasets is unreadable; no imported dataset is used"] };
  const entries: IndexEntry[] = [];
  const problems: string[] = [];
  index.data.datasets.forEach((raw, i) => {
    const entry = indexEntrySchema.safeParse(raw);
    if (!entry.success) problems.push(`imported dataset ${i + 1} in the index is unreadable; skipped`);
    else if (entries.some((e) => e.id === entry.data.id)) problems.push(`imported dataset "${entry.data.id}" is listed twice; the second is skipped`);
    else entries.push(entry.data);
  });
  return { entries, problems };
}

/** Reads the index. A read failure counts as nothing imported, reported. */
export async function readIndex(area: StorageArea): Promise<ParsedIndex> {
  try {
    return parseIndex((await area.get(INDEX_KEY))[INDEX_KEY]);
  } catch (error) {
    return { entries: [], problems: [`cannot read the imported datasets: ${(error as Error).message}`] };
  }
}

/** A stored compiled table. */
const tableEntrySchema = z.strictObject({
  format: z.literal(1),
  /** The extension version whose compiler built the table. */
  builtBy: z.string(),
  table: matcherTableSchema,
});

export type TableEntry = z.infer<typeof tableEntrySchema>;

/** Parses a stored table of dataset `id`; every entity it names must be that dataset's. */
export function parseTableEntry(id: string, stored: unknown): { ok: true; entry: TableEntry } | { ok: false; error: string } {
  const parsed = tableEntrySchema.safeParse(stored);
  if (!parsed.success) return { ok: false, error: stored === undefined ? "its table is missing" : "its table is unreadable" };
  if (!parsed.data.table.entities.every((entity) => entity.dataset === id)) return { ok: false, error: "its table names another dataset's entities" };
  return { ok: true, entry: parsed.data };
}

/** The tables of `entries`, in order; an entry whose table is missing or corrupted is skipped and reported. */
export async function readTables(area: StorageArea, entries: readonly IndexEntry[]): Promise<{ tables: MatcherTable[]; problems: string[] }> {
  if (entries.length === 0) return { tables: [], problems: [] };
  let stored: Record<string, unknown>;
  try {
    stored = await area.get(entries.map((e) => e.tableKey));
  } catch (error) {
    return { tables: [], problems: [`cannot read the imported datasets' tables: ${(error as Error).message}`] };
  }
  const tables: MatcherTable[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    const parsed = parseTableEntry(entry.id, stored[entry.tableKey]);
    if (parsed.ok) tables.push(parsed.entry.table);
    else problems.push(`imported dataset "${entry.id}" skipped: ${parsed.error}`);
  }
  return { tables, problems };
}

/** Calls `onChange` with the parsed index whenever it changes, until `signal` aborts. */
export function watchIndex(events: StorageChangeEvent, onChange: (index: ParsedIndex) => void, signal: AbortSignal): void {
  const listener: StorageChangeListener = (changes, area) => {
    if (area !== "local" || !(INDEX_KEY in changes)) return;
    onChange(parseIndex(changes[INDEX_KEY]!.newValue));
  };
  events.addListener(listener);
  signal.addEventListener("abort", () => events.removeListener(listener), { once: true });
}

/** A key for the enabled datasets' tables, equal for two indexes exactly when they give the same merged table. */
export function enabledTablesKey(entries: readonly IndexEntry[]): string {
  return entries
    .filter((e) => e.enabled)
    .map((e) => e.tableKey)
    .join("\n");
}
