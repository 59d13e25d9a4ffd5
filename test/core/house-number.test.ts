/**
 * The house-number rule on its own: a name after a preposition of place and a house number, ending
 * its phrase, is a street address. The matcher's tests check the rule in place; these pin the
 * cheap tests in front of its regex.
 */
import { expect, test } from "vitest";
import { isAfterHouseNumber } from "../../src/core/house-number.ts";
import { bracketed } from "./bracketed.ts";

test.each<[string, string, boolean]>([
  ["a number ending in 0", "The basement at 80 [New York].", true],
  ["a number ending in 9", "The shop at 129 [Moscow].", true],
  ["a no-break space before the name", "The basement at 80\u00a0[New York].", true],
  ["a capital A after the number", "The basement at 80A [New York].", true],
  ["a capital Z after the number", "The basement at 80Z [New York].", true],
  ["a small a after the number", "The basement at 80a [New York].", true],
  ["a small z after the number", "The basement at 80z [New York].", true],
  ["a letter after the number, a name with a space at its third character", "The shop at 80A [St Louis].", true],
  ["a number with no preposition of place", "See page 80 [New York].", false],
  ["a year after the preposition", "It opened on 1970 [New York].", false],
])("%s: %s", (_case, marked, expected) => {
  expect(isAfterHouseNumber(...bracketed(marked))).toBe(expected);
});
