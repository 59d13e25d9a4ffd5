/**
 * Source viewer entry (`source.html?source=<id>&fact=<id>&lang=<ar|en>`): reads the URL, sets the
 * document's language and direction, and renders the viewer over the bundled dataset.
 */
import { render } from "preact";
import dataset from "virtual:bundled-dataset";
import { directionOf } from "../card/card-strings.ts";
import { SourceViewer } from "./SourceViewer.tsx";
import { viewerLanguage } from "./source-strings.ts";

const params = new URLSearchParams(location.search);
const language = viewerLanguage(params.get("lang"), navigator.language);
document.documentElement.lang = language;
document.documentElement.dir = directionOf(language);

render(
  <SourceViewer dataset={dataset} sourceId={params.get("source")} factId={params.get("fact")} language={language} />,
  document.body,
);
