import { describe, expect, test, vi } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetV1Schema, migrateDataset } from "../../src/core/migrate-dataset.ts";
import {
  enabledTablesKey,
  INDEX_KEY,
  parseIndex,
  readIndex,
  readTables,
  watchIndex,
  type IndexEntry,
} from "../../src/shared/imported-datasets.ts";
import { quillmere } from "../fixtures/datasets/test-datasets.ts";
import { FakeStorageArea } from "../extension/fake-storage.ts";

const entry = (id: string, enabled = true, revision = "r1"): IndexEntry => ({
  id,
  enabled,
  datasetKey: `dataset/${id}/${revision}`,
  tableKey: `table/${id}/${revision}`,
});

describe("parseIndex", () => {
  test("nothing stored: nothing imported, no problem", () => {
    expect(parseIndex(undefined)).toEqual({ entries: [], problems: [] });
  });

  test.each([
    ["a string", "{corrupted"],
    ["an array", []],
    ["another format", { format: 2, datasets: [] }],
    ["no list", { format: 1 }],
  ])("%s: nothing imported, reported", (_, stored) => {
    const parsed = parseIndex(stored);
    expect(parsed.entries).toEqual([]);
    expect(parsed.problems).toHaveLength(1);
  });

  test("keeps the entries that parse and reports the others", () => {
    const parsed = parseIndex({
      format: 1,
      datasets: [
        entry("good-one"),
        { ...entry("bad-keys"), datasetKey: "settings" },
        { ...entry("other-owner"), tableKey: "table/good-one/r1" },
        { id: "Not An Id", enabled: true, datasetKey: "dataset/x/r1", tableKey: "table/x/r1" },
        entry("good-one", false, "r2"),
        entry("good-two", false),
      ],
    });
    expect(parsed.entries).toEqual([entry("good-one"), entry("good-two", false)]);
    expect(parsed.problems).toEqual([
      "imported dataset 2 in the index is unreadable; skipped",
      "imported dataset 3 in the index is unreadable; skipped",
      "imported dataset 4 in the index is unreadable; skipped",
      'imported dataset "good-one" is listed twice; the second is skipped',
    ]);
  });
});

describe("reading tables, as the content script does", () => {
  const table = compileMatcherTable([migrateDataset(datasetV1Schema.parse(quillmere()))]);

  test("a corrupted or foreign table is skipped and reported; the others are used", async () => {
    const other = { ...table, entities: table.entities.map((e) => ({ ...e, dataset: "other-test" })) };
    const storage = new FakeStorageArea({
      "table/quillmere-test/r1": { format: 1, builtBy: "0.1.0", table },
      "table/other-test/r1": { format: 1, builtBy: "0.1.0", table: other },
      "table/broken-test/r1": { format: 1, builtBy: "0.1.0", table: { ...table, patterns: [["x", 999, 0]] } },
      "table/foreign-test/r1": { format: 1, builtBy: "0.1.0", table },
    });
    const { tables, problems } = await readTables(storage, [entry("quillmere-test"), entry("other-test"), entry("broken-test"), entry("foreign-test"), entry("missing-test")]);
    expect(tables).toEqual([table, other]);
    expect(problems).toEqual([
      'imported dataset "broken-test" skipped: its table is unreadable',
      `imported dataset "foreign-test" skipped: its table names another dataset's entities`,
      'imported dataset "missing-test" skipped: its table is missing',
    ]);
  });

  test("storage that cannot be read means no imported tables, reported, never thrown", async () => {
    const storage = new FakeStorageArea();
    storage.failGet = "gone";
    expect(await readIndex(storage)).toEqual({ entries: [], problems: ["cannot read the imported datasets: gone"] });
    expect(await readTables(storage, [entry("quillmere-test")])).toEqual({ tables: [], problems: ["cannot read the imported datasets' tables: gone"] });
  });

  test("with nothing enabled nothing is read", async () => {
    const storage = new FakeStorageArea();
    const get = vi.spyOn(storage, "get");
    expect(await readTables(storage, [])).toEqual({ tables: [], problems: [] });
    expect(get).not.toHaveBeenCalled();
  });

  test("the enabled tables' key changes exactly when the merged table would", () => {
    const a = [entry("a-test"), entry("b-test", false)];
    expect(enabledTablesKey(a)).toBe(enabledTablesKey([entry("a-test"), entry("b-test", false, "r9")]));
    expect(enabledTablesKey(a)).not.toBe(enabledTablesKey([entry("a-test"), entry("b-test")]));
    expect(enabledTablesKey(a)).not.toBe(enabledTablesKey([entry("a-test", true, "r2"), entry("b-test", false)]));
    expect(enabledTablesKey([])).toBe("");
  });
});

describe("watchIndex", () => {
  test("reports changes of the index in storage.local only, until aborted", async () => {
    const storage = new FakeStorageArea();
    const seen: string[][] = [];
    const controller = new AbortController();
    watchIndex(storage.onChanged, (index) => seen.push(index.entries.map((e) => e.id)), controller.signal);
    await storage.set({ unrelated: 1 });
    await storage.set({ [INDEX_KEY]: { format: 1, datasets: [entry("a-test")] } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.abort();
    await storage.set({ [INDEX_KEY]: { format: 1, datasets: [] } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen).toEqual([["a-test"]]);
  });
});
