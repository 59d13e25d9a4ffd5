/** Addresses of the source viewer, relative to the extension's root: built and read here only. */

/** Which source to show, and optionally which fact's quote to mark. */
export type SourceViewerTarget = { dataset: string; source: string; fact?: string; language: "ar" | "en" };

/** The source viewer's path for a source (`source.html?dataset=…&source=…&lang=…`), for `runtime.getURL`. */
export function sourceViewerPath({ dataset, source, fact, language }: SourceViewerTarget): string {
  const query = new URLSearchParams({ dataset, source });
  if (fact !== undefined) query.set("fact", fact);
  query.set("lang", language);
  return `source.html?${query}`;
}

/** What a source viewer address asks for, as written (each part null when absent): the viewer checks it. */
export function readSourceViewerQuery(search: string): { dataset: string | null; source: string | null; fact: string | null; lang: string | null } {
  const params = new URLSearchParams(search);
  return { dataset: params.get("dataset"), source: params.get("source"), fact: params.get("fact"), lang: params.get("lang") };
}
