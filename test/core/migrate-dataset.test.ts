/** Format 1 of the dataset format: how a file is recognised, migrated, and its problems' paths mapped back. */
import { describe, expect, test } from "vitest";
import { datasetV1Schema, format1Path, isFormat1, migrateDataset } from "../../src/core/migrate-dataset.ts";

describe("isFormat1", () => {
  test.each<[string, unknown, boolean]>([
    ["an object without format", { id: "x" }, true],
    ["format 1", { format: 1 }, true],
    ["format 2", { format: 2 }, false],
    ["format given but undefined", { format: undefined }, false],
    ["format as a string", { format: "1" }, false],
    ["null", null, false],
    ["an array", [], false],
    ["a string", "dataset", false],
    ["a number", 1, false],
  ])("%s", (_case, input, expected) => {
    expect(isFormat1(input)).toBe(expected);
  });
});

describe("migrateDataset", () => {
  const v1 = () =>
    datasetV1Schema.parse({
      id: "old",
      name: { ar: "قديم", en: "Old" },
      version: "1.2.3",
      description: { ar: "وصف.", en: "About." },
      sources: [{ id: "s", title: "t", publisher: { ar: "و", en: "P" }, language: "ar", eventDate: "2025-04-10", text: "قال س. وحدث ص." }],
      entities: [{ id: "e", type: "person", name: { ar: "س", en: "S" }, aliases: ["Ess"], summary: { ar: "ملخص.", en: "Summary." } }],
      facts: [
        { id: "said", about: ["e"], text: { ar: "ق.", en: "S." }, source: "s", quote: "قال س", claimant: "e" },
        { id: "own", about: ["e"], text: { ar: "ح.", en: "H." }, source: "s", quote: "وحدث ص" },
      ],
    });

  test("carries every field over, a claimant as the one claimant of reported speech and a summary as one unsourced statement", () => {
    expect(migrateDataset(v1())).toEqual({
      format: 2,
      id: "old",
      name: { ar: "قديم", en: "Old" },
      version: "1.2.3",
      description: { ar: "وصف.", en: "About." },
      // Format 1 had no disputes between facts.
      disputes: [],
      sources: [{ id: "s", title: "t", publisher: { ar: "و", en: "P" }, language: "ar", eventDate: "2025-04-10", text: "قال س. وحدث ص." }],
      entities: [
        { id: "e", type: "person", name: { ar: "س", en: "S" }, aliases: ["Ess"], exclusions: [], related: [], background: [{ text: { ar: "ملخص.", en: "Summary." }, sources: [] }] },
      ],
      facts: [
        { id: "said", about: ["e"], text: { ar: "ق.", en: "S." }, source: "s", quote: "قال س", kind: "reported", claimants: ["e"] },
        { id: "own", about: ["e"], text: { ar: "ح.", en: "H." }, source: "s", quote: "وحدث ص", kind: "reporting", claimants: [] },
      ],
    });
  });

  test("a file without a description gets none", () => {
    const { description: _, ...rest } = v1();
    expect(Object.hasOwn(migrateDataset(rest), "description")).toBe(false);
  });
});

describe("format1Path", () => {
  test.each<[PropertyKey[], PropertyKey[]]>([
    [["facts", 3, "claimants", 0], ["facts", 3, "claimant"]],
    [["facts", 3, "claimants"], ["facts", 3, "claimant"]],
    [["facts", 3, "kind"], ["facts", 3, "claimant"]],
    [["entities", 2, "background", 0, "sources"], ["entities", 2, "summary"]],
    [["facts", 3, "quote"], ["facts", 3, "quote"]],
    [["entities", 2, "aliases", 1], ["entities", 2, "aliases", 1]],
    [["sources", 1, "claimants"], ["sources", 1, "claimants"]],
    [["sources", 1, "background"], ["sources", 1, "background"]],
    [["entities", 2, "kind"], ["entities", 2, "kind"]],
    [[], []],
  ])("%j → %j", (path, expected) => {
    expect(format1Path(path)).toEqual(expected);
  });
});
