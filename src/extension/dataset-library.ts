/**
 * Every dataset the background can serve cards and sources from: the bundled one, and those the
 * reader imported, read from storage when first asked for and kept while the background lives.
 * A stored revision never changes (see `imported-datasets.ts`), so the cache, keyed by storage
 * key, never goes stale; it only forgets revisions the index no longer names.
 */
import type { Dataset } from "../core/dataset-schema.ts";
import type { DatasetStore, LoadedDataset } from "./dataset-store.ts";
import type { IndexEntry } from "../shared/imported-datasets.ts";
import type { DatasetListItem } from "../shared/messages.ts";

/** A dataset looked up by id: found, unreadable, or not there. */
export type DatasetLookup = { ok: true; dataset: Dataset } | { ok: false; error: string };

export class DatasetLibrary {
  private readonly cache = new Map<string, Promise<LoadedDataset>>();

  constructor(
    private readonly bundled: Dataset,
    private readonly store: DatasetStore,
  ) {}

  /** The dataset `id`, bundled or imported (enabled or not). */
  async get(id: string): Promise<DatasetLookup> {
    if (id === this.bundled.id) return { ok: true, dataset: this.bundled };
    const entries = await this.entries();
    const entry = entries.find((e) => e.id === id);
    if (entry === undefined) return { ok: false, error: `no dataset has the id "${id}"` };
    const loaded = await this.load(entry);
    return loaded.ok ? { ok: true, dataset: loaded.dataset } : { ok: false, error: `dataset "${id}" cannot be used: ${loaded.error}` };
  }

  /** The bundled dataset, then each imported one in the index's order. */
  async list(): Promise<DatasetListItem[]> {
    const imported = await Promise.all((await this.entries()).map((entry) => this.load(entry)));
    return [
      summary(this.bundled, { bundled: true, enabled: true }),
      ...imported.map((loaded): DatasetListItem =>
        loaded.ok
          ? summary(loaded.dataset, { bundled: false, enabled: loaded.entry.enabled, importedAt: loaded.importedAt })
          : { id: loaded.entry.id, bundled: false, enabled: loaded.entry.enabled, unreadable: loaded.error },
      ),
    ];
  }

  /** The index's entries (read afresh: it is small, and a page may have just changed it), forgetting what it no longer names. */
  private async entries(): Promise<IndexEntry[]> {
    const { entries, problems } = await this.store.readIndex();
    if (problems.length > 0) console.warn(`Backstory: ${problems.join("; ")}`);
    const named = new Set(entries.map((e) => e.datasetKey));
    for (const key of this.cache.keys()) if (!named.has(key)) this.cache.delete(key);
    return entries;
  }

  private load(entry: IndexEntry): Promise<LoadedDataset> {
    let loaded = this.cache.get(entry.datasetKey);
    if (loaded === undefined) {
      // The index entry is part of the result (its `enabled` changes without a new revision): cache the read, not the entry.
      loaded = this.store.load(entry);
      this.cache.set(entry.datasetKey, loaded);
      // A failed read may be passing; let the next request try again.
      void loaded.then((result) => {
        if (!result.ok) this.cache.delete(entry.datasetKey);
      });
    }
    return loaded.then((result) => ({ ...result, entry }));
  }
}

function summary(dataset: Dataset, flags: { bundled: boolean; enabled: boolean; importedAt?: string }): DatasetListItem {
  return {
    id: dataset.id,
    name: dataset.name,
    version: dataset.version,
    entities: dataset.entities.length,
    facts: dataset.facts.length,
    // A cited-only source may have neither date; the list shows the publisher alone then.
    sources: dataset.sources.map((s) => {
      const date = s.published ?? s.eventDate;
      return { id: s.id, title: s.title, publisher: s.publisher, ...(date !== undefined && { date }) };
    }),
    ...flags,
  };
}
