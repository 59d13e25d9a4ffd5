/** Addresses of the source viewer, relative to the extension's root. */
import type { CardLanguage } from "../ui/card/card-strings.ts";

/** Which source to show, and optionally which fact's quote to mark. */
export type SourceViewerTarget = { dataset: string; source: string; fact?: string; language: CardLanguage };

/** The source viewer's path for a source (`source.html?dataset=…&source=…&lang=…`), for `runtime.getURL`. */
export function sourceViewerPath({ dataset, source, fact, language }: SourceViewerTarget): string {
  const query = new URLSearchParams({ dataset, source });
  if (fact !== undefined) query.set("fact", fact);
  query.set("lang", language);
  return `source.html?${query}`;
}
