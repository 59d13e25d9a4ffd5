/** A fake of the settings store for rendering extension pages in tests: in memory, watchable, and able to fail. */
import { vi } from "vitest";
import { DEFAULT_SETTINGS, type ParsedSettings, type Settings } from "../../src/shared/settings.ts";

/** A settings store holding `initial`, reporting `problems` when loaded. */
export function fakeSettings(initial: Partial<Settings> = {}, problems: string[] = []) {
  let stored: Settings = { ...DEFAULT_SETTINGS, ...initial };
  let failure: string | null = null;
  const watchers = new Set<(parsed: ParsedSettings) => void>();
  const services = {
    loadSettings: vi.fn(async (): Promise<ParsedSettings> => ({ settings: stored, problems })),
    saveSettings: vi.fn(async (settings: Settings) => {
      if (failure !== null) throw new Error(failure);
      stored = settings;
    }),
    watchSettings: vi.fn((onChange: (parsed: ParsedSettings) => void, signal: AbortSignal) => {
      watchers.add(onChange);
      signal.addEventListener("abort", () => watchers.delete(onChange), { once: true });
    }),
  };
  return {
    services,
    stored: (): Settings => stored,
    /** Makes the next saves reject with this message (until set to null). */
    failSavesWith: (message: string | null) => {
      failure = message;
    },
    /** Stores settings as if changed elsewhere (another window, the keyboard command) and tells the watchers. */
    changeElsewhere: (settings: Settings) => {
      stored = settings;
      for (const watcher of watchers) watcher({ settings, problems: [] });
    },
    watcherCount: () => watchers.size,
  };
}
