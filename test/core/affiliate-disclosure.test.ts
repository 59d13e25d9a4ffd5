/**
 * The affiliate-disclosure rule on its own: the name that "earns" a commission is the publisher.
 * The matcher's tests check the rule in place; these pin the cheap tests in front of its regexes.
 */
import { expect, test } from "vitest";
import { isCommissionEarner } from "../../src/core/affiliate-disclosure.ts";
import { bracketed } from "./bracketed.ts";

test.each<[string, string, boolean]>([
  ["after earn", "Things you buy through our links may earn [New York] a commission.", true],
  ["after earns", "Buying through our links earns [New York] a commission.", true],
  ["after earn and a no-break space", "may earn\u00a0[New York] a commission.", true],
  ["after earns at the start of the text", "earns [New York] a commission.", true],
  ["after earn at the start of the text", "earn [Chicago] an affiliate commission.", true],
  ["after earn and two spaces", "may earn  [New York] a commission.", true],
  ["after earns, a space and a no-break space", "earns \u00a0[New York] a commission.", true],
  ["glued to earn", "may earn[New York] a commission.", false],
  ["after another word ending in n", "Visitors return [New York] a commission.", false],
  ["without a commission after it", "may earn [New York] a reputation.", false],
])("%s: %s", (_case, marked, expected) => {
  expect(isCommissionEarner(...bracketed(marked))).toBe(expected);
});
