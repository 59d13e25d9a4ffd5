import { beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { quoteParagraphs, type Paragraph, type QuoteParagraphs } from "../../src/ui/source-viewer/quote-paragraphs.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

let bundled: Dataset;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  bundled = result.dataset;
});

/** A one-source dataset whose text is `text` and whose one fact quotes `quote`. */
function datasetWith(text: string, quote: string, claimant?: string): Dataset {
  return {
    format: 2,
    id: "test",
    name: { ar: "اختبار", en: "Test" },
    version: "1.0.0",
    sources: [
      { id: "article", title: "عنوان", publisher: { ar: "وكالات", en: "Agencies" }, language: "ar", eventDate: "2025-04-10", text },
      { id: "other", title: "آخر", publisher: { ar: "وكالات", en: "Agencies" }, language: "ar", eventDate: "2025-04-10", text: "نص آخر" },
    ],
    entities: [
      { id: "darchiev", type: "person", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" }, aliases: [], exclusions: [], background: [], related: [] },
    ],
    facts: [
      { id: "fact", about: ["darchiev"], text: { ar: "حقيقة.", en: "A fact." }, source: "article", quote, ...(claimant === undefined ? { kind: "reporting", claimants: [] } : { kind: "reported", claimants: [claimant] }) },
      { id: "elsewhere", about: ["darchiev"], text: { ar: "حقيقة.", en: "A fact." }, source: "other", quote: "نص", kind: "reporting", claimants: [] },
    ],
    disputes: [],
  };
}

function shown(result: QuoteParagraphs) {
  if (result.kind !== "source") throw new Error(`expected a source, got ${result.kind}`);
  return result;
}

/** Paragraphs written with the quote in [brackets], to read expectations at a glance. */
function bracketed(paragraphs: Paragraph[]): string[] {
  return paragraphs.map((p) => p.segments.map((s) => (s.isQuote ? `[${s.text}]` : s.text)).join(""));
}

describe("quoteParagraphs", () => {
  test.each([
    ["marks the quote inside its paragraph", "أول.\n\nقال دارشيف إن المحادثات بناءة.\n\nآخر.", "المحادثات بناءة", ["أول.", "قال دارشيف إن [المحادثات بناءة].", "آخر."]],
    ["marks a quote that is a whole paragraph", "أول.\nثان.", "ثان.", ["أول.", "[ثان.]"]],
    ["marks only the first occurrence", "بناءة\nبناءة", "بناءة", ["[بناءة]", "بناءة"]],
    ["splits on single newlines as on blank lines", "a\nb\n\n\nc", "b", ["a", "[b]", "c"]],
    ["drops blank and white-space-only lines", "\n  \na\n\t\n", "a", ["[a]"]],
    ["accepts Windows line ends", "a\r\nb\r\n", "b", ["a", "[b]"]],
    ["marks each paragraph's part of a quote that crosses a line break", "one two\nthree four", "two\nthree", ["one [two]", "[three] four"]],
    ["marks across a blank line too", "one two\n\nthree four", "two\n\nthree", ["one [two]", "[three] four"]],
  ])("%s", (_case, text, quote, expected) => {
    const result = shown(quoteParagraphs(datasetWith(text, quote), "article", "fact"));
    expect(bracketed(result.paragraphs)).toEqual(expected);
    expect(result.factProblem).toBeNull();
  });

  test("keeps each paragraph's offset in the text, so it can key the paragraph", () => {
    const text = "أول.\n\nثان.";
    const result = shown(quoteParagraphs(datasetWith(text, "ثان."), "article", "fact"));
    for (const paragraph of result.paragraphs) {
      const joined = paragraph.segments.map((s) => s.text).join("");
      expect(text.slice(paragraph.start, paragraph.start + joined.length)).toBe(joined);
    }
  });

  test("gives the fact with its claimant's name", () => {
    const result = shown(quoteParagraphs(datasetWith("a b", "b", "darchiev"), "article", "fact"));
    expect(result.fact?.fact.id).toBe("fact");
    expect(result.fact?.attribution).toEqual({
      kind: "reported",
      claimants: [{ entity: "darchiev", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" } }],
      via: null,
      publisher: { ar: "وكالات", en: "Agencies" },
    });
  });

  test("gives no claimant for the source's own reporting", () => {
    const result = shown(quoteParagraphs(datasetWith("a b", "b"), "article", "fact"));
    expect(result.fact?.attribution).toEqual(expect.objectContaining({ kind: "reporting", claimants: [] }));
  });

  test("shows a cited-only source with no paragraphs", () => {
    const dataset = datasetWith("a b", "b");
    dataset.sources.push({ id: "cited", title: "Cited", publisher: { ar: "نيوزداي", en: "Newsday" }, language: "en" });
    const result = shown(quoteParagraphs(dataset, "cited", null));
    expect(result.paragraphs).toEqual([]);
    expect(result.factProblem).toBeNull();
  });

  test("shows the source without marks when no fact is asked for", () => {
    const result = shown(quoteParagraphs(datasetWith("a\nb", "b"), "article", null));
    expect(result.fact).toBeNull();
    expect(result.factProblem).toBeNull();
    expect(bracketed(result.paragraphs)).toEqual(["a", "b"]);
  });

  test("finds the source from the fact when only the fact is given", () => {
    const result = shown(quoteParagraphs(datasetWith("a\nb", "b"), null, "fact"));
    expect(result.source.id).toBe("article");
    expect(bracketed(result.paragraphs)).toEqual(["a", "[b]"]);
  });

  test.each([
    ["an unknown source id", "nowhere", "fact", "nowhere"],
    ["no source and an unknown fact", null, "nothing", null],
    ["no ids at all", null, null, null],
  ])("reports %s as an unknown source", (_case, sourceId, factId, reported) => {
    expect(quoteParagraphs(datasetWith("a", "a"), sourceId, factId)).toEqual({ kind: "unknown-source", sourceId: reported });
  });

  test.each([
    ["an unknown fact", "nothing", "unknown-fact"],
    ["a fact from another source", "elsewhere", "fact-from-other-source"],
  ] as const)("shows the source unmarked for %s", (_case, factId, problem) => {
    const result = shown(quoteParagraphs(datasetWith("a\nb", "b"), "article", factId));
    expect(result.factProblem).toBe(problem);
    expect(result.fact).toBeNull();
    expect(bracketed(result.paragraphs)).toEqual(["a", "b"]);
  });

  test("reports a quote that is not in the text (an unvalidated dataset) and marks nothing", () => {
    const result = shown(quoteParagraphs(datasetWith("a\nb", "zzz"), "article", "fact"));
    expect(result.factProblem).toBe("quote-not-found");
    expect(result.fact?.fact.id).toBe("fact");
    expect(bracketed(result.paragraphs)).toEqual(["a", "b"]);
  });

  test("marks every bundled fact's quote exactly, in one paragraph", () => {
    for (const fact of bundled.facts) {
      const result = shown(quoteParagraphs(bundled, fact.source, fact.id));
      const marks = result.paragraphs.flatMap((p) => p.segments.filter((s) => s.isQuote));
      expect(marks.map((s) => s.text), `fact "${fact.id}"`).toEqual([fact.quote]);
    }
  });
});
