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

describe("buildEntityCard: what a card leaves out, and what it refuses", () => {
  /** The test dataset with a second fact about another entity, related entities and a translated title. */
  function wider() {
    const d = testDataset();
    d.sources[0]!.titleTranslated = "Title";
    d.sources.push(newsday);
    d.entities[0]!.related = ["moscow", "nobody", "rubio"];
    d.facts!.push({ id: "moscow-fact", about: ["moscow"], text: { ar: "م.", en: "M." }, source: "article", quote: "المحادثات", kind: "reporting", claimants: [] });
    // A quote of a cited-only source: validation refuses it, and the card never passes it on.
    d.entities[0]!.note = { text: { ar: "ن.", en: "N." }, sources: [{ source: "newsday", quote: "Soviet" }, { source: "article", quote: "قال" }] };
    return datasetSchema.parse(d);
  }

  test("only the facts about the entity, the related entities that exist, in order, and the translated title", () => {
    const card = buildEntityCard(wider(), "darchiev")!;
    expect(card.facts.map((f) => f.id)).toEqual(["darchiev-said"]);
    expect(card.related).toEqual([
      { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" } },
      { id: "rubio", type: "person", name: { ar: "ماركو روبيو", en: "Marco Rubio" } },
    ]);
    expect(card.facts[0]!.source).toEqual({ ...article, titleTranslated: "Title" });
    expect(buildEntityCard(wider(), "moscow")!.facts.map((f) => [f.id, f.attribution.kind])).toEqual([["moscow-fact", "reporting"]]);
  });

  test("a quote of a source whose text is not bundled is dropped; one of a bundled source is kept", () => {
    expect(buildEntityCard(wider(), "darchiev")!.note!.sources).toEqual([
      { source: { ...newsday, bundled: false } },
      { source: { ...article, titleTranslated: "Title" }, quote: "قال" },
    ]);
  });

  test("a card with no note, no related entity and no optional source field has none of those keys", () => {
    const card = buildEntityCard(datasetSchema.parse(testDataset()), "moscow")!;
    expect(Object.keys(card).sort()).toEqual(["background", "dataset", "entity", "facts", "related"]);
    expect(card.related).toEqual([]);
    const [statement] = card.background;
    expect(Object.keys(statement!).sort()).toEqual(["sources", "text"]);
    const fact = buildEntityCard(datasetSchema.parse(testDataset()), "darchiev")!.facts[0]!;
    expect(Object.keys(fact).sort()).toEqual(["attribution", "id", "quote", "source", "text"]);
    expect(Object.keys(fact.source).sort()).toEqual(["bundled", "eventDate", "id", "language", "publisher", "title"]);
  });

  test.each<[string, (d: ReturnType<typeof testDataset>) => void, RegExp]>([
    ["a fact's unknown source", (d) => void (d.facts![0]!.source = "lost"), /^fact "darchiev-said" names an unknown source "lost"$/],
    ["an unknown intermediary", (d) => void (d.facts![0]!.via = "ghost"), /^fact "darchiev-said" names an unknown claimant "ghost"$/],
    ["a background statement citing an unknown fact", (d) => void (d.entities[0]!.background = [{ text: { ar: "خ.", en: "B." }, sources: [{ fact: "lost" }] }]), /^entity "darchiev" cites an unknown fact "lost"$/],
    ["a background statement citing an unknown source", (d) => void (d.entities[0]!.background = [{ text: { ar: "خ.", en: "B." }, sources: [{ source: "lost" }] }]), /^entity "darchiev" names an unknown source "lost"$/],
    ["a fact's note citing an unknown source", (d) => void (d.facts![0]!.note = { text: { ar: "ن.", en: "N." }, sources: [{ source: "lost" }] }), /^fact "darchiev-said" names an unknown source "lost"$/],
  ])("%s throws, naming what refers to it", (_case, breakIt, message) => {
    const d = testDataset();
    breakIt(d);
    expect(() => buildEntityCard(datasetSchema.parse(d), "darchiev")).toThrow(message);
  });
});

describe("buildEntityCard: what a citation carries", () => {
  test("a source cited without a quote has no quote key, and a source without an event date no eventDate key", () => {
    const d = testDataset();
    const article = d.sources![0]! as Record<string, unknown>;
    delete article.eventDate;
    d.entities[0]!.background = [{ text: { ar: "ملخص.", en: "Summary." }, sources: [{ source: article.id as string }] }];
    const card = buildEntityCard(validDataset(d), d.entities[0]!.id)!;
    const [cited] = card.background[0]!.sources;
    expect(Object.keys(cited!)).toEqual(["source"]);
    expect(Object.hasOwn((cited as { source: object }).source, "eventDate")).toBe(false);
  });
});
