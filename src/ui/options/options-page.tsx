/** Settings page entry (`options.html`, `?lang=ar|en` to choose the language in tests): wires the browser into `Options`. */
import { render } from "preact";
import bundledDatasetId from "virtual:bundled-dataset-id";
import bundledTable from "virtual:matcher-table";
import { extension } from "../../extension/browser-api.ts";
import { DatasetStore } from "../../extension/dataset-store.ts";
import { watchIndex } from "../../shared/imported-datasets.ts";
import { askBackground } from "../../extension/messaging.ts";
import { settingsStore } from "../../extension/settings-store.ts";
import { setUpExtensionPage } from "../set-up-extension-page.ts";
import { Options, type OptionsServices } from "./Options.tsx";

const { loadSettings, saveSettings, watchSettings } = settingsStore(extension.storage);

async function main(): Promise<void> {
  const text = await setUpExtensionPage("optionsTitle");
  const store = new DatasetStore(extension.storage.local, { version: extension.runtime.getManifest().version });
  const bundled = { id: bundledDatasetId, table: bundledTable };
  const services: OptionsServices = {
    loadSettings,
    saveSettings,
    watchSettings,
    listDatasets: () => askBackground({ type: "listDatasets" }),
    checkImport: (content) => store.prepareImport(content, bundled),
    saveImport: (prepared) => store.commitImport(prepared),
    setDatasetEnabled: (id, enabled) => store.setEnabled(id, enabled),
    removeDataset: (id) => store.remove(id),
    watchDatasets: (onChange, signal) => watchIndex(extension.storage.onChanged, onChange, signal),
  };
  render(<Options services={services} text={text} />, document.body);
}

void main();
