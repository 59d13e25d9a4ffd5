/**
 * The reader's settings as an extension page edits them: loaded once, kept current when they
 * change elsewhere (the keyboard command, another window), and saved whole on each change.
 * A change shows at once; if saving it fails, the last stored settings come back and the error
 * is reported, so the page never shows a value that is not in effect.
 */
import { useCallback, useEffect, useRef, useState } from "preact/hooks";
import type { ParsedSettings, Settings } from "../shared/settings.ts";

/** The settings calls an extension page makes (`settings-store.ts` in the browser, fakes in tests). */
export interface SettingsServices {
  loadSettings(): Promise<ParsedSettings>;
  saveSettings(settings: Settings): Promise<void>;
  watchSettings(onChange: (parsed: ParsedSettings) => void, signal: AbortSignal): void;
}

/** The settings being edited, and how to change them. */
export interface StoredSettings {
  /** `null` until loaded. */
  settings: Settings | null;
  /** What had to be repaired when the stored settings were read. */
  problems: string[];
  /** The last save's error, until the next change. */
  saveError: string | null;
  /** Counts successful saves, so a page can show a brief "Saved" after each. */
  saves: number;
  /** Applies a change to the latest settings and saves the result; resolves to whether it was saved. */
  update(change: (settings: Settings) => Settings): Promise<boolean>;
}

/** Loads, watches and saves the settings through `services`. */
export function useStoredSettings(services: SettingsServices): StoredSettings {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saves, setSaves] = useState(0);
  /** What the page shows, including a change being saved. */
  const shown = useRef<Settings | null>(null);
  /** What storage holds, as far as this page knows: the value a failed save falls back to. */
  const stored = useRef<Settings | null>(null);
  const attempts = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const adopt = (next: Settings) => {
      shown.current = stored.current = next;
      setSettings(next);
    };
    services.watchSettings((parsed) => adopt(parsed.settings), controller.signal);
    services.loadSettings().then(
      (parsed) => {
        if (controller.signal.aborted) return;
        // A change seen by the watcher meanwhile is newer than what was loaded.
        if (stored.current === null) adopt(parsed.settings);
        setProblems(parsed.problems);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setProblems([errorMessage(error)]);
      },
    );
    return () => controller.abort();
  }, [services]);

  const update = useCallback(
    async (change: (settings: Settings) => Settings) => {
      if (shown.current === null) return false;
      const next = change(shown.current);
      const attempt = ++attempts.current;
      shown.current = next;
      setSettings(next);
      setSaveError(null);
      try {
        await services.saveSettings(next);
        stored.current = next;
        if (attempt === attempts.current) setSaves((count) => count + 1);
        return true;
      } catch (error) {
        // Only the latest change decides what is shown; an older failure is superseded by it.
        if (attempt === attempts.current) {
          shown.current = stored.current;
          setSettings(stored.current);
          setSaveError(errorMessage(error));
        }
        return false;
      }
    },
    [services],
  );

  return { settings, problems, saveError, saves, update };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
