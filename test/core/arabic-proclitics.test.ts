/** The Arabic proclitic grammar: which prefixes may precede a name, one row per prefix. */
import { describe, expect, test } from "vitest";
import { isLamPrefix, isProcliticPrefix, startsWithArabic } from "../../src/core/arabic-proclitics.ts";

describe("Arabic proclitics", () => {
  test.each<[string, boolean]>([
    ["", true],
    ["و", true],
    ["ف", true],
    ["ب", true],
    ["ك", true],
    ["ل", true],
    ["ال", true],
    ["وب", true],
    ["فل", true],
    ["بال", true],
    ["وبال", true],
    ["فكال", true],
    ["بو", false],
    ["وف", false],
    ["لب", false],
    ["الو", false],
    ["ت", false],
  ])("%j is a proclitic prefix: %s", (prefix, expected) => {
    expect(isProcliticPrefix(prefix)).toBe(expected);
  });

  test.each<[string, boolean]>([
    ["ل", true],
    ["ول", true],
    ["فل", true],
    ["", false],
    ["ب", false],
    ["وب", false],
    ["لل", false],
  ])("%j may precede an elided article: %s", (prefix, expected) => {
    expect(isLamPrefix(prefix)).toBe(expected);
  });

  test.each<[string, boolean]>([
    ["موسكو", true],
    ["الولايات", true],
    ["Moscow", false],
    ["2موسكو", false],
    ["", false],
  ])("%j starts with an Arabic letter: %s", (alias, expected) => {
    expect(startsWithArabic(alias)).toBe(expected);
  });
});
