import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema, type Dataset, type DatasetInput } from "../../src/core/dataset-schema.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { matcherTableSchema, type EntityRef, type MatcherTable } from "../../src/core/matcher-table.ts";
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
  // Tables written by hand, so the expected merge does not come from the code under test.
  const ref = (id: string, dataset: string): EntityRef => ({ id, type: "place", name: { ar: id, en: id }, dataset });
  const a: MatcherTable = {
    format: 1,
    entities: [ref("alpha", "a"), ref("beta", "a")],
    patterns: [["alpha", 0, 0], ["beta", 1, 0], ["shared", 1, 0]],
  };
  const b: MatcherTable = {
    format: 1,
    entities: [ref("gamma", "b")],
    patterns: [["gamma", 0, 2], ["shared", 0, 0], ["us", 0, 1, "US"]],
  };
  const c: MatcherTable = { format: 1, entities: [ref("delta", "c"), ref("epsilon", "c")], patterns: [["epsilon", 1, 0], ["us", 0, 0]] };

  test.each<[string, MatcherTable[], MatcherTable]>([
    [
      "a then b: b's rows move past a's two entities; a keeps the contested row",
      [a, b],
      {
        format: 1,
        entities: [ref("alpha", "a"), ref("beta", "a"), ref("gamma", "b")],
        patterns: [["alpha", 0, 0], ["beta", 1, 0], ["shared", 1, 0], ["gamma", 2, 2], ["us", 2, 1, "US"]],
      },
    ],
    [
      "b then a: a's rows move past b's one entity; b keeps the contested row",
      [b, a],
      {
        format: 1,
        entities: [ref("gamma", "b"), ref("alpha", "a"), ref("beta", "a")],
        patterns: [["gamma", 0, 2], ["shared", 0, 0], ["us", 0, 1, "US"], ["alpha", 1, 0], ["beta", 2, 0]],
      },
    ],
    [
      "a, b, c: c's rows move past three entities; the case-sensitive row stays b's",
      [a, b, c],
      {
        format: 1,
        entities: [ref("alpha", "a"), ref("beta", "a"), ref("gamma", "b"), ref("delta", "c"), ref("epsilon", "c")],
        patterns: [["alpha", 0, 0], ["beta", 1, 0], ["shared", 1, 0], ["gamma", 2, 2], ["us", 2, 1, "US"], ["epsilon", 4, 0]],
      },
    ],
  ])("%s", (_case, tables, expected) => {
    expect(mergeMatcherTables(tables)).toEqual(expected);
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

  test("property: for any choice and order of tables, each name goes to the first listed dataset that has it", () => {
    // Which entity each dataset gives a name to, written by hand from the two datasets above.
    const owners: Record<string, Record<string, string>> = {
      Varnhagen: { other: "varnhagen" },
      Rubio: { test: "rubio", other: "rubio-namesake" },
      US: { test: "united-states", other: "rubio-namesake" },
      Moscow: { test: "moscow" },
    };
    const tables = { test: compileMatcherTable([first]), other: compileMatcherTable([otherDataset()]) };
    fc.assert(
      fc.property(fc.shuffledSubarray(["test", "other"] as const, { minLength: 1 }), (order) => {
        const matcher = new Matcher(mergeMatcherTables(order.map((id) => tables[id])));
        for (const [name, byDataset] of Object.entries(owners)) {
          const owner = order.find((id) => byDataset[id] !== undefined);
          const found = matcher.findMentions(name).map((m) => `${matcher.entities[m.entity]!.dataset}/${matcher.entities[m.entity]!.id}`);
          expect(found).toEqual(owner === undefined ? [] : [`${owner}/${byDataset[owner]}`]);
        }
      }),
    );
  });
});
