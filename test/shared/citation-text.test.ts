/** "Copy citation": the text of each claim, held word for word to the bundled dataset. */
import { beforeAll, describe, expect, test } from "vitest";
import type { Dataset } from "../../src/core/dataset-schema.ts";
import { cardFact } from "../../src/core/entity-card.ts";
import { citationText } from "../../src/shared/citation-text.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";
import { testDataset, validDataset } from "../core/test-dataset.ts";

let dataset: Dataset;
beforeAll(async () => {
  const result = await readDatasetFile(BUNDLED_DATASET);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.path}: ${p.message}`).join("\n"));
  dataset = result.dataset;
});

const TITLE = "محادثات “بناءة” بين روسيا وأمريكا فى إسطنبول لتطبيع عمل البعثات";
const TITLE_EN = "“Constructive” talks between Russia and America in Istanbul to normalise the work of the missions";

describe("citationText on the bundled dataset", () => {
  // Expected texts written by hand from the dataset file: names, quotes, publisher, title, date.
  test.each<[string, "ar" | "en", string, string]>([
    [
      "darchiev-progress-normalising-missions",
      "en",
      "According to Alexander Darchiev, as reported by TASS: “قال السفير الروسي لدى الولايات المتحدة ألكسندر دارشيف اليوم إنه تم تحقيق تقدم في تطبيع العلاقات بين البعثات الدبلوماسية للبلدين خلال المحادثات بين موسكو وواشنطن في إسطنبول”", `Agencies, “${TITLE}” [“${TITLE_EN}”], 10 April 2025.`,
    ],
    [
      "darchiev-progress-normalising-missions",
      "ar",
      "منسوب إلى: ألكسندر دارشيف، نقلاً عن تاس: «قال السفير الروسي لدى الولايات المتحدة ألكسندر دارشيف اليوم إنه تم تحقيق تقدم في تطبيع العلاقات بين البعثات الدبلوماسية للبلدين خلال المحادثات بين موسكو وواشنطن في إسطنبول»", `وكالات، «${TITLE}»، 10 أبريل/نيسان 2025.`,
    ],
    [
      "bruce-talks-only-about-embassies",
      "en",
      "In the words of Tammy Bruce: “هذه المحادثات تتعلق فقط بعمل سفاراتنا، وليست تطبيعًا عامًا للعلاقات الثنائية”", `Agencies, “${TITLE}” [“${TITLE_EN}”], 10 April 2025.`,
    ],
    [
      "bruce-talks-only-about-embassies",
      "ar",
      "اقتباس مباشر من: تامي بروس: «هذه المحادثات تتعلق فقط بعمل سفاراتنا، وليست تطبيعًا عامًا للعلاقات الثنائية»", `وكالات، «${TITLE}»، 10 أبريل/نيسان 2025.`,
    ],
    [
      "us-diplomats-movement-restricted-in-russia",
      "en",
      "According to US diplomats: “قال دبلوماسيون أميركيون إن حريتهم في التنقل في روسيا مقيدة”", `Agencies, “${TITLE}” [“${TITLE_EN}”], 10 April 2025.`,
    ],
    [
      "killenworth-on-long-island",
      "ar",
      "من تقرير وكالات: «عقار كيلينورث في لونغ آيلاند»", `وكالات، «${TITLE}»، 10 أبريل/نيسان 2025.`,
    ],
    ["killenworth-on-long-island", "en", "Reported by Agencies: “عقار كيلينورث في لونغ آيلاند”", `Agencies, “${TITLE}” [“${TITLE_EN}”], 10 April 2025.`],
  ])("%s in %s", (id, language, claim, source) => {
    const fact = dataset.facts.find((f) => f.id === id)!;
    expect(citationText(cardFact(dataset, fact), language)).toBe(`${claim}\n${source}`);
  });
});

describe("citationText on a source with an address and a publication date", () => {
  test.each<["ar" | "en", string]>([
    ["en", "According to Alexander Darchiev: “قال دارشيف”\nAgencies, “عنوان”, 11 April 2025.\nhttps://example.org/article"],
    ["ar", "منسوب إلى: ألكسندر دارشيف: «قال دارشيف»\nوكالات، «عنوان»، 11 أبريل/نيسان 2025.\nhttps://example.org/article"],
  ])("in %s, the address on its own line and the publication day over the event's", (language, expected) => {
    const input = testDataset();
    Object.assign(input.sources[0]!, { url: "https://example.org/article", published: "2025-04-11" });
    const small = validDataset(input);
    expect(citationText(cardFact(small, small.facts[0]!), language)).toBe(expected);
  });
});
