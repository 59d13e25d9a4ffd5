/** Which places the city-magazine rule applies to: those whose magazine bears the bare name. */
import { expect, test } from "vitest";
import { isCityMagazineName } from "../../src/core/city-magazine.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";

test.each<[string, boolean]>([
  ["New York", true],
  ["Los Angeles", true],
  ["Seattle", true],
  ["Moscow", false],
  ["New York City", false],
])("%s: %s", (name, expected) => {
  expect(isCityMagazineName(normalizeString(name))).toBe(expected);
});
