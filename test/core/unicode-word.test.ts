/** Word characters for whole-word matching, one row per kind of character. */
import { describe, expect, test, vi } from "vitest";
import { isCombiningUnit, isWordUnit } from "../../src/core/unicode-word.ts";

describe("isWordUnit", () => {
  test.each<[string, number, boolean]>([
    ["a Latin letter", 0x61, true],
    ["a capital", 0x5a, true],
    ["an accented letter", 0xe9, true],
    ["an Arabic letter", 0x0645, true],
    ["a Cyrillic letter", 0x0436, true],
    ["an ASCII digit", 0x37, true],
    ["an Arabic-Indic digit", 0x0663, true],
    ["a combining mark (fatha)", 0x064e, true],
    ["a space", 0x20, false],
    ["a no-break space", 0xa0, false],
    ["a full stop", 0x2e, false],
    ["a hyphen", 0x2d, false],
    ["an Arabic comma", 0x060c, false],
    ["a high surrogate", 0xd800, false],
    ["a low surrogate", 0xdfff, false],
    ["the last unit below the surrogates", 0xd7a3, true],
    ["the first unit above the surrogates", 0xe000, false],
  ])("%s", (_case, unit, expected) => {
    // Twice: the second answer comes from the memo.
    expect([isWordUnit(unit), isWordUnit(unit)]).toEqual([expected, expected]);
  });
});

describe("isCombiningUnit", () => {
  test.each<[string, number, boolean]>([
    ["a fatha", 0x064e, true],
    ["a combining acute accent", 0x0301, true],
    ["an Arabic letter", 0x0645, false],
    ["a Latin letter", 0x61, false],
    ["a space", 0x20, false],
  ])("%s", (_case, unit, expected) => {
    expect(isCombiningUnit(unit)).toBe(expected);
  });
});

describe("isWordUnit on units no call has looked at yet", () => {
  // A fresh copy of the module for each row, so its memo is empty and the answer is worked out,
  // even when another test file has asked about the same unit in the same worker.
  test.each<[string, number, boolean]>([
    ["a full-width capital A, above the surrogates", 0xff21, true],
    ["a full-width digit, above the surrogates", 0xff10, true],
    ["an Arabic presentation form, above the surrogates", 0xfe8d, true],
    ["a high surrogate", 0xd800, false],
    ["a low surrogate", 0xdfff, false],
  ])("%s", async (_case, unit, expected) => {
    vi.resetModules();
    const fresh = await import("../../src/core/unicode-word.ts");
    expect(fresh.isWordUnit(unit)).toBe(expected);
  });
});
