/** The settings store over a fake `storage.sync`, passed in: no module mocks. */
import { beforeEach, describe, expect, test } from "vitest";
import { settingsStore } from "../../src/extension/settings-store.ts";
import type { StorageChangeListener } from "../../src/shared/imported-datasets.ts";
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from "../../src/shared/settings.ts";
import { FakeStorageArea } from "./fake-storage.ts";

let sync: FakeStorageArea;
let listeners: Set<StorageChangeListener>;
let store: ReturnType<typeof settingsStore>;

beforeEach(() => {
  sync = new FakeStorageArea();
  listeners = new Set();
  const onChanged = { addListener: (l: StorageChangeListener) => void listeners.add(l), removeListener: (l: StorageChangeListener) => void listeners.delete(l) };
  store = settingsStore({ sync, onChanged });
});

/** What the browser reports when `area` changes. */
const change = (area: string, newValue: unknown) => {
  for (const listener of listeners) listener({ [SETTINGS_KEY]: { newValue } }, area);
};

describe("settingsStore", () => {
  test("loads defaults from empty storage, and a stored value field by field", async () => {
    expect(await store.loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    sync.poke(SETTINGS_KEY, { ...DEFAULT_SETTINGS, hoverDelayMs: 800, cardLanguage: "klingon", version: 1 });
    expect(await store.loadSettings()).toEqual({
      settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 800 },
      problems: ["settings.cardLanguage is invalid; using the default"],
    });
  });

  test("a storage that cannot be read gives defaults and says why", async () => {
    sync.failGet = "quota";
    expect(await store.loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, problems: ["cannot read settings: quota"] });
  });

  test("saves the settings whole, with the stored shape's version", async () => {
    const settings: Settings = { ...DEFAULT_SETTINGS, enabled: false, sites: ["news.example"] };
    await store.saveSettings(settings);
    expect(sync.snapshot()).toEqual({ [SETTINGS_KEY]: { ...settings, version: 1 } });
  });

  test("repair writes back what parsed, and nothing when storage cannot be read", async () => {
    sync.poke(SETTINGS_KEY, { enabled: "yes", hoverDelayMs: 500 });
    expect(await store.repairStoredSettings()).toEqual(["settings.enabled is invalid; using the default"]);
    expect(sync.snapshot()[SETTINGS_KEY]).toEqual({ ...DEFAULT_SETTINGS, hoverDelayMs: 500, version: 1 });
    const before = sync.writes.length;
    sync.failGet = "gone";
    expect(await store.repairStoredSettings()).toEqual([]);
    expect(sync.writes.length).toBe(before);
  });

  test("watches storage.sync only, until the signal aborts", () => {
    const seen: unknown[] = [];
    const controller = new AbortController();
    store.watchSettings(({ settings }) => seen.push(settings.hoverDelayMs), controller.signal);
    change("local", { hoverDelayMs: 100 });
    change("sync", { hoverDelayMs: 200 });
    controller.abort();
    change("sync", { hoverDelayMs: 300 });
    expect(seen).toEqual([200]);
    expect(listeners.size).toBe(0);
  });
});
