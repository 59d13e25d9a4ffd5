import { describe, expect, test } from "vitest";
import { CodeUnitForms, codeUnitForms, DROPPED, EXPANDS } from "../../src/core/code-unit-forms.ts";

// Each test reads a fresh table: the shared one memoises, so a rule a test reads from it may
// have been decided by an earlier test.

describe("CodeUnitForms.lookup on a fresh table", () => {
  test.each([
    ["the byte-order mark vanishes, though JavaScript counts it as white space", 0xfeff, DROPPED],
    ["the soft hyphen vanishes", 0x00ad, DROPPED],
    ["tatweel with fathatan ﹱ vanishes like tatweel and its vowel", 0xfe71, DROPPED],
    ["tatweel with kasra and shadda ﳴ vanishes", 0xfcf4, DROPPED],
    ["the acute accent ´ is an apostrophe, not the space NFKD makes of it", 0x00b4, 0x27],
    ["capital A folds to a single unit a", 0x41, 0x61],
    ["the ligature ﻻ expands", 0xfefb, EXPANDS],
  ])("%s", (_name, unit, form) => {
    expect(new CodeUnitForms(true).lookup(unit)).toBe(form);
  });

  test("an expansion keeps the spaces inside it (ﷺ)", () => {
    const table = new CodeUnitForms(true);
    expect(table.lookup(0xfdfa)).toBe(EXPANDS);
    expect(table.expansion(0xfdfa)).toBe("صلي الله عليه وسلم");
  });
});

describe("codeUnitForms", () => {
  test("hands out one shared table per folding choice", () => {
    expect(codeUnitForms(true)).toBeInstanceOf(CodeUnitForms);
    expect(codeUnitForms(true)).toBe(codeUnitForms(true));
    expect(codeUnitForms(false)).toBe(codeUnitForms(false));
    expect(codeUnitForms(false)).not.toBe(codeUnitForms(true));
  });
});
