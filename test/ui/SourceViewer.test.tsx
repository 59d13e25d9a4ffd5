// @vitest-environment happy-dom
import axe from "axe-core";
import { cleanup, render, within } from "@testing-library/preact";
import { afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { SourceViewer, type SourceViewerProps } from "../../src/ui/source-viewer/SourceViewer.tsx";
import { viewerLanguage } from "../../src/ui/source-viewer/source-strings.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

const SOURCE_ID = "istanbul-talks-2025-04-10";

let dataset: Dataset;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  dataset = result.dataset;
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderViewer(props: Partial<SourceViewerProps> = {}) {
  const scrolled = vi.spyOn(HTMLElement.prototype, "scrollIntoView");
  const { container } = render(<SourceViewer dataset={dataset} sourceId={SOURCE_ID} factId={null} language="en" {...props} />);
  const main = within(container as HTMLElement).getByRole<HTMLElement>("main");
  return { main, scrolled };
}

function fact(id: string) {
  const found = dataset.facts.find((f) => f.id === id);
  if (found === undefined) throw new Error(`no fact "${id}" in the bundled dataset`);
  return found;
}

/** The metadata as "label: value" lines. */
function metadata(main: HTMLElement): string[] {
  return [...main.querySelectorAll(".metadata > div")].map(
    (row) => `${row.querySelector("dt")?.textContent}: ${row.querySelector("dd")?.textContent}`,
  );
}

describe("SourceViewer with a fact", () => {
  const factId = "darchiev-priority-return-seized-property";

  test("marks the fact's quote verbatim, once, and scrolls it to the middle of the view", () => {
    const { main, scrolled } = renderViewer({ factId });
    const marks = main.querySelectorAll("mark");
    expect(marks).toHaveLength(1);
    const mark = main.querySelector("mark#quote");
    expect(mark?.textContent).toBe(fact(factId).quote);
    expect(scrolled).toHaveBeenCalledOnce();
    expect(scrolled.mock.contexts[0]).toBe(mark);
    expect(scrolled).toHaveBeenCalledWith({ block: "center" });
  });

  test("shows the whole text, one paragraph per line, right to left", () => {
    const { main } = renderViewer({ factId });
    const source = dataset.sources[0]!;
    const lines = source.text!.split("\n").filter((line) => line.trim() !== "");
    const paragraphs = [...main.querySelectorAll<HTMLElement>(".source-text > p")];
    expect(paragraphs.map((p) => p.textContent)).toEqual(lines);
    expect(main.querySelector<HTMLElement>(".source-text")?.lang).toBe("ar");
    expect(paragraphs.every((p) => p.dir === "rtl")).toBe(true);
  });

  test("heads the page with the source's title and lists its metadata", () => {
    const { main } = renderViewer({ factId });
    const h1 = main.querySelector("h1");
    expect(h1?.textContent).toBe(dataset.sources[0]!.title);
    expect(h1?.lang).toBe("ar");
    expect(metadata(main)).toEqual([
      `Translated title: ${dataset.sources[0]!.titleTranslated}`,
      "Publisher: Agencies",
      "Language: Arabic",
      "Event date: 10 April 2025",
      "Dataset: Russia–US talks in Istanbul, 2025, version 2.1.0",
    ]);
    expect(document.title).toBe(`${dataset.sources[0]!.title} — source viewer`);
  });

  test("shows the fact being checked below the text, with its claimant", () => {
    const { main } = renderViewer({ factId });
    const section = main.querySelector(".fact");
    expect(section?.querySelector("h2")?.textContent).toBe("The fact being checked");
    expect(section?.querySelector(".fact-text")?.textContent).toBe(fact(factId).text.en);
    // A direct quotation, so the line says whose words they are.
    expect(section?.querySelector(".claimant")?.textContent).toBe("In the words of Alexander Darchiev");
    expect(section?.querySelector("a")?.getAttribute("href")).toBe("#quote");
    // Below the text: the article precedes the fact in document order.
    const article = main.querySelector(".source-text")!;
    expect(article.compareDocumentPosition(section!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test("says when a fact is the source's own reporting", () => {
    const { main } = renderViewer({ factId: "tass-reported-darchiev" });
    expect(main.querySelector(".fact .claimant")?.textContent).toBe("Reported by Agencies");
    expect(main.querySelector("mark#quote")?.textContent).toBe(fact("tass-reported-darchiev").quote);
  });

  test("speaks Arabic when asked", () => {
    const { main } = renderViewer({ factId, language: "ar" });
    expect(metadata(main)).toContain("الناشر: وكالات");
    expect(metadata(main)).toContain("تاريخ الحدث: 10 أبريل/نيسان 2025");
    expect(metadata(main)).toContain("اللغة: العربية");
    expect(main.querySelector(".fact .fact-text")?.textContent).toBe(fact(factId).text.ar);
    expect(main.querySelector(".fact .claimant")?.textContent).toBe("اقتباس مباشر من: ألكسندر دارشيف");
  });

  test("shows a fact's editor's note beside the quote, with its sources", () => {
    const id = "coulter-described-deputy-foreign-minister";
    const { main } = renderViewer({ factId: id });
    const note = main.querySelector<HTMLElement>(".fact .editor-note")!;
    expect(note.querySelector(".note-label")?.textContent).toBe("Editor's note");
    expect(note.querySelector(".note-text")?.textContent).toBe(fact(id).note!.text.en);
    expect(note.querySelectorAll(".citation")).toHaveLength(fact(id).note!.sources.length);
  });

  test("a cited-only source shows its metadata and says its text is not bundled", () => {
    const { main } = renderViewer({ sourceId: "newsday-2016-12-30" });
    expect(main.querySelector(".source-text")?.textContent).toBe("");
    expect(main.querySelector(".notice")?.textContent).toBe("This source's text is not part of the dataset: it is cited, never quoted.");
    expect(metadata(main)).toContain("Publisher: Newsday");
  });

  test("finds the source from the fact alone", () => {
    const { main } = renderViewer({ sourceId: null, factId });
    expect(main.querySelector("mark#quote")?.textContent).toBe(fact(factId).quote);
  });

  test("has no axe violations (WCAG 2 A/AA, without colour contrast)", async () => {
    document.documentElement.lang = "en";
    renderViewer({ factId });
    const results = await axe.run(document.body, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] },
      rules: { "color-contrast": { enabled: false } },
    });
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
});

describe("SourceViewer with ids it cannot resolve", () => {
  test("says the source is unknown, naming the id", () => {
    const { main, scrolled } = renderViewer({ sourceId: "no-such-source", factId: "no-such-fact" });
    expect(main.querySelector("h1")?.textContent).toBe("Source not found");
    expect(main.querySelector('[role="alert"]')?.textContent).toContain("“no-such-source”");
    expect(main.querySelector("mark")).toBeNull();
    expect(scrolled).not.toHaveBeenCalled();
  });

  test("says no source was given when the address names none", () => {
    const { main } = renderViewer({ sourceId: null, factId: null, language: "ar" });
    expect(main.querySelector("h1")?.textContent).toBe("المصدر غير موجود");
    expect(main.querySelector('[role="alert"]')?.textContent).toBe("لم يُحدَّد أي مصدر في رابط هذه الصفحة.");
  });

  test("shows a known source unmarked when the fact is unknown, and says so", () => {
    const { main, scrolled } = renderViewer({ factId: "no-such-fact" });
    expect(main.querySelector("h1")?.textContent).toBe(dataset.sources[0]!.title);
    expect(main.querySelector('[role="alert"]')?.textContent).toContain("“no-such-fact”");
    expect(main.querySelector("mark")).toBeNull();
    expect(main.querySelector(".fact")).toBeNull();
    expect(scrolled).not.toHaveBeenCalled();
  });
});

describe("SourceViewer and hostile data", () => {
  test("renders markup in the source as text and links only web addresses", () => {
    const payload = "<img src=x onerror=alert(1)>";
    const hostile: Dataset = {
      ...dataset,
      sources: [{ ...dataset.sources[0]!, title: payload, text: `${payload}\n\nقال ${payload}`, url: "javascript:alert(1)" }],
      facts: [{ ...fact("tass-reported-darchiev"), quote: payload }],
    };
    const { main } = renderViewer({ dataset: hostile, factId: "tass-reported-darchiev" });
    expect(main.querySelector("h1")?.textContent).toBe(payload);
    expect(main.querySelector("mark#quote")?.textContent).toBe(payload);
    expect(document.querySelector("img")).toBeNull();
    expect(main.querySelector(".url")?.textContent).toBe("javascript:alert(1)");
    expect(main.querySelector(".url a")).toBeNull();
  });

  test("links a web address, opening it apart from the extension page", () => {
    const withUrl: Dataset = { ...dataset, sources: [{ ...dataset.sources[0]!, url: "https://example.com/article" }] };
    const { main } = renderViewer({ dataset: withUrl });
    const link = main.querySelector<HTMLAnchorElement>(".url a");
    expect(link?.getAttribute("href")).toBe("https://example.com/article");
    expect(link?.rel).toBe("noreferrer noopener");
  });
});

describe("viewerLanguage", () => {
  test.each([
    ["the lang parameter, Arabic", "ar", "en-US", "ar"],
    ["the lang parameter, English", "en", "ar-EG", "en"],
    ["an Arabic browser without a parameter", null, "ar-EG", "ar"],
    ["an Arabic browser with an unknown parameter", "fr", "ar", "ar"],
    ["any other browser", null, "fr-FR", "en"],
    ["no browser language at all", null, undefined, "en"],
  ] as const)("follows %s", (_case, param, navigatorLanguage, expected) => {
    expect(viewerLanguage(param, navigatorLanguage)).toBe(expected);
  });
});
