/** A small dataset for matcher and validation tests, with the traps the matching rules cover. */
import type { DatasetInput } from "../../src/core/dataset-schema.ts";

const summary = { ar: "ملخص.", en: "Summary." };

/** Builds a fresh copy, so a test can break it without affecting others. */
export function testDataset(): DatasetInput {
  return {
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
      { id: "darchiev", type: "person", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" }, aliases: ["دارشيف", "Darchiev", "Darchiyev"], summary },
      { id: "united-states", type: "place", name: { ar: "الولايات المتحدة", en: "United States" }, aliases: [{ text: "US", caseSensitive: true }, "U.S.", "أمريكا"], summary },
      { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, aliases: [], summary },
      { id: "washington", type: "place", name: { ar: "واشنطن", en: "Washington" }, aliases: [], summary },
      { id: "tass", type: "organization", name: { ar: "وكالة تاس", en: "TASS" }, aliases: ["تاس"], summary },
      { id: "rubio", type: "person", name: { ar: "ماركو روبيو", en: "Marco Rubio" }, aliases: ["Rubio", "روبيو"], summary },
      { id: "embassy", type: "organization", name: { ar: "السفارة الأميركية في موسكو", en: "US Embassy in Moscow" }, aliases: [], summary },
      { id: "pioneer-point", type: "property", name: { ar: "بايونير بوينت", en: "Pioneer Point" }, aliases: [], summary },
      { id: "turkiye", type: "place", name: { ar: "تركيا", en: "Türkiye" }, aliases: ["Turkey"], summary },
    ],
    facts: [
      { id: "darchiev-said", about: ["darchiev"], text: { ar: "قال دارشيف.", en: "Darchiev said." }, source: "article", quote: "قال دارشيف", claimant: "darchiev" },
    ],
  };
}
