import { describe, expect, test } from "vitest";
import type { CardAttribution, CardParty } from "../../src/core/entity-card.ts";
import { attributionLine } from "../../src/ui/card/attribution-line.ts";
import { formatPartialDate } from "../../src/ui/card/card-strings.ts";

const darchiev: CardParty = { entity: "alexander-darchiev", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" } };
const moscow: CardParty = { entity: "moscow", name: { ar: "موسكو", en: "Moscow" } };
const washington: CardParty = { entity: "washington", name: { ar: "واشنطن", en: "Washington" } };
const ankara: CardParty = { entity: "ankara", name: { ar: "أنقرة", en: "Ankara" } };
const diplomats: CardParty = { group: { ar: "دبلوماسيون أميركيون", en: "US diplomats" } };
const tass: CardParty = { entity: "tass", name: { ar: "وكالة تاس", en: "TASS" } };
const agencies = { ar: "وكالات", en: "Agencies" };

const line = (kind: CardAttribution["kind"], claimants: CardParty[], via: CardParty | null = null): CardAttribution => ({ kind, claimants, via, publisher: agencies });

describe("attributionLine", () => {
  test.each<[string, CardAttribution, string, string]>([
    ["reported speech", line("reported", [darchiev]), "According to Alexander Darchiev", "منسوب إلى: ألكسندر دارشيف"],
    ["reported speech through an agency", line("reported", [darchiev], tass), "According to Alexander Darchiev, as reported by TASS", "منسوب إلى: ألكسندر دارشيف، نقلاً عن وكالة تاس"],
    ["two claimants", line("reported", [moscow, washington]), "According to Moscow and Washington", "منسوب إلى: موسكو وواشنطن"],
    ["three claimants", line("reported", [moscow, washington, ankara]), "According to Moscow, Washington and Ankara", "منسوب إلى: موسكو وواشنطن وأنقرة"],
    ["a described group, by its own label", line("reported", [diplomats]), "According to US diplomats", "منسوب إلى: دبلوماسيون أميركيون"],
    ["a direct quotation", line("quote", [darchiev]), "In the words of Alexander Darchiev", "اقتباس مباشر من: ألكسندر دارشيف"],
    ["the outlet's own reporting", line("reporting", []), "Reported by Agencies", "من تقرير وكالات"],
    ["the outlet's own reporting through an agency", line("reporting", [], tass), "Reported by Agencies, citing TASS", "من تقرير وكالات، نقلاً عن وكالة تاس"],
    ["the outlet's own assessment", line("assessment", []), "The source's own assessment (Agencies)", "تقدير المصدر نفسه (وكالات)"],
  ])("%s", (_case, attribution, en, ar) => {
    expect(attributionLine(attribution, "en")).toBe(en);
    expect(attributionLine(attribution, "ar")).toBe(ar);
  });
});

describe("formatPartialDate", () => {
  test.each([
    ["2025", "2025", "2025"],
    ["2025-04", "April 2025", "أبريل/نيسان 2025"],
    ["2025-04-10", "10 April 2025", "10 أبريل/نيسان 2025"],
  ])("%s", (date, en, ar) => {
    expect(formatPartialDate(date, "en")).toBe(en);
    expect(formatPartialDate(date, "ar")).toBe(ar);
  });
});
