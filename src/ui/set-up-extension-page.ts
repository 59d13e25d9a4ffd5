/**
 * What every extension page of ours (popup, settings) does first: load its interface text and
 * set the document's language, direction and title to match.
 */
import { extension } from "../extension/browser-api.ts";
import { directionOf } from "./card/card-strings.ts";
import { loadInterfaceText, type InterfaceText, type MessageKey } from "./interface-text.ts";

/** Loads the interface text (`?lang=` overrides the browser's language, see `interface-text.ts`) and applies it to the document. */
export async function setUpExtensionPage(titleKey: MessageKey): Promise<InterfaceText> {
  const text = await loadInterfaceText(new URLSearchParams(location.search).get("lang"), {
    i18n: extension.i18n,
    async readPackageJson(path) {
      const response = await fetch(extension.runtime.getURL(path));
      if (!response.ok) throw new Error(`cannot read ${path}: ${response.status}`);
      return response.json();
    },
  });
  document.documentElement.lang = text.language;
  document.documentElement.dir = directionOf(text.language);
  document.title = text.message(titleKey);
  return text;
}
