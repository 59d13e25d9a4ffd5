/**
 * Settings in `storage.sync`: read with repair, written whole, and watched so every open tab
 * reacts to a change at once, without a reload. The storage is passed in (each context gives
 * the browser's `extension.storage`), so tests run the real store over a fake one.
 */
import type { StorageArea, StorageChangeEvent } from "../shared/imported-datasets.ts";
import { SETTINGS_KEY, SETTINGS_VERSION, parseSettings, type ParsedSettings, type Settings } from "../shared/settings.ts";

/** What the settings store needs of `browser.storage`. */
export interface SettingsStorage {
  readonly sync: Pick<StorageArea, "get" | "set">;
  readonly onChanged: StorageChangeEvent;
}

/** The settings store's operations over `storage`, as free functions a context can hand on. */
export function settingsStore(storage: SettingsStorage) {
  /** Reads the settings; a corrupted value yields defaults and the list of what was repaired. */
  async function loadSettings(): Promise<ParsedSettings> {
    try {
      const stored = await storage.sync.get(SETTINGS_KEY);
      return parseSettings(stored[SETTINGS_KEY]);
    } catch (error) {
      return { settings: parseSettings(undefined).settings, problems: [`cannot read settings: ${(error as Error).message}`] };
    }
  }

  /**
   * Writes back the stored settings as they parse, when they did not parse cleanly (corrupted,
   * or an older shape). Returns what was repaired. When storage cannot be read, nothing is
   * written: a read failure must never overwrite the reader's settings with defaults.
   */
  async function repairStoredSettings(): Promise<string[]> {
    let stored: unknown;
    try {
      stored = (await storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY];
    } catch {
      return [];
    }
    const { settings, problems } = parseSettings(stored);
    if (problems.length > 0 || stored === undefined) await saveSettings(settings);
    return problems;
  }

  /** Writes the settings whole. A failed write throws and leaves the stored value as it was. */
  async function saveSettings(settings: Settings): Promise<void> {
    await storage.sync.set({ [SETTINGS_KEY]: { ...settings, version: SETTINGS_VERSION } });
  }

  /** Calls `onChange` with the parsed settings whenever they change, until `signal` aborts. */
  function watchSettings(onChange: (parsed: ParsedSettings) => void, signal: AbortSignal): void {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== "sync" || !(SETTINGS_KEY in changes)) return;
      onChange(parseSettings(changes[SETTINGS_KEY]!.newValue));
    };
    storage.onChanged.addListener(listener);
    signal.addEventListener("abort", () => storage.onChanged.removeListener(listener), { once: true });
  }

  return { loadSettings, repairStoredSettings, saveSettings, watchSettings };
}
