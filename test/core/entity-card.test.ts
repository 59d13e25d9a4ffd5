import { describe, expect, test } from "vitest";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { buildEntityCard } from "../../src/core/entity-card.ts";
import { testDataset, validDataset } from "./test-dataset.ts";

const article = {
  id: "article",
  title: "عنوان",
  publisher: { ar: "وكالات", en: "Agencies" },
  language: "ar",
  eventDate: "2025-04-10",
  bundled: true,
};
const newsday = { id: "newsday", title: "Soviet compound closed", publisher: { ar: "نيوزداي", en: "Newsday" }, language: "en", published: "2016-12-30", url: "https://www.newsday.com/" };

/** The test dataset with a cited-only source, a group claimant, an intermediary and notes. */
function richDataset() {
  const d = testDataset();
  d.sources.push(newsday);
  d.entities[0]!.background = [
    { text: { ar: "سفير.", en: "Ambassador." }, asOf: "2025-04", sources: [{ fact: "darchiev-said" }, { source: "newsday" }] },
    { text: { ar: "قال.", en: "Said." }, sources: [{ source: "article", quote: "قال دارشيف" }] },
  ];
  d.entities[0]!.note = { text: { ar: "ملاحظة.", en: "A note." }, sources: [{ source: "newsday" }] };
  Object.assign(d.facts![0]!, {
    claimants: ["darchiev", { group: { ar: "دبلوماسيون روس", en: "Russian diplomats" }, members: ["moscow"] }],
    via: "tass",
    note: { text: { ar: "ملاحظة الحقيقة.", en: "A fact's note." }, sources: [{ fact: "darchiev-said" }] },
    attributionNote: { ar: "سبب.", en: "Why." },
  });
  return validDataset(d);
}

describe("buildEntityCard", () => {
  test("gathers an entity's facts with their attribution and source", () => {
    const card = buildEntityCard(datasetSchema.parse(testDataset()), "darchiev")!;
    expect(card.entity).toEqual({ id: "darchiev", type: "person", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" } });
    expect(card.facts).toEqual([
      {
        id: "darchiev-said",
        text: { ar: "قال دارشيف.", en: "Darchiev said." },
        quote: "قال دارشيف",
        attribution: {
          kind: "reported",
          claimants: [{ entity: "darchiev", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" } }],
          via: null,
          publisher: { ar: "وكالات", en: "Agencies" },
        },
        source: article,
      },
    ]);
    expect(card.dataset).toEqual({ id: "test", name: { ar: "اختبار", en: "Test" }, version: "1.0.0" });
  });

  test("resolves groups, the intermediary, notes and the attribution note", () => {
    const fact = buildEntityCard(richDataset(), "darchiev")!.facts[0]!;
    expect(fact.attribution.claimants).toEqual([
      { entity: "darchiev", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" } },
      { group: { ar: "دبلوماسيون روس", en: "Russian diplomats" } },
    ]);
    expect(fact.attribution.via).toEqual({ entity: "tass", name: { ar: "وكالة تاس", en: "TASS" } });
    expect(fact.note?.text.en).toBe("A fact's note.");
    expect(fact.note?.sources).toEqual([{ fact: "darchiev-said", attribution: fact.attribution, source: article }]);
    expect(fact.attributionNote).toEqual({ ar: "سبب.", en: "Why." });
  });

  test("background statements carry resolved sources; a cited-only source is marked not bundled", () => {
    const card = buildEntityCard(richDataset(), "darchiev")!;
    expect(card.background).toEqual([
      {
        text: { ar: "سفير.", en: "Ambassador." },
        asOf: "2025-04",
        sources: [
          { fact: "darchiev-said", attribution: expect.objectContaining({ kind: "reported" }), source: article },
          { source: { ...newsday, bundled: false } },
        ],
      },
      { text: { ar: "قال.", en: "Said." }, sources: [{ source: article, quote: "قال دارشيف" }] },
    ]);
    expect(card.note).toEqual({ text: { ar: "ملاحظة.", en: "A note." }, sources: [{ source: { ...newsday, bundled: false } }] });
  });

  test("a format-1 summary becomes one statement with no sources", () => {
    const card = buildEntityCard(
      validDataset({
        id: "old",
        name: { ar: "قديم", en: "Old" },
        version: "1.0.0",
        sources: [{ id: "a", title: "t", publisher: { ar: "و", en: "A" }, language: "ar", eventDate: "2025-04-10", text: "نص" }],
        entities: [{ id: "x", type: "place", name: { ar: "س", en: "X" }, summary: { ar: "ملخص.", en: "Summary." } }],
        facts: [{ id: "f", about: ["x"], text: { ar: "ح.", en: "F." }, source: "a", quote: "نص" }],
      }),
      "x",
    )!;
    expect(card.background).toEqual([{ text: { ar: "ملخص.", en: "Summary." }, sources: [] }]);
    expect(card.facts[0]!.attribution).toEqual({ kind: "reporting", claimants: [], via: null, publisher: { ar: "و", en: "A" } });
  });

  test("an unknown entity has no card", () => {
    expect(buildEntityCard(datasetSchema.parse(testDataset()), "nobody")).toBeNull();
  });

  test("a dangling claimant throws instead of passing as the source's own reporting", () => {
    const input = testDataset();
    input.facts![0]!.claimants = ["ghost"];
    expect(() => buildEntityCard(datasetSchema.parse(input), "darchiev")).toThrow(/unknown claimant "ghost"/);
  });
});
