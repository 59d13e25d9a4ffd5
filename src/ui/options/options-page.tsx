/** Settings page entry (`options.html`, `?lang=ar|en` to choose the language in tests): wires the browser into `Options`. */
import { render } from "preact";
import { askBackground } from "../../extension/messaging.ts";
import { loadSettings, saveSettings, watchSettings } from "../../extension/settings-store.ts";
import { setUpExtensionPage } from "../set-up-extension-page.ts";
import { Options, type OptionsServices } from "./Options.tsx";

async function main(): Promise<void> {
  const text = await setUpExtensionPage("optionsTitle");
  const services: OptionsServices = {
    loadSettings,
    saveSettings,
    watchSettings,
    listDatasets: () => askBackground({ type: "listDatasets" }),
  };
  render(<Options services={services} text={text} />, document.body);
}

void main();
