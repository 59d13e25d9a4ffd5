/**
 * The acronym guards on their own: an all-caps "US" (or "DC") that its surroundings show is a
 * currency prefix, part of a locale code or the pronoun in a line of capitals. The matcher's
 * tests check the guards in place; these pin their edges.
 */
import { describe, expect, test } from "vitest";
import { isAcronymMisread } from "../../src/core/acronym-guards.ts";
import { bracketed } from "./bracketed.ts";

test.each<[string, string, boolean]>([
  // Currency and amounts after the name.
  ["a dollar sign", "priced at [US]$ 100", true],
  ["a space and a dollar sign", "priced at [US] $100", true],
  ["a no-break space and a dollar sign", "priced at [US]\u00a0$100", true],
  ["a euro sign", "[US]€ 5", true],
  ["a pound sign after a space", "[US] £5", true],
  ["a yen sign", "[US]¥5", true],
  ["a digit right after", "[US]5 plan", true],
  ["an amount after a space", "costs [US] 100 a month", true],
  ["an amount after a no-break space", "costs [US]\u00a0100", true],
  ["a year after it", "the [US] 2024 election", false],
  ["a year of the 1900s", "the [US] 1990 census", false],
  ["a year with a Latin suffix", "the [US] 2020s", false],
  ["a year with an Arabic letter after it", "انتخابات [US] 2024م", false],
  ["a year in capitals is not a longer number", "the [US] 2024 ELECTION", false],
  ["five digits are an amount", "costs [US] 20245 in all", true],
  ["a number that is not of the 1900s or 2000s", "costs [US] 2150", true],
  ["a year at the end of the text", "[US] 2024", false],
  ["two spaces before an amount are not a prefix", "the [US]  100", false],
  ["a word after it", "the [US] said", false],
  ["a letter outside ASCII after it", "the [US]é", false],
  ["the end of the text", "in the [US]", false],
  // Locale and code.
  ["a locale with a hyphen", "lang=en-[US] and", true],
  ["a locale with an underscore", "en_[US]", true],
  ["a three-letter language", "fil-[US]", true],
  ["one lower-case letter is no language", "a-[US] deal", false],
  ["a capital before the hyphen", "EN-[US] deal", false],
  // Pronoun in capitals.
  ["after a verb in capitals", "FOLLOW [US]", true],
  ["after a verb, then more words", "CONTACT [US] TODAY", true],
  ["after a verb and a no-break space", "JOIN\u00a0[US]", true],
  ["after LET'S with a curly apostrophe", "LET’S [US]", true],
  ["after E-MAIL", "E-MAIL [US]", true],
  ["after a verb in lower case it is the name", "follow [US]", false],
  ["a verb not in the list", "SANCTION [US]", false],
  ["after WITH at the end of a short line", "WORK WITH [US]", true],
  ["after TO at the end of a short line", "TALK TO [US]", true],
  ["after FOR ending a line, before the next line", "WRITE FOR [US]\nMore news", true],
  ["after WITH on a short line after another line", "Menu\nWORK WITH [US]", true],
  ["after WITH, before more words", "WORK WITH [US] NOW", false],
  ["after WITH in a long line", "RUSSIA HOLDS TALKS WITH [US]", false],
  ["after WITH with text after on the line", "WORK WITH [US] today\nnext", false],
  ["after a word in capitals that is neither", "TALKS [US]", false],
  ["after a line break", "FOLLOW\n[US]", false],
  ["at the start of the text", "[US] said", false],
  ["after punctuation", "(FOLLOW)[US]", false],
])("%s: %s", (_case, marked, expected) => {
  expect(isAcronymMisread(...bracketed(marked))).toBe(expected);
});

describe("the acronym guards' cheap tests before their regexes", () => {
  test.each<[string, string, boolean]>([
    // An amount after the name, read by its first one or two characters.
    ["a narrow no-break space before an amount", "costs [US]\u202f100", true],
    ["a thin space before a dollar sign", "costs [US]\u2009$5", true],
    ["an amount starting with 0", "costs [US] 0.99", true],
    ["an amount starting with 9", "costs [US] 950", true],
    ["a yen sign, then a space", "[US]¥ 5", true],
    ["a space, then a yen sign", "[US] ¥5", true],
    ["a number on the next line is no amount", "made in the [US]\n100 sold", false],
    // Spaces between the word in capitals and the name.
    ["two spaces after the verb", "FOLLOW  [US]", true],
    ["a no-break space, then a space, after the verb", "FOLLOW\u00a0 [US]", true],
    ["a space, then a no-break space, after the verb", "FOLLOW \u00a0[US]", true],
    ["a dash before the spaces, no word", "NEWS - [US]", false],
    ["a verb in straight quotes is a quotation", "'JOIN' [US]", false],
    ["a verb in curly quotes is a quotation", "‘JOIN’ [US]", false],
    // The end of a short line after WITH, TO or FOR.
    ["spaces after the name at the end of the line", "WORK WITH [US]  \nMore news", true],
    ["one character after the name at the end of the text", "TALKS WITH [US]?", false],
    ["an indented short line", "Menu\n   TALK TO [US]", true],
    ["two spaces between the words of a short line", "WORK  WITH [US]", true],
  ])("%s: %s", (_case, marked, expected) => {
    expect(isAcronymMisread(...bracketed(marked))).toBe(expected);
  });
});
