/**
 * The background (a service worker in Chrome, an event page in Firefox): answers card requests
 * with content loaded from the datasets (the bundled one and those the reader imported), opens
 * the source viewer, keeps each tab's badge (the number of entities found), runs the keyboard
 * commands, and repairs stored settings and upgrades imported datasets on install and update.
 */
import dataset from "virtual:bundled-dataset";
import { buildEntityCard } from "../core/entity-card.ts";
import { extension } from "./browser-api.ts";
import { DatasetLibrary } from "./dataset-library.ts";
import { DatasetStore } from "./dataset-store.ts";
import { askPage, serveBackground } from "./messaging.ts";
import { handleInstalled } from "./on-installed.ts";
import { sourceViewerPath } from "../shared/source-viewer-path.ts";
import { settingsStore } from "./settings-store.ts";

const { loadSettings, repairStoredSettings, saveSettings, watchSettings } = settingsStore(extension.storage);

const store = new DatasetStore(extension.storage.local, { version: extension.runtime.getManifest().version });
const datasets = new DatasetLibrary(dataset, store);

/** Entities found per tab, per frame: the badge counts distinct entities over all frames. */
const found = new Map<number, Map<number, Set<string>>>();

async function updateBadge(tabId: number): Promise<void> {
  const frames = found.get(tabId);
  const entities = new Set<string>();
  for (const ids of frames?.values() ?? []) for (const id of ids) entities.add(id);
  try {
    await extension.action.setBadgeText({ tabId, text: entities.size > 0 ? String(entities.size) : "" });
    await extension.action.setBadgeBackgroundColor({ tabId, color: "#1d4ed8" });
  } catch {
    // The tab closed while we were counting.
  }
}

serveBackground({
  getEntityCard: async ({ dataset: datasetId, entity }) => {
    const lookup = await datasets.get(datasetId);
    if (!lookup.ok) throw new Error(lookup.error);
    const card = buildEntityCard(lookup.dataset, entity);
    if (!card) throw new Error(`no entity "${entity}" in dataset "${datasetId}"`);
    return card;
  },
  openSource: async ({ dataset: datasetId, source, fact, language }) => {
    const lookup = await datasets.get(datasetId);
    if (!lookup.ok) throw new Error(lookup.error);
    if (!lookup.dataset.sources.some((s) => s.id === source) || !lookup.dataset.facts.some((f) => f.id === fact)) {
      throw new Error(`no source "${source}" with fact "${fact}" in dataset "${datasetId}"`);
    }
    await extension.tabs.create({ url: extension.runtime.getURL(sourceViewerPath({ dataset: datasetId, source, fact, language })) });
    return { opened: true as const };
  },
  listDatasets: () => datasets.list(),
  mentionsCounted: async ({ entities }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error("mention counts come from a tab's content script");
    const frames = found.get(tabId) ?? new Map<number, Set<string>>();
    frames.set(sender.frameId ?? 0, new Set(entities));
    found.set(tabId, frames);
    await updateBadge(tabId);
    return { recorded: true as const };
  },
});

extension.tabs.onRemoved.addListener((tabId) => found.delete(tabId));
extension.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its frames will report afresh.
  if (change.status === "loading") {
    found.delete(tabId);
    void updateBadge(tabId);
  }
});

// Firefox for Android has no keyboard commands: `commands` is undefined there, and reaching
// into it would stop this script before the listeners below. A phone reader taps names
// (tap-tracker.ts) and finds the next one in the popup's list instead.
(extension.commands as typeof extension.commands | undefined)?.onCommand.addListener(async (command) => {
  if (command === "toggle-overlay") {
    const { settings } = await loadSettings();
    await saveSettings({ ...settings, enabled: !settings.enabled });
  } else if (command === "next-mention") {
    const [tab] = await extension.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined) await askPage(tab.id, { type: "focusNextMention" });
  }
});

/** Repairs corrupted or old-format stored settings, so every context reads a clean value. */
async function repair(): Promise<void> {
  const problems = await repairStoredSettings();
  if (problems.length > 0) console.warn(`Backstory: settings repaired: ${problems.join("; ")}`);
}

// Defaults on install, migration on update, and a check at every browser start.
extension.runtime.onInstalled.addListener(async (details) => {
  const log = await handleInstalled(details, { repairSettings: repairStoredSettings, upgradeDatasets: () => store.upgrade() });
  if (log.length > 0) console.warn(`Backstory: ${log.join("; ")}`);
});
extension.runtime.onStartup.addListener(() => repair());
// A corrupted value written while running (by a sync conflict, say) is repaired at once.
watchSettings(({ problems }) => {
  if (problems.length > 0) void repair();
}, new AbortController().signal);
