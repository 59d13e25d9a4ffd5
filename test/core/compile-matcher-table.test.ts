/** Compiling a dataset into the matcher's table, checked against a table written by hand. */
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema, type DatasetInput } from "../../src/core/dataset-schema.ts";
import { testDataset } from "./test-dataset.ts";


function dataset(id: string, entities: DatasetInput["entities"]) {
  return datasetSchema.parse({ ...testDataset(), id, entities, facts: [] });
}

const small = dataset("d", [
  { id: "us", type: "place", name: { ar: "الولايات المتحدة", en: "United States" }, aliases: [{ text: "US", caseSensitive: true }, "U.S.", "أمريكا"] },
  { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, aliases: ["MOSCOW", "\u00ad", "الب"] },
]);

describe("compileMatcherTable", () => {
  test("every name and alias, normalised once, with its flags; repeats and empty aliases left out", () => {
    expect(compileMatcherTable([small])).toEqual({
      format: 1,
      entities: [
        { id: "us", type: "place", name: { ar: "الولايات المتحدة", en: "United States" }, dataset: "d" },
        { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, dataset: "d" },
      ],
      patterns: [
        // Arabic start (2); taa marbuta folded to heh.
        ["الولايات المتحده", 0, 2],
        // The article's alef elided after the preposition ل: from the lam, only after a lam (2 | 4).
        ["لولايات المتحده", 0, 6],
        ["united states", 0, 0],
        // Case-sensitive (1), with the case-preserved form to compare against.
        ["us", 0, 1, "US"],
        ["u.s.", 0, 0],
        ["امريكا", 0, 2],
        ["موسكو", 1, 2],
        ["moscow", 1, 0],
        // "MOSCOW" is "moscow" again, the soft hyphen alone is nothing; «الب» is too short for an elided form.
        ["الب", 1, 2],
      ],
    });
  });

  test("no datasets, no table rows", () => {
    expect(compileMatcherTable([])).toEqual({ format: 1, entities: [], patterns: [] });
  });

  test("two datasets: the second's entities follow the first's, and a name both claim stays the first's", () => {
    const other = dataset("e", [{ id: "moskva", type: "place", name: { ar: "موسكفا", en: "Moskva" }, aliases: ["Moscow"] }]);
    const table = compileMatcherTable([small, other]);
    expect(table.entities.map((e) => `${e.dataset}/${e.id}`)).toEqual(["d/us", "d/moscow", "e/moskva"]);
    expect(table.patterns.filter(([, entity]) => entity === 2)).toEqual([
      ["موسكفا", 2, 2],
      ["moskva", 2, 0],
    ]);
    expect(table.patterns.filter(([text]) => text === "moscow")).toEqual([["moscow", 1, 0]]);
  });

  test("names not ours, from the lexicon and from exclusions: case-insensitive rows flagged notOurs (8), never taking a name", () => {
    const withExclusion = dataset("d", [
      { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, aliases: [{ text: "MSK", caseSensitive: true }], exclusions: ["Moscow Times", "MSK"] },
    ]);
    expect(compileMatcherTable([withExclusion], ["The Moscow Times", "Moscow", "جامعة موسكو", "The Moscow Times"]).patterns).toEqual([
      ["موسكو", 0, 2],
      ["moscow", 0, 0],
      ["msk", 0, 1, "MSK"],
      // The exclusion "MSK" is the alias again: the alias keeps it.
      ["moscow times", 0, 8],
      // The lexicon's rows come last, at entity 0, which is not read; "Moscow" is ours and the repeat is dropped.
      ["the moscow times", 0, 8],
      ["جامعه موسكو", 0, 10],
    ]);
  });
});


describe("compileMatcherTable: an alias written as an object", () => {
  test("is case-insensitive unless it says caseSensitive: true", () => {
    const withObjects = dataset("d", [
      { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, aliases: [{ text: "Msk" }, { text: "MOW", caseSensitive: false }] },
    ]);
    expect(compileMatcherTable([withObjects]).patterns.filter(([text]) => text === "msk" || text === "mow")).toEqual([
      ["msk", 0, 0],
      ["mow", 0, 0],
    ]);
  });
});
