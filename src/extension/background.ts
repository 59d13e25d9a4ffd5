/**
 * The background (a service worker in Chrome, an event page in Firefox): answers card requests
 * with content loaded from the datasets (the bundled one and those the reader imported), opens
 * the source viewer, injects on-demand page scripts into the frame that asks (the card's UI; the
 * full content script into a sub-frame whose gate found text), keeps each tab's badge (the number
 * of entities found), runs the keyboard commands, and repairs stored settings and upgrades
 * imported datasets on install and update. For the side panel, it gathers a page's claims, tells
 * open panels when a tab's mentions change, and opens the panel at a dispute from a card.
 */
import dataset from "virtual:bundled-dataset";
import { buildEntityCard } from "../core/entity-card.ts";
import { buildPageClaims } from "../core/page-claims.ts";
import { extension } from "./browser-api.ts";
import { DatasetLibrary } from "./dataset-library.ts";
import { DatasetStore } from "./dataset-store.ts";
import { askPage, serveBackground, tellPanels } from "./messaging.ts";
import { openSidePanel } from "./open-side-panel.ts";
import { handleInstalled } from "./on-installed.ts";
import { sourceViewerPath } from "../shared/source-viewer-path.ts";
import { settingsStore } from "./settings-store.ts";

const { loadSettings, repairStoredSettings, saveSettings, watchSettings } = settingsStore(extension.storage);

const store = new DatasetStore(extension.storage.local, { version: extension.runtime.getManifest().version });
const datasets = new DatasetLibrary(dataset, store);

/** Entities found per tab, per frame: the badge counts distinct entities over all frames. */
const found = new Map<number, Map<number, Set<string>>>();

/** The dispute a card last asked the panel to show, kept until a panel that opens takes it. */
const panelFocus: { pending: { dataset: string; dispute: string } | null } = { pending: null };

/** Tells open side panels that a tab's names changed; none open is the usual case. */
function tellPanelsAbout(tabId: number): void {
  void tellPanels({ type: "tabMentionsChanged", tabId });
}

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
  loadPageScript: async ({ script }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error("only a tab's content script loads page scripts");
    const target = { tabId, frameIds: [sender.frameId ?? 0] };
    // The highlight styles the manifest gives top frames, for a sub-frame that woke up.
    if (script === "content-script") await extension.scripting.insertCSS({ target, files: ["content-script.css"] });
    await extension.scripting.executeScript({ target, files: [`${script}.js`] });
    return { loaded: true as const };
  },
  mentionsCounted: async ({ entities }, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) throw new Error("mention counts come from a tab's content script");
    const frames = found.get(tabId) ?? new Map<number, Set<string>>();
    frames.set(sender.frameId ?? 0, new Set(entities));
    found.set(tabId, frames);
    tellPanelsAbout(tabId);
    await updateBadge(tabId);
    return { recorded: true as const };
  },
  getPageClaims: async ({ entities }) => {
    const byDataset = new Map<string, string[]>();
    for (const { dataset: id, id: entity } of entities) byDataset.set(id, [...(byDataset.get(id) ?? []), entity]);
    const claims = [];
    for (const [id, ids] of byDataset) {
      const lookup = await datasets.get(id);
      if (!lookup.ok) throw new Error(lookup.error);
      claims.push(buildPageClaims(lookup.dataset, ids));
    }
    return claims;
  },
  openPanelAt: ({ dataset: datasetId, dispute }, sender) => {
    // At once, before any await: Chrome opens the panel only while the card's click is current.
    const opening = openSidePanel({ tabId: sender.tab?.id, windowId: sender.tab?.windowId });
    panelFocus.pending = { dataset: datasetId, dispute };
    return (async () => {
      // A panel already open shows the dispute now; one opening now takes it when it starts.
      const shown = await tellPanels({ type: "showDispute", tabId: sender.tab?.id ?? -1, dataset: datasetId, dispute });
      if (shown.ok && shown.value.shown) {
        panelFocus.pending = null;
        return { opened: true };
      }
      return { opened: await opening };
    })();
  },
  takePanelFocus: () => {
    const pending = panelFocus.pending;
    panelFocus.pending = null;
    return pending;
  },
});

extension.tabs.onRemoved.addListener((tabId) => found.delete(tabId));
extension.tabs.onUpdated.addListener((tabId, change) => {
  // A new document in the tab: its frames will report afresh.
  if (change.status === "loading") {
    found.delete(tabId);
    void updateBadge(tabId);
    tellPanelsAbout(tabId);
  }
});

// Firefox for Android has no keyboard commands: `commands` is undefined there, and reaching
// into it would stop this script before the listeners below. A phone reader taps names
// (tap-tracker.ts) and finds the next one in the popup's list instead.
const commands = extension.commands as typeof extension.commands | undefined;

// Not async, and nothing awaited first: the command is the user action Chrome opens the panel
// in. Firefox opens its sidebar itself, through the `_execute_sidebar_action` command.
commands?.onCommand.addListener((command, tab) => {
  if (command === "open-panel") void openSidePanel({ tabId: tab?.id, windowId: tab?.windowId });
});

commands?.onCommand.addListener(async (command) => {
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
