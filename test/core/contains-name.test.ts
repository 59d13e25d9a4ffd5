/** Whether a longer phrase contains one of our names as a whole word, by the matcher's rules. */
import { expect, test } from "vitest";
import { containsName } from "../../src/core/contains-name.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";

const names = ["America", "New York", "أمريكا", "الولايات المتحدة"];
const keys = names.map((name) => normalizeString(name));

test.each<[string, string, string | undefined]>([
  ["a Latin name at the end", "Latin America", "america"],
  ["a Latin name at the start", "America First", "america"],
  ["the phrase is the name", "America", "america"],
  ["case and accents folded", "LATIN AMÉRICA", "america"],
  ["a two-word name", "The New York Times", "new york"],
  ["a name only inside a longer word", "The Americas", undefined],
  ["a name only at the end of a longer word", "Panamerica", undefined],
  ["a name followed by a digit", "America2 fund", undefined],
  ["a second occurrence that is a whole word", "Americas and America", "america"],
  ["a name followed by punctuation", "Voice of America.", "america"],
  ["an Arabic name", "أمريكا اللاتينية", "امريكا"],
  ["an Arabic name after a proclitic", "صوت وأمريكا", "امريكا"],
  ["an Arabic name after the article and a preposition", "بالأمريكا الجديدة", "امريكا"],
  ["an Arabic name with the article, after a proclitic", "معهد بالولايات المتحدة", "الولايات المتحده"],
  ["an Arabic name after letters that are no proclitic", "تأمريكا", undefined],
  ["a Latin name after an Arabic proclitic", "وAmerica", undefined],
  ["none of the names", "Le Monde", undefined],
])("%s: %s", (_case, phrase, expected) => {
  expect(containsName(phrase, keys)).toBe(expected);
});

test("gives the first key, in the order of the keys, that the phrase contains", () => {
  expect(containsName("New York and America", ["america", "new york"])).toBe("america");
  expect(containsName("New York and America", ["new york", "america"])).toBe("new york");
});

test("an empty key is contained in nothing", () => {
  expect(containsName("Hello.", ["", "x"])).toBeUndefined();
  expect(containsName("", [""])).toBeUndefined();
});
