import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema, type Dataset, type DatasetInput } from "../../src/core/dataset-schema.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { matcherTableSchema } from "../../src/core/matcher-table.ts";
import { mergeMatcherTables } from "../../src/core/merge-matcher-tables.ts";
import { testDataset } from "./test-dataset.ts";

const background = [{ text: { ar: "ملخص.", en: "Summary." }, sources: [{ source: "article" }] }];

/** A second dataset: new names, one name the test dataset also has ("Rubio"), and an acronym it has ("US"). */
function otherDataset(): Dataset {
  const input: DatasetInput = {
    ...testDataset(),
    id: "other",
    entities: [
      { id: "varnhagen", type: "person", name: { ar: "فارنهاغن", en: "Ilse Varnhagen" }, aliases: ["Varnhagen"], background },
      { id: "rubio-namesake", type: "person", name: { ar: "روبيو الآخر", en: "Another Rubio" }, aliases: ["Rubio", { text: "US", caseSensitive: true }], background },
    ],
    facts: [],
  };
  return datasetSchema.parse(input);
}

const first = datasetSchema.parse(testDataset());

describe("mergeMatcherTables", () => {
  test("equals compiling the datasets together, in the same order", () => {
    const second = otherDataset();
    expect(mergeMatcherTables([compileMatcherTable([first]), compileMatcherTable([second])])).toEqual(compileMatcherTable([first, second]));
    expect(mergeMatcherTables([compileMatcherTable([second]), compileMatcherTable([first])])).toEqual(compileMatcherTable([second, first]));
  });

  test("offsets the entity indices of each later table", () => {
    const a = compileMatcherTable([first]);
    const b = compileMatcherTable([otherDataset()]);
    const merged = mergeMatcherTables([a, b]);
    expect(merged.entities).toEqual([...a.entities, ...b.entities]);
    const varnhagen = merged.patterns.find(([text]) => text === "varnhagen")!;
    expect(merged.entities[varnhagen[1]]).toMatchObject({ id: "varnhagen", dataset: "other" });
    expect(matcherTableSchema.safeParse(merged).success).toBe(true);
  });

  test("the first table keeps a contested pattern, acronyms included", () => {
    const merged = new Matcher(mergeMatcherTables([compileMatcherTable([first]), compileMatcherTable([otherDataset()])]));
    const found = (text: string) => merged.findMentions(text).map((m) => `${merged.entities[m.entity]!.dataset}/${merged.entities[m.entity]!.id}`);
    expect(found("Rubio met Varnhagen in the US")).toEqual(["test/rubio", "other/varnhagen", "test/united-states"]);
    const reversed = new Matcher(mergeMatcherTables([compileMatcherTable([otherDataset()]), compileMatcherTable([first])]));
    expect(reversed.findMentions("Rubio").map((m) => reversed.entities[m.entity]!.dataset)).toEqual(["other"]);
  });

  test("one table is returned as it is; none gives an empty table", () => {
    const a = compileMatcherTable([first]);
    expect(mergeMatcherTables([a])).toBe(a);
    expect(mergeMatcherTables([])).toEqual({ format: 1, entities: [], patterns: [] });
  });

  test("property: merging tables compiled apart equals compiling together, for any split and order", () => {
    const all = [first, otherDataset()];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 1 }), (datasets) => {
        expect(mergeMatcherTables(datasets.map((d) => compileMatcherTable([d])))).toEqual(compileMatcherTable(datasets));
      }),
    );
  });
});
