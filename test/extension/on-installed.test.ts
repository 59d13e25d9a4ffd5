/**
 * The upgrade path: what `runtime.onInstalled` runs, against fake storage holding values an
 * older version wrote. The real settings store runs over an in-memory `storage.sync`, passed in.
 */
import { beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { DatasetStore } from "../../src/extension/dataset-store.ts";
import { INDEX_KEY, readIndex, readTables } from "../../src/shared/imported-datasets.ts";
import { handleInstalled } from "../../src/extension/on-installed.ts";
import { DEFAULT_SETTINGS, SETTINGS_KEY } from "../../src/shared/settings.ts";
import { settingsStore } from "../../src/extension/settings-store.ts";
import { bundledDataset } from "../ui/fake-dataset-services.ts";
import { quillmere } from "../fixtures/datasets/test-datasets.ts";
import { FakeStorageArea } from "./fake-storage.ts";

let bundled: Dataset;
beforeAll(async () => {
  bundled = await bundledDataset();
});

let sync: FakeStorageArea;
let local: FakeStorageArea;
beforeEach(() => {
  sync = new FakeStorageArea();
  local = new FakeStorageArea();
});

/**
 * What version 0.1.0 left in storage: settings written before the stored shape carried a
 * `version` (with a field the current schema does not know), and an imported dataset whose
 * table that version's compiler built.
 */
async function storedByVersion010(): Promise<void> {
  sync.poke(SETTINGS_KEY, { enabled: false, siteMode: "only-listed", sites: ["news.example"], hoverDelayMs: 800, cardLanguage: "ar", showBadge: true });
  const old = new DatasetStore(local, { version: "0.1.0", newRevision: () => "old1" });
  const check = await old.prepareImport(JSON.stringify(quillmere()), { id: bundled.id, table: compileMatcherTable([bundled]) });
  if (!check.ok) throw new Error("not importable");
  await old.commitImport(check.prepared);
  await old.setEnabled("quillmere-test", false);
  // That version's table: an older normaliser folded nothing, so its patterns differ from today's.
  const stale = local.snapshot()["table/quillmere-test/old1"] as { builtBy: string; table: { patterns: [string, number, number][] } };
  local.poke("table/quillmere-test/old1", { ...stale, table: { ...stale.table, patterns: stale.table.patterns.map(([t, e, f]) => [t.toUpperCase(), e, f]) } });
}

function tasksAt(version: string) {
  const store = new DatasetStore(local, { version, newRevision: () => "new1" });
  // The settings store over whichever fake storage.sync the test holds when the task runs.
  const repairSettings = () => settingsStore({ sync, onChanged: sync.onChanged }).repairStoredSettings();
  return { repairSettings, upgradeDatasets: vi.fn(() => store.upgrade()) };
}

describe("runtime.onInstalled with reason 'update'", () => {
  test("settings and imported datasets come through an update from an older format", async () => {
    await storedByVersion010();
    const datasetBefore = local.snapshot()["dataset/quillmere-test/old1"];
    const log = await handleInstalled({ reason: "update", previousVersion: "0.1.0" }, tasksAt("0.2.0"));

    // Settings: every known field kept, the unknown one dropped, the current shape written back.
    expect(sync.snapshot()[SETTINGS_KEY]).toEqual({
      ...DEFAULT_SETTINGS,
      enabled: false,
      siteMode: "only-listed",
      sites: ["news.example"],
      hoverDelayMs: 800,
      cardLanguage: "ar",
      version: 1,
    });
    // The dataset: kept byte for byte, still disabled, its table compiled again by this version.
    expect(local.snapshot()["dataset/quillmere-test/old1"]).toEqual(datasetBefore);
    const { entries } = await readIndex(local);
    expect(entries).toEqual([{ id: "quillmere-test", enabled: false, datasetKey: "dataset/quillmere-test/old1", tableKey: "table/quillmere-test/new1" }]);
    const { tables, problems } = await readTables(local, entries);
    expect(problems).toEqual([]);
    const current = await new DatasetStore(local, { version: "0.2.0" }).loadById("quillmere-test");
    if (!current?.ok) throw new Error("the dataset should still be readable");
    expect(tables[0]).toEqual(compileMatcherTable([current.dataset]));
    expect(local.keys()).toEqual(["dataset/quillmere-test/old1", INDEX_KEY, "table/quillmere-test/new1"]);
    expect(log).toEqual([
      "settings repaired: settings.showBadge is unknown; dropped",
      "update from 0.1.0: compiled again the tables of quillmere-test",
      "removed 1 stored key(s) no imported dataset uses",
    ]);
  });

  test("an update with current data changes nothing and logs nothing", async () => {
    await sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, version: 1 } });
    const store = new DatasetStore(local, { version: "0.2.0", newRevision: () => "cur1" });
    const check = await store.prepareImport(JSON.stringify(quillmere()), { id: bundled.id, table: compileMatcherTable([bundled]) });
    if (!check.ok) throw new Error("not importable");
    await store.commitImport(check.prepared);
    const before = { sync: sync.snapshot(), local: local.snapshot() };
    expect(await handleInstalled({ reason: "update", previousVersion: "0.2.0" }, tasksAt("0.2.0"))).toEqual([]);
    expect({ sync: sync.snapshot(), local: local.snapshot() }).toEqual(before);
  });

  test("an install writes the default settings, and upgrades what is stored too", async () => {
    // Chromium reports "install" when an unpacked extension loaded from the command line comes
    // back at a new version over existing storage: the upgrade must not wait for "update".
    await storedByVersion010();
    const tasks = tasksAt("0.2.0");
    sync = new FakeStorageArea();
    const log = await handleInstalled({ reason: "install" }, tasks);
    expect(tasks.upgradeDatasets).toHaveBeenCalledOnce();
    expect(log).toContain("install: compiled again the tables of quillmere-test");
    expect(sync.snapshot()[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, version: 1 });
    // On a fresh profile the upgrade has nothing to do.
    local = new FakeStorageArea();
    expect(await handleInstalled({ reason: "install" }, tasksAt("0.2.0"))).toEqual([]);
    expect(local.writes).toEqual([]);
  });

  test("an upgrade that fails is logged; the stored data is left as it was", async () => {
    await storedByVersion010();
    const before = local.snapshot();
    local.failSet = () => "QUOTA_BYTES quota exceeded";
    const log = await handleInstalled({ reason: "update", previousVersion: "0.1.0" }, tasksAt("0.2.0"));
    expect(log).toContain("imported datasets not upgraded: QUOTA_BYTES quota exceeded");
    expect(local.snapshot()).toEqual(before);
  });

  test("settings that cannot be written back do not stop the datasets' upgrade", async () => {
    await storedByVersion010();
    sync.failSet = () => "QUOTA_BYTES_PER_ITEM quota exceeded";
    const log = await handleInstalled({ reason: "update", previousVersion: "0.1.0" }, tasksAt("0.2.0"));
    expect(log[0]).toBe("settings not repaired: QUOTA_BYTES_PER_ITEM quota exceeded");
    expect(log).toContain("update from 0.1.0: compiled again the tables of quillmere-test");
    expect(sync.snapshot()[SETTINGS_KEY]).toHaveProperty("showBadge", true);
  });

  test("settings that cannot be read are not overwritten by the update", async () => {
    sync.poke(SETTINGS_KEY, { enabled: false, version: 1 });
    sync.failGet = "sync unavailable";
    await handleInstalled({ reason: "update", previousVersion: "0.1.0" }, tasksAt("0.2.0"));
    sync.failGet = null;
    expect(sync.snapshot()[SETTINGS_KEY]).toEqual({ enabled: false, version: 1 });
  });
});
