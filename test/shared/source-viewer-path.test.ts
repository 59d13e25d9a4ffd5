import { describe, expect, test } from "vitest";
import { readSourceViewerQuery, sourceViewerPath } from "../../src/shared/source-viewer-path.ts";

describe("sourceViewerPath", () => {
  test("names the dataset, the source and the language", () => {
    expect(sourceViewerPath({ dataset: "istanbul-talks-2025", source: "istanbul-talks-2025-04-10", language: "ar" })).toBe(
      "source.html?dataset=istanbul-talks-2025&source=istanbul-talks-2025-04-10&lang=ar",
    );
  });

  test("names the fact when there is one", () => {
    expect(sourceViewerPath({ dataset: "d", source: "s", fact: "f", language: "en" })).toBe("source.html?dataset=d&source=s&fact=f&lang=en");
  });

  test("escapes what it is given", () => {
    const path = sourceViewerPath({ dataset: "a&b", source: "c=d", language: "en" });
    const params = new URLSearchParams(path.split("?")[1]);
    expect(params.get("dataset")).toBe("a&b");
    expect(params.get("source")).toBe("c=d");
  });
});

describe("readSourceViewerQuery", () => {
  test.each([
    ["every part", "?dataset=d&source=s&fact=f&lang=ar", { dataset: "d", source: "s", fact: "f", lang: "ar" }],
    ["no fact, no language", "?dataset=d&source=s", { dataset: "d", source: "s", fact: null, lang: null }],
    ["an empty address", "", { dataset: null, source: null, fact: null, lang: null }],
    ["escaped parts, unescaped", "?dataset=a%26b&source=c%3Dd&lang=xx", { dataset: "a&b", source: "c=d", fact: null, lang: "xx" }],
  ])("%s", (_case, search, expected) => {
    expect(readSourceViewerQuery(search)).toEqual(expected);
  });

  test("reads back what sourceViewerPath wrote", () => {
    const path = sourceViewerPath({ dataset: "istanbul-talks-2025", source: "s-1", fact: "f-2", language: "en" });
    expect(readSourceViewerQuery(path.slice(path.indexOf("?")))).toEqual({ dataset: "istanbul-talks-2025", source: "s-1", fact: "f-2", lang: "en" });
  });
});
