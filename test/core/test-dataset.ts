/** A small dataset for matcher and validation tests, with the traps the matching rules cover. */
import type { Dataset, DatasetInput } from "../../src/core/dataset-schema.ts";
import { validateDataset } from "../../src/core/validate-dataset.ts";

/** A dataset file's content validated (format 1 migrated), or an error naming every problem. */
export function validDataset(input: unknown): Dataset {
  const result = validateDataset(input);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  return result.dataset;
}

/** One background statement, resting on the dataset's one fact. */
const background = () => [{ text: { ar: "ملخص.", en: "Summary." }, sources: [{ fact: "darchiev-said" }] }];

/** Builds a fresh copy, so a test can break it without affecting others. */
export function testDataset(): DatasetInput {
  return {
    format: 2,
    id: "test",
    name: { ar: "اختبار", en: "Test" },
    version: "1.0.0",
    sources: [
      {
        id: "article",
        title: "عنوان",
        publisher: { ar: "وكالات", en: "Agencies" },
        language: "ar",
        eventDate: "2025-04-10",
        text: "قال دارشيف إن المحادثات “بناءة”.",
      },
    ],
    entities: [
      { id: "darchiev", type: "person", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" }, aliases: ["دارشيف", "Darchiev", "Darchiyev"], background: background() },
      { id: "united-states", type: "place", name: { ar: "الولايات المتحدة", en: "United States" }, aliases: [{ text: "US", caseSensitive: true }, "U.S.", "أمريكا"], background: background() },
      { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, aliases: [], background: background() },
      { id: "washington", type: "place", name: { ar: "واشنطن", en: "Washington" }, aliases: [], background: background() },
      { id: "tass", type: "organization", name: { ar: "وكالة تاس", en: "TASS" }, aliases: ["تاس"], background: background() },
      { id: "rubio", type: "person", name: { ar: "ماركو روبيو", en: "Marco Rubio" }, aliases: ["Rubio", "روبيو"], background: background() },
      { id: "embassy", type: "organization", name: { ar: "السفارة الأميركية في موسكو", en: "US Embassy in Moscow" }, aliases: [], background: background() },
      { id: "pioneer-point", type: "property", name: { ar: "بايونير بوينت", en: "Pioneer Point" }, aliases: [], background: background() },
      { id: "turkiye", type: "place", name: { ar: "تركيا", en: "Türkiye" }, aliases: ["Turkey"], background: background() },
    ],
    facts: [
      { id: "darchiev-said", about: ["darchiev"], text: { ar: "قال دارشيف.", en: "Darchiev said." }, source: "article", quote: "قال دارشيف", kind: "reported", claimants: ["darchiev"] },
    ],
  };
}
