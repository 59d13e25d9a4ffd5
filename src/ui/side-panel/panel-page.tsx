/**
 * Side panel entry (`panel.html`: Chrome's side panel, Firefox's sidebar; `panel.html?tab=<id>&lang=<ar|en>`
 * opened as a page in tests): loads the interface text, finds the tab to follow and wires the
 * browser into `SidePanel`. The panel follows the active tab of its own window; opened as a tab
 * (tests), it never follows itself.
 */
import { render } from "preact";
import { extension } from "../../extension/browser-api.ts";
import { askBackground, askPage, servePanel } from "../../extension/messaging.ts";
import { settingsStore } from "../../extension/settings-store.ts";
import { chooseTab } from "../popup/choose-tab.ts";
import { setUpExtensionPage } from "../set-up-extension-page.ts";
import { SidePanel, type PanelServices } from "./SidePanel.tsx";

const { loadSettings, saveSettings, watchSettings } = settingsStore(extension.storage);

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const [text, ownWindow, ownTab] = await Promise.all([
    setUpExtensionPage("panelTitle"),
    extension.windows.getCurrent().then((w) => w.id, () => undefined),
    // Undefined in a real side panel; this page's own tab when it is opened as a page.
    extension.tabs.getCurrent().then((tab) => tab?.id, () => undefined),
  ]);
  const services: PanelServices = {
    loadSettings,
    saveSettings,
    watchSettings,
    initialTab: () => chooseTab(params, () => extension.tabs.query({ active: true, ...(ownWindow === undefined ? { currentWindow: true } : { windowId: ownWindow }) })),
    watchEvents(events, signal) {
      const onActivated = ({ tabId, windowId }: { tabId: number; windowId: number }) => {
        if (tabId !== ownTab && (ownWindow === undefined || windowId === ownWindow)) events.tabActivated(tabId);
      };
      // A full navigation: the new page's content script reports its names once it has scanned.
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (change.status === "complete") events.tabChanged(tabId);
      };
      extension.tabs.onActivated.addListener(onActivated);
      extension.tabs.onUpdated.addListener(onUpdated);
      signal.addEventListener("abort", () => {
        extension.tabs.onActivated.removeListener(onActivated);
        extension.tabs.onUpdated.removeListener(onUpdated);
      });
      servePanel(
        {
          tabMentionsChanged: ({ tabId }) => {
            events.tabChanged(tabId);
            return { seen: true as const };
          },
          showDispute: ({ tabId, dataset, dispute }) => ({ shown: events.showDispute(tabId, dataset, dispute) }),
        },
        signal,
      );
    },
    entitiesOnPage: (tabId) => askPage(tabId, { type: "getEntitiesOnPage" }),
    revealEntity: (tabId, entity, dataset) => askPage(tabId, { type: "revealEntity", entity, dataset }),
    pageClaims: (entities) => askBackground({ type: "getPageClaims", entities }),
    openSource: async (dataset, fact) => {
      const reply = await askBackground({ type: "openSource", dataset, source: fact.source.id, fact: fact.id, language: text.language });
      if (!reply.ok) throw new Error(reply.error);
    },
    copyText: (value) => navigator.clipboard.writeText(value),
    takePanelFocus: async () => {
      const reply = await askBackground({ type: "takePanelFocus" });
      return reply.ok ? reply.value : null;
    },
  };
  render(<SidePanel services={services} text={text} />, document.body);
}

void main();
