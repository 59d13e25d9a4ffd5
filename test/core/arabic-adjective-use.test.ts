/**
 * The nisba rule on its own: an Arabic country name spelled like its adjective, read as the
 * adjective from the word before it. Texts are normalised as the matcher normalises them; the
 * name is the last word.
 */
import { describe, expect, test } from "vitest";
import { isNisbaSpelling, readsAsAdjective } from "../../src/core/arabic-adjective-use.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";

/** Whether `name` after `before` (both as written; `before` may end in a proclitic) reads as the adjective. */
function adjective(before: string, name: string): boolean {
  const head = before === "" ? "" : normalizeString(before) + (/\s$/.test(before) ? " " : "");
  const key = normalizeString(name);
  return readsAsAdjective(key, Uint16Array.from(head + key, (c) => c.charCodeAt(0)), head.length);
}

describe("readsAsAdjective", () => {
  test.each<[string, string, string, boolean]>([
    ["Saudi after a definite noun", "القنصلية ", "السعودية", true],
    ["Saudi after a definite noun two words in", "وكالة الأنباء ", "السعودية", true],
    ["Saudi after a preposition that looks definite once normalised", "إلى ", "السعودية", false],
    ["Saudi after a relative pronoun", "التي ", "السعودية", false],
    ["Saudi after the first word of the short name", "العربية ", "السعودية", false],
    ["Saudi after an indefinite noun", "زيارة ", "السعودية", false],
    ["Saudi after an indefinite noun whose second letter is lam", "علم ", "السعودية", false],
    ["Saudi glued to a definite noun, no space between", "القنصلية", "السعودية", false],
    ["Saudi at the start of the text", "", "السعودية", false],
    ["Saudi after a proclitic", "السلطات و", "السعودية", false],
    ["Saudi after a definite word in Latin letters and Arabic", "الx ", "السعودية", false],
    ["a definite word of 24 letters is still read", `ال${"ب".repeat(22)} `, "السعودية", true],
    ["a definite word of 25 letters is beyond the rule", `ال${"ب".repeat(23)} `, "السعودية", false],
    ["Russia after an indefinite accusative noun", "طرد 23 دبلوماسيا ", "روسيا", true],
    ["Russia after a noun with tanween written", "دبلوماسياً ", "روسيا", true],
    ["Ukraine the same way", "هجوما ", "أوكرانيا", true],
    ["Russia after a three-letter accusative noun", "أخا ", "روسيا", true],
    ["Russia after a two-letter word", "يا ", "روسيا", false],
    ["Russia after an adverb", "أيضا ", "روسيا", false],
    ["Russia after a particle", "كما ", "روسيا", false],
    ["Russia after a word with the pronoun ها", "فيها ", "روسيا", false],
    ["Russia after a word with the pronoun نا", "لدينا ", "روسيا", false],
    ["Russia after a plural verb", "اتهموا ", "روسيا", false],
    ["Russia after a word with ها not at its end", "هاجما ", "روسيا", true],
    ["Russia after a definite noun", "العالم ", "روسيا", false],
    ["Russia after a noun that does not end in alef", "زيارة ", "روسيا", false],
    ["Russia after a word in Latin letters ending in alef", "Xxا ", "روسيا", false],
    ["Russia at the start of the text", "", "روسيا", false],
  ])("%s: %s%s → %s", (_case, before, name, expected) => {
    expect(adjective(before, name)).toBe(expected);
  });
});

describe("isNisbaSpelling", () => {
  test.each<[string, boolean]>([
    ["السعودية", true],
    ["الروسية", true],
    ["روسيا", true],
    ["أوكرانيا", true],
    ["السعودي", false],
    ["الهند", false],
    ["سورية", false],
    ["الروسيا", false],
    ["موسكو", false],
    ["xروسيا", false],
    ["شرق أوكرانيا", false],
    ["Russia", false],
  ])("%s → %s", (name, expected) => {
    expect(isNisbaSpelling(normalizeString(name))).toBe(expected);
  });
});
