import { describe, expect, test } from "vitest";
import { sourceViewerPath } from "../../src/shared/source-viewer-path.ts";

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
