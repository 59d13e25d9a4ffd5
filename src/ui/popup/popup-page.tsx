/**
 * Popup entry (`popup.html`, or `popup.html?tab=<id>&lang=<ar|en>` opened as a page in tests):
 * finds the tab to control, loads the interface text and wires the browser into `Popup`.
 */
import { render } from "preact";
import { extension } from "../../extension/browser-api.ts";
import { askBackground, askPage } from "../../extension/messaging.ts";
import { openSidePanel } from "../../extension/open-side-panel.ts";
import { settingsStore } from "../../extension/settings-store.ts";
import { setUpExtensionPage } from "../set-up-extension-page.ts";
import { chooseTab } from "./choose-tab.ts";
import { Popup, type PopupServices } from "./Popup.tsx";

const { loadSettings, saveSettings, watchSettings } = settingsStore(extension.storage);

/** How often the open popup asks the page again, so names found by a scan in progress appear. */
const REFRESH_MS = 1000;

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const [text, tabId] = await Promise.all([
    setUpExtensionPage("extensionName"),
    chooseTab(params, () => extension.tabs.query({ active: true, currentWindow: true })),
  ]);
  // Opened as a page (tests), the popup stays open so the test can go on using it.
  const isOpenedAsPage = params.has("tab");
  const noTab = { ok: false as const, error: "no tab to ask" };
  const services: PopupServices = {
    loadSettings,
    saveSettings,
    watchSettings,
    entitiesOnPage: async () => (tabId === null ? noTab : askPage(tabId, { type: "getEntitiesOnPage" })),
    revealEntity: async (entity, dataset) => (tabId === null ? noTab : askPage(tabId, { type: "revealEntity", entity, dataset })),
    listDatasets: () => askBackground({ type: "listDatasets" }),
    extensionUrl: (path) => extension.runtime.getURL(path),
    openUrl: async (url) => {
      await extension.tabs.create({ url });
    },
    openOptions: () => extension.runtime.openOptionsPage(),
    openPanel: () => openSidePanel(tabId === null ? {} : { tabId }),
    close: () => {
      if (!isOpenedAsPage) window.close();
    },
  };
  render(<Popup services={services} text={text} refreshMs={REFRESH_MS} />, document.body);
}

void main();
