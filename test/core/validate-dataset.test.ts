import { describe, expect, test } from "vitest";
import type { DatasetInput } from "../../src/core/dataset-schema.ts";
import { validateDataset, type DatasetProblem } from "../../src/core/validate-dataset.ts";
import { testDataset } from "./test-dataset.ts";

function problemsOf(change: (d: DatasetInput) => void): DatasetProblem[] {
  const dataset = testDataset();
  change(dataset);
  const result = validateDataset(dataset);
  return result.ok ? [] : result.problems;
}

describe("validateDataset", () => {
  test("accepts a valid dataset", () => {
    expect(validateDataset(testDataset()).ok).toBe(true);
  });

  test.each<[string, (d: DatasetInput) => void, Partial<DatasetProblem>]>([
    ["a missing field", (d) => void delete (d.entities[0] as Partial<DatasetInput["entities"][0]>).summary, { path: "$.entities[0].summary", code: "schema" }],
    ["a wrong type", (d) => void ((d.entities[1] as { type: string }).type = "planet"), { path: "$.entities[1].type", code: "schema" }],
    ["an unknown field", (d) => void ((d.facts![0] as Record<string, unknown>).certainty = 1), { path: "$.facts[0]", code: "schema" }],
    ["an id that is not a slug", (d) => void (d.entities[2]!.id = "Moscow City"), { path: "$.entities[2].id", code: "schema" }],
    ["a duplicate entity id", (d) => void (d.entities[3]!.id = "moscow"), { path: "$.entities[3].id", code: "duplicate-id" }],
    ["a duplicate fact id", (d) => void d.facts!.push({ ...d.facts![0]! }), { path: "$.facts[1].id", code: "duplicate-id" }],
    ["a duplicate source id", (d) => void d.sources.push({ ...d.sources[0]! }), { path: "$.sources[1].id", code: "duplicate-id" }],
    ["an unknown claimant", (d) => void (d.facts![0]!.claimant = "lavrov"), { path: "$.facts[0].claimant", code: "unknown-entity" }],
    ["an unknown entity in about", (d) => void d.facts![0]!.about.push("nobody"), { path: "$.facts[0].about[1]", code: "unknown-entity" }],
    ["an unknown related entity", (d) => void (d.entities[0]!.related = ["moscow", "ghost"]), { path: "$.entities[0].related[1]", code: "unknown-entity" }],
    ["an entity related to itself", (d) => void (d.entities[0]!.related = ["darchiev"]), { path: "$.entities[0].related[0]", code: "related-to-itself" }],
    ["an unknown source", (d) => void (d.facts![0]!.source = "elsewhere"), { path: "$.facts[0].source", code: "unknown-source" }],
    ["a quote not verbatim in its source", (d) => void (d.facts![0]!.quote = "قال دارشيف إن المحادثات بناءة"), { path: "$.facts[0].quote", code: "quote-not-in-source" }],
    ["an alias claimed by two entities", (d) => void d.entities[2]!.aliases!.push("واشنطن"), { path: "$.entities[3].name.ar", code: "alias-ambiguous" }],
    ["an alias that differs only in normalisation", (d) => void d.entities[2]!.aliases!.push("وَاشِنْطُن"), { path: "$.entities[3].name.ar", code: "alias-ambiguous" }],
    ["an alias that normalises to nothing", (d) => void d.entities[2]!.aliases!.push("\u0640\u064e\u200d"), { path: "$.entities[2].aliases[0]", code: "alias-empty" }],
    ["an exclusion that contains none of the entity's names", (d) => void (d.entities[3]!.exclusions = ["George Washington", "Moscow Times"]), { path: "$.entities[3].exclusions[1]", code: "exclusion-without-name" }],
    ["an exclusion with another entity's name only", (d) => void (d.entities[2]!.exclusions = ["Washington Post"]), { path: "$.entities[2].exclusions[0]", code: "exclusion-without-name" }],
    ["an exclusion that is only a longer word", (d) => void (d.entities[2]!.exclusions = ["Moscowitz"]), { path: "$.entities[2].exclusions[0]", code: "exclusion-without-name" }],
    ["an exclusion that is a name of an entity", (d) => void (d.entities[2]!.exclusions = ["Moscow Times", "Rubio"]), { path: "$.entities[2].exclusions[1]", code: "exclusion-is-a-name" }],
    ["an exclusion that is empty", (d) => void (d.entities[2]!.exclusions = [""]), { path: "$.entities[2].exclusions[0]", code: "schema" }],
  ])("names the JSON path of %s", (_case, change, expected) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
  });

  test("accepts exclusions that contain one of the entity's names, Arabic ones with a proclitic", () => {
    const dataset = testDataset();
    dataset.entities[3]!.exclusions = ["George Washington", "جامعة وواشنطن"];
    expect(validateDataset(dataset).ok).toBe(true);
  });

  test("reports every problem, not just the first", () => {
    const problems = problemsOf((d) => {
      d.facts![0]!.claimant = "lavrov";
      d.facts![0]!.quote = "not in the text";
      d.entities[3]!.id = "moscow";
    });
    expect(problems.map((p) => p.code).sort()).toEqual(["duplicate-id", "quote-not-in-source", "unknown-entity"]);
  });

  test("names the dataset root for something that is not a dataset", () => {
    const result = validateDataset([1, 2, 3]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe("$");
  });
});
