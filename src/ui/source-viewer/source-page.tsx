/**
 * Source viewer entry (`source.html?dataset=<id>&source=<id>&fact=<id>&lang=<ar|en>`): reads the
 * URL, sets the document's language and direction, and renders the viewer over the dataset it
 * names — the bundled one (also when none is named), or one the reader imported, read from
 * `storage.local` and validated.
 */
import { render } from "preact";
import bundled from "virtual:bundled-dataset";
import { extension } from "../../extension/browser-api.ts";
import { DatasetStore } from "../../extension/dataset-store.ts";
import { readSourceViewerQuery } from "../../shared/source-viewer-path.ts";
import { directionOf } from "../card/card-strings.ts";
import { DatasetUnavailable, SourceViewer } from "./SourceViewer.tsx";
import { viewerLanguage } from "./source-strings.ts";

async function main(): Promise<void> {
  const query = readSourceViewerQuery(location.search);
  const language = viewerLanguage(query.lang, navigator.language);
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);

  const datasetId = query.dataset;
  let dataset = bundled;
  if (datasetId !== null && datasetId !== bundled.id) {
    const store = new DatasetStore(extension.storage.local, { version: extension.runtime.getManifest().version });
    const loaded = await store.loadById(datasetId);
    if (loaded === null || !loaded.ok) {
      if (loaded !== null && !loaded.ok) console.warn(`Backstory: dataset "${datasetId}" cannot be read: ${loaded.error}`);
      render(<DatasetUnavailable datasetId={datasetId} language={language} />, document.body);
      return;
    }
    dataset = loaded.dataset;
  }
  render(<SourceViewer dataset={dataset} sourceId={query.source} factId={query.fact} language={language} />, document.body);
}

void main();
