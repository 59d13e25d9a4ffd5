import { describe, expect, test } from "vitest";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { buildEntityCard } from "../../src/core/entity-card.ts";
import { testDataset } from "./test-dataset.ts";

describe("buildEntityCard", () => {
  test("gathers an entity's facts with their claimant and source", () => {
    const card = buildEntityCard(datasetSchema.parse(testDataset()), "darchiev")!;
    expect(card.entity.name.en).toBe("Alexander Darchiev");
    expect(card.facts).toEqual([
      expect.objectContaining({
        id: "darchiev-said",
        quote: "قال دارشيف",
        claimant: { id: "darchiev", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" } },
        source: expect.objectContaining({ id: "article", publisher: { ar: "وكالات", en: "Agencies" }, eventDate: "2025-04-10" }),
      }),
    ]);
    expect(card.dataset).toEqual({ id: "test", name: { ar: "اختبار", en: "Test" }, version: "1.0.0" });
  });

  test("a fact without a claimant is the source's own reporting", () => {
    const input = testDataset();
    delete input.facts![0]!.claimant;
    expect(buildEntityCard(datasetSchema.parse(input), "darchiev")!.facts[0]!.claimant).toBeNull();
  });

  test("an unknown entity has no card", () => {
    expect(buildEntityCard(datasetSchema.parse(testDataset()), "nobody")).toBeNull();
  });

  test("a dangling claimant throws instead of passing as the source's own reporting", () => {
    const input = testDataset();
    input.facts![0]!.claimant = "ghost";
    expect(() => buildEntityCard(datasetSchema.parse(input), "darchiev")).toThrow(/unknown claimant "ghost"/);
  });
});
