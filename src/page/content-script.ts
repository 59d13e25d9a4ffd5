/**
 * The content script, on every page the reader opens. Start-up is light: it reads the settings
 * and the small index of imported datasets (two reads, at once) and, only if the overlay is on
 * for this site, builds the matcher — from the bundled table alone, or merged with the stored
 * tables of the enabled imported datasets — and scans. It reacts at once to changes: settings
 * off tears the overlay down, on scans again; a dataset imported, enabled, disabled or removed
 * rebuilds the matcher and scans the page again.
 */
import bundledTable from "virtual:matcher-table";
import { Matcher } from "../core/matcher.ts";
import { mergeMatcherTables } from "../core/merge-matcher-tables.ts";
import { extension } from "../extension/browser-api.ts";
import { enabledTablesKey, readIndex, readTables, watchIndex, type IndexEntry } from "../shared/imported-datasets.ts";
import { askBackground, servePage } from "../extension/messaging.ts";
import { isOverlayOnFor, type Settings } from "../shared/settings.ts";
import { settingsStore } from "../extension/settings-store.ts";
import { Overlay } from "./overlay.ts";

const { loadSettings, watchSettings } = settingsStore(extension.storage);

/** How often, at most, mention counts go to the background for the badge. */
const REPORT_INTERVAL_MS = 300;

/** The site the per-site setting applies to: the tab's, also inside a same-origin frame. */
function siteHost(): string {
  try {
    return window.top?.location.hostname || location.hostname;
  } catch {
    return location.hostname; // a cross-origin frame cannot read the top's location
  }
}

let settings: Settings;
let imported: IndexEntry[] = [];
let overlay: Overlay | null = null;
/** Which enabled tables the running overlay's matcher was built from. */
let overlayTables = "";
/** The last matcher built, by the enabled tables it was built from. */
let built: { key: string; matcher: Promise<Matcher> } | null = null;
/** Bumped by each `apply`, so an older one still waiting for tables gives way to a newer one. */
let applying = 0;
let reportTimer: ReturnType<typeof setTimeout> | undefined;

function reportCounts(): void {
  if (reportTimer !== undefined) return;
  reportTimer = setTimeout(() => {
    reportTimer = undefined;
    const found = overlay?.entitiesOnPage() ?? { mentions: 0, entities: [] };
    void askBackground({ type: "mentionsCounted", mentions: found.mentions, entities: found.entities.map((e) => e.id) });
  }, REPORT_INTERVAL_MS);
}

/** The matcher for the enabled datasets: the bundled table first, so it keeps every name it claims. */
function matcherFor(entries: readonly IndexEntry[]): { key: string; matcher: Promise<Matcher> } {
  const key = enabledTablesKey(entries);
  if (built?.key === key) return built;
  const enabled = entries.filter((e) => e.enabled);
  const matcher =
    enabled.length === 0
      ? Promise.resolve(new Matcher(bundledTable))
      : readTables(extension.storage.local, enabled).then(({ tables, problems }) => {
          if (problems.length > 0) console.warn(`Backstory: ${problems.join("; ")}`);
          return new Matcher(mergeMatcherTables([bundledTable, ...tables]));
        });
  built = { key, matcher };
  return built;
}

function stopOverlay(): void {
  if (overlay === null) return;
  overlay.stop();
  overlay = null;
  reportCounts();
}

/** Brings the page in line with the current settings and datasets. */
async function apply(): Promise<void> {
  const turn = ++applying;
  if (!isOverlayOnFor(settings, siteHost())) {
    stopOverlay();
    return;
  }
  const { key, matcher } = matcherFor(imported);
  if (overlay !== null && overlayTables === key) {
    overlay.updateSettings(settings);
    return;
  }
  const ready = await matcher;
  if (turn !== applying) return;
  // Other datasets: start again on a fresh overlay (the page loses its highlights for a moment).
  stopOverlay();
  overlay = new Overlay(document, ready, settings, reportCounts, askBackground);
  overlayTables = key;
  void overlay.start();
}

async function main(): Promise<void> {
  const lifetime = new AbortController();
  servePage(
    {
      getEntitiesOnPage: () => ({
        site: siteHost(),
        active: overlay !== null,
        ...(overlay?.entitiesOnPage() ?? { mentions: 0, entities: [] }),
      }),
      revealEntity: async ({ entity, dataset }) => ({ revealed: (await overlay?.revealEntity(entity, dataset)) ?? false }),
      focusNextMention: async () => ({ focused: (await overlay?.focusNextMention()) ?? false }),
    },
    lifetime.signal,
  );
  const [stored, index] = await Promise.all([loadSettings(), readIndex(extension.storage.local)]);
  const problems = [...stored.problems.map((p) => `settings repaired: ${p}`), ...index.problems];
  if (problems.length > 0) console.warn(`Backstory: ${problems.join("; ")}`);
  settings = stored.settings;
  imported = index.entries;
  await apply();
  watchSettings(({ settings: next }) => {
    settings = next;
    void apply();
  }, lifetime.signal);
  watchIndex(
    extension.storage.onChanged,
    (next) => {
      if (next.problems.length > 0) console.warn(`Backstory: ${next.problems.join("; ")}`);
      imported = next.entries;
      void apply();
    },
    lifetime.signal,
  );
}

void main();
