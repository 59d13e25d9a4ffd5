import { beforeAll, describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { DatasetStore, type PreparedImport } from "../../src/extension/dataset-store.ts";
import { INDEX_KEY, readIndex, readTables } from "../../src/shared/imported-datasets.ts";
import { bundledDataset } from "../ui/fake-dataset-services.ts";
import { quillmere } from "../fixtures/datasets/test-datasets.ts";
import { FakeStorageArea } from "./fake-storage.ts";

let bundled: { id: string; table: ReturnType<typeof compileMatcherTable> };
let bundledSet: Dataset;
beforeAll(async () => {
  bundledSet = await bundledDataset();
  bundled = { id: bundledSet.id, table: compileMatcherTable([bundledSet]) };
});

function makeStore(storage = new FakeStorageArea(), version = "0.1.0") {
  let revision = 0;
  // Each store counts its revisions from r1; keys already in use are skipped, as with real revisions.
  const store = new DatasetStore(storage, { version, now: () => new Date("2026-05-01T10:00:00.000Z"), newRevision: () => `r${++revision}` });
  return { storage, store };
}

type DatasetFile = ReturnType<typeof quillmere>;

/** Makes `d` another dataset, `id`, of only the entities `keep` (and no facts). */
function only(d: DatasetFile, id: string, keep: string[]): void {
  d.id = id;
  d.entities = d.entities.filter((e) => keep.includes(e.id)).map((e) => ({ ...e, related: (e.related ?? []).filter((r) => keep.includes(r)) }));
  d.facts = [];
}

async function prepared(store: DatasetStore, change: (d: DatasetFile) => void = () => {}): Promise<PreparedImport> {
  const dataset = quillmere();
  change(dataset);
  const check = await store.prepareImport(JSON.stringify(dataset), bundled);
  if (!check.ok) throw new Error(`not importable: ${JSON.stringify(check.problems)}`);
  return check.prepared;
}

/** A store holding the test dataset, imported once. */
async function withQuillmere() {
  const made = makeStore();
  expect(await made.store.commitImport(await prepared(made.store))).toEqual({ ok: true });
  return made;
}

describe("importing", () => {
  test("a format-1 file is stored as imported and read back migrated: claimant, kind and summary", async () => {
    const { storage, store } = await withQuillmere();
    // Stored as written, so it is validated by format 1's rules again (a summary needs no source there).
    const stored = storage.snapshot()["dataset/quillmere-test/r1"] as { dataset: Record<string, unknown> };
    expect(stored.dataset).toEqual(quillmere());
    const loaded = await store.loadById("quillmere-test");
    if (!loaded?.ok) throw new Error("not loaded");
    const varnhagen = loaded.dataset.entities.find((e) => e.id === "ilse-varnhagen")!;
    const file = quillmere().entities.find((e) => e.id === "ilse-varnhagen")!;
    expect(varnhagen.background).toEqual([{ text: file.summary, sources: [] }]);
    const fileFacts = quillmere().facts!;
    expect(loaded.dataset.facts.map((f) => [f.kind, f.claimants])).toEqual(
      fileFacts.map((f) => (f.claimant === undefined ? ["reporting", []] : ["reported", [f.claimant]])),
    );
  });

  test("an import stored before format 2 (a parsed format-1 dataset) still loads, migrated", async () => {
    const { storage, store } = await withQuillmere();
    // What the previous version wrote: the format-1 dataset with its defaults filled in.
    const old = { ...quillmere(), entities: quillmere().entities.map((e) => ({ aliases: [], related: [], ...e })) };
    await storage.set({ "dataset/quillmere-test/r1": { format: 1, importedAt: "2026-01-01T00:00:00.000Z", dataset: old } });
    const loaded = await store.loadById("quillmere-test");
    expect(loaded?.ok && loaded.dataset.format).toBe(2);
  });

  test("saves the dataset and its table under a revision, then lists it, enabled, in the index", async () => {
    const { storage, store } = await withQuillmere();
    expect(storage.keys()).toEqual(["dataset/quillmere-test/r1", INDEX_KEY, "table/quillmere-test/r1"]);
    // The entries first, the index last: the index write is the commit.
    expect(storage.writes.map((w) => Object.keys(w))).toEqual([["dataset/quillmere-test/r1", "table/quillmere-test/r1"], [INDEX_KEY]]);
    expect(storage.snapshot()[INDEX_KEY]).toEqual({
      format: 1,
      datasets: [{ id: "quillmere-test", enabled: true, datasetKey: "dataset/quillmere-test/r1", tableKey: "table/quillmere-test/r1" }],
    });
    const loaded = await store.loadById("quillmere-test");
    expect(loaded).toMatchObject({ ok: true, importedAt: "2026-05-01T10:00:00.000Z" });
    expect(loaded?.ok && loaded.dataset.facts.length).toBe(4);
    const { tables, problems } = await readTables(storage, (await readIndex(storage)).entries);
    expect(problems).toEqual([]);
    expect(tables[0]!.entities.every((e) => e.dataset === "quillmere-test")).toBe(true);
  });

  test("the stored table is the dataset's own, in full; the names the bundled dataset has are reported", async () => {
    const { store } = makeStore();
    const ready = await prepared(store);
    expect(ready.replaces).toBeNull();
    // "Washington" is also the bundled dataset's Washington, D.C., which keeps it.
    expect(ready.contested.map((c) => [c.path, c.alias, c.owner.dataset, c.owner.id])).toEqual([
      ["$.entities[5].aliases[0]", "Washington", "istanbul-talks-2025", "washington-dc"],
    ]);
    expect(ready.table.patterns.some(([text]) => text === "washington")).toBe(true);
  });

  test("a second import goes after the first; names the first has are reported as the first's", async () => {
    const { storage, store } = await withQuillmere();
    const second = await prepared(store, (d) => only(d, "quillmere-second-test", ["ilse-varnhagen"]));
    expect(second.contested.map((c) => `${c.alias} → ${c.owner.dataset}`)).toEqual(["إلزه فارنهاغن → quillmere-test", "Ilse Varnhagen → quillmere-test", "Varnhagen → quillmere-test", "فارنهاغن → quillmere-test"]);
    expect(await store.commitImport(second)).toEqual({ ok: true });
    expect((await readIndex(storage)).entries.map((e) => e.id)).toEqual(["quillmere-test", "quillmere-second-test"]);
  });

  test("the same id again offers to replace it; replacing keeps its place, enables it and removes the old revision", async () => {
    const { storage, store } = await withQuillmere();
    const other = await prepared(store, (d) => only(d, "another-test", ["hollin-reservoir"]));
    await store.commitImport(other);
    await store.setEnabled("quillmere-test", false);
    const update = await prepared(store, (d) => {
      d.version = "1.1.0";
      d.facts = d.facts!.slice(0, 2);
    });
    expect(update.replaces).toEqual({ name: quillmere().name, version: "1.0.0" });
    expect(await store.commitImport(update)).toEqual({ ok: true });
    expect((await readIndex(storage)).entries).toEqual([
      { id: "quillmere-test", enabled: true, datasetKey: "dataset/quillmere-test/r3", tableKey: "table/quillmere-test/r3" },
      { id: "another-test", enabled: true, datasetKey: "dataset/another-test/r2", tableKey: "table/another-test/r2" },
    ]);
    expect(storage.keys().filter((k) => k.includes("/r1"))).toEqual([]);
    const loaded = await store.loadById("quillmere-test");
    expect(loaded?.ok && [loaded.dataset.version, loaded.dataset.facts.length]).toEqual(["1.1.0", 2]);
  });

  test("an import checked as new whose id was imported meanwhile is refused, and nothing is written", async () => {
    const { storage, store } = makeStore();
    const first = await prepared(store);
    const again = await prepared(store);
    expect(await store.commitImport(first)).toEqual({ ok: true });
    const before = storage.snapshot();
    expect(await store.commitImport(again)).toEqual({ ok: false, error: 'a dataset with the id "quillmere-test" was imported meanwhile' });
    expect(storage.snapshot()).toEqual(before);
  });

  test("a file with problems is not prepared, and nothing is read or written", async () => {
    const { storage, store } = makeStore();
    const check = await store.prepareImport("{", bundled);
    expect(check.ok).toBe(false);
    expect(storage.writes).toEqual([]);
  });
});

describe("enabling, disabling and removing", () => {
  test("enabling or disabling rewrites only the index", async () => {
    const { storage, store } = await withQuillmere();
    const writes = storage.writes.length;
    expect(await store.setEnabled("quillmere-test", false)).toEqual({ ok: true });
    expect(storage.writes.slice(writes).map((w) => Object.keys(w))).toEqual([[INDEX_KEY]]);
    expect((await readIndex(storage)).entries[0]!.enabled).toBe(false);
    expect(await store.setEnabled("quillmere-test", true)).toEqual({ ok: true });
    expect((await readIndex(storage)).entries[0]!.enabled).toBe(true);
  });

  test("removing takes it out of the index and deletes its keys", async () => {
    const { storage, store } = await withQuillmere();
    expect(await store.remove("quillmere-test")).toEqual({ ok: true });
    expect(storage.keys()).toEqual([INDEX_KEY]);
    expect((await readIndex(storage)).entries).toEqual([]);
    expect(await store.loadById("quillmere-test")).toBeNull();
  });

  test("an unknown id is an error value", async () => {
    const { store } = await withQuillmere();
    expect(await store.setEnabled("nothing", true)).toEqual({ ok: false, error: 'no imported dataset has the id "nothing"' });
    expect(await store.remove("nothing")).toEqual({ ok: false, error: 'no imported dataset has the id "nothing"' });
  });

  test("quick changes one after another do not lose each other", async () => {
    const { storage, store } = await withQuillmere();
    await store.commitImport(await prepared(store, (d) => only(d, "another-test", ["hollin-reservoir"])));
    await Promise.all([store.setEnabled("quillmere-test", false), store.setEnabled("another-test", false)]);
    expect((await readIndex(storage)).entries.map((e) => e.enabled)).toEqual([false, false]);
  });
});

describe("a failed write leaves the previous state intact", () => {
  test("when the dataset's write fails: nothing is stored", async () => {
    const { storage, store } = await withQuillmere();
    const before = storage.snapshot();
    const update = await prepared(store, (d) => void (d.version = "2.0.0"));
    storage.failSet = () => "QUOTA_BYTES quota exceeded";
    expect(await store.commitImport(update)).toEqual({ ok: false, error: "QUOTA_BYTES quota exceeded" });
    expect(storage.snapshot()).toEqual(before);
  });

  test("when the index's write fails: what was written is removed, and the previous index stays", async () => {
    const { storage, store } = await withQuillmere();
    const before = storage.snapshot();
    const second = await prepared(store, (d) => only(d, "second-test", ["hollin-reservoir"]));
    storage.failSet = (items) => (INDEX_KEY in items ? "IO error" : null);
    expect(await store.commitImport(second)).toEqual({ ok: false, error: "IO error" });
    expect(storage.snapshot()).toEqual(before);
    const replacement = await prepared(store, (d) => void (d.version = "2.0.0"));
    expect(await store.commitImport(replacement)).toEqual({ ok: false, error: "IO error" });
    expect(storage.snapshot()).toEqual(before);
    const loaded = await store.loadById("quillmere-test");
    expect(loaded?.ok && loaded.dataset.version).toBe("1.0.0");
  });

  test("when the clean-up fails too, readers still see the previous state, and the update sweeps the leftovers", async () => {
    const { storage, store } = await withQuillmere();
    const indexBefore = storage.snapshot()[INDEX_KEY];
    const replacement = await prepared(store, (d) => void (d.version = "2.0.0"));
    storage.failSet = (items) => (INDEX_KEY in items ? "IO error" : null);
    storage.failRemove = "IO error";
    expect((await store.commitImport(replacement)).ok).toBe(false);
    expect(storage.snapshot()[INDEX_KEY]).toEqual(indexBefore);
    expect(storage.keys()).toContain("dataset/quillmere-test/r2");
    const loaded = await store.loadById("quillmere-test");
    expect(loaded?.ok && loaded.dataset.version).toBe("1.0.0");
    storage.failSet = null;
    storage.failRemove = null;
    expect(await store.upgrade()).toEqual({ recompiled: [], swept: 2, problems: [] });
    expect(storage.keys()).toEqual(["dataset/quillmere-test/r1", INDEX_KEY, "table/quillmere-test/r1"]);
  });

  test("a failed enable, disable or remove changes nothing", async () => {
    const { storage, store } = await withQuillmere();
    const before = storage.snapshot();
    storage.failSet = () => "IO error";
    expect(await store.setEnabled("quillmere-test", false)).toEqual({ ok: false, error: "IO error" });
    expect(await store.remove("quillmere-test")).toEqual({ ok: false, error: "IO error" });
    expect(storage.snapshot()).toEqual(before);
  });

  test("a change whose index cannot be read writes nothing", async () => {
    const { storage, store } = await withQuillmere();
    const before = storage.snapshot();
    const update = await prepared(store, (d) => void (d.version = "2.0.0"));
    storage.failGet = "cannot read";
    expect(await store.commitImport(update)).toEqual({ ok: false, error: "cannot read" });
    expect(await store.setEnabled("quillmere-test", false)).toEqual({ ok: false, error: "cannot read" });
    storage.failGet = null;
    expect(storage.snapshot()).toEqual(before);
  });
});

describe("reading back what is stored", () => {
  test("a corrupted dataset entry is unreadable, with the reason; it never throws", async () => {
    const { storage, store } = await withQuillmere();
    for (const [value, error] of [
      [undefined, "its data is missing"],
      ["{not json", "its data is unreadable"],
      [{ format: 1, importedAt: "yesterday", dataset: {} }, "its data is unreadable"],
      [{ format: 1, importedAt: "2026-05-01T10:00:00.000Z", dataset: { id: "quillmere-test" } }, expect.stringMatching(/^its data is not a valid dataset \(\$\.name: /)],
      [{ format: 1, importedAt: "2026-05-01T10:00:00.000Z", dataset: { ...quillmere(), id: "someone-else" } }, "its data is another dataset's"],
    ] as const) {
      if (value === undefined) await storage.remove("dataset/quillmere-test/r1");
      else storage.poke("dataset/quillmere-test/r1", value);
      expect(await store.loadById("quillmere-test")).toMatchObject({ ok: false, error });
    }
  });

  test("a storage read failure is an unreadable dataset, not an exception", async () => {
    const { storage, store } = await withQuillmere();
    const entry = (await store.readIndex()).entries[0]!;
    storage.failGet = "disk gone";
    expect(await store.load(entry)).toMatchObject({ ok: false, error: "cannot read it: disk gone" });
  });
});

describe("upgrading after an extension update", () => {
  /** A store whose table was compiled by an older version, as `oldTable` describes. */
  async function storedByOldVersion(oldTable: unknown) {
    const { storage } = await withQuillmere();
    storage.poke("table/quillmere-test/r1", oldTable);
    return { storage, store: makeStore(storage, "0.2.0").store };
  }

  test("a table built by an older version is compiled again from the stored dataset, keeping the dataset and its switch", async () => {
    const { storage: old } = await withQuillmere();
    const current = old.snapshot()["table/quillmere-test/r1"] as { table: { patterns: unknown[] } };
    const { storage, store } = await storedByOldVersion({ ...current, builtBy: "0.1.0", table: { ...current.table, patterns: [] } });
    await makeStore(storage).store.setEnabled("quillmere-test", false);
    const report = await store.upgrade();
    expect(report).toEqual({ recompiled: ["quillmere-test"], swept: 1, problems: [] });
    const [entry] = (await readIndex(storage)).entries;
    expect(entry).toMatchObject({ id: "quillmere-test", enabled: false, datasetKey: "dataset/quillmere-test/r1" });
    expect(entry!.tableKey).not.toBe("table/quillmere-test/r1");
    const stored = storage.snapshot()[entry!.tableKey] as { builtBy: string; table: unknown };
    expect(stored.builtBy).toBe("0.2.0");
    const loaded = await store.loadById("quillmere-test");
    if (!loaded?.ok) throw new Error("the dataset should still be readable");
    expect(stored.table).toEqual(compileMatcherTable([loaded.dataset]));
    expect(storage.keys()).not.toContain("table/quillmere-test/r1");
    // A second run has nothing to do.
    expect(await store.upgrade()).toEqual({ recompiled: [], swept: 0, problems: [] });
  });

  test.each([
    ["a table of an earlier format", { format: 0, compiled: [["quillmere", 0]] }],
    ["a table without its builder's version", { format: 1, table: { format: 1, entities: [], patterns: [] } }],
    ["a corrupted table", "{garbage"],
    ["a missing table", undefined],
  ])("%s is compiled again", async (_, oldTable) => {
    const { storage, store } = await storedByOldVersion(oldTable);
    if (oldTable === undefined) await storage.remove("table/quillmere-test/r1");
    expect((await store.upgrade()).recompiled).toEqual(["quillmere-test"]);
    const { tables, problems } = await readTables(storage, (await readIndex(storage)).entries);
    expect(problems).toEqual([]);
    expect(tables[0]!.patterns.length).toBeGreaterThan(5);
  });

  test("a stored dataset that no longer validates is left as it is and reported", async () => {
    const { storage, store } = await storedByOldVersion("{garbage");
    storage.poke("dataset/quillmere-test/r1", { format: 1, importedAt: "2026-05-01T10:00:00.000Z", dataset: { id: "quillmere-test" } });
    const before = storage.snapshot();
    const report = await store.upgrade();
    expect(report.recompiled).toEqual([]);
    expect(report.problems).toEqual([expect.stringMatching(/^imported dataset "quillmere-test": its data is not a valid dataset/)]);
    expect(storage.snapshot()).toEqual(before);
  });

  test("a partly unreadable index is not swept, so nothing a repair could recover is deleted", async () => {
    const { storage, store } = await withQuillmere();
    const index = storage.snapshot()[INDEX_KEY] as { datasets: unknown[] };
    storage.poke(INDEX_KEY, { format: 1, datasets: [...index.datasets, { id: "Not An Id" }] });
    storage.poke("dataset/lost-test/r9", { format: 1 });
    const report = await store.upgrade();
    expect(report.swept).toBe(0);
    expect(report.problems).toEqual(["imported dataset 2 in the index is unreadable; skipped"]);
    expect(storage.keys()).toContain("dataset/lost-test/r9");
  });

  test("with nothing imported, there is nothing to do", async () => {
    const { store, storage } = makeStore();
    expect(await store.upgrade()).toEqual({ recompiled: [], swept: 0, problems: [] });
    expect(storage.writes).toEqual([]);
  });
});
