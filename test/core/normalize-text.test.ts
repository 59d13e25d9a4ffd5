import { describe, expect, test, vi } from "vitest";
import { normalizeString, TextNormalizer } from "../../src/core/normalize-text.ts";

describe("normalizeString: one row per rule", () => {
  test.each([
    ["folds Latin case", "DARCHIEV", "darchiev"],
    ["drops Latin diacritics (Türkiye = Turkiye)", "Türkiye", "turkiye"],
    ["folds dotted capital I", "İstanbul", "istanbul"],
    ["folds Cyrillic case", "Москва", "москва"],
    ["drops Cyrillic diaeresis (ё = е)", "Королёв", "королев"],
    ["drops Arabic short vowels and sukun", "دَارْشِيفُ", "دارشيف"],
    ["drops shadda and tanween", "محمّدٌ", "محمد"],
    ["drops superscript alef", "هٰذا", "هذا"],
    ["drops tatweel", "دارشـــيف", "دارشيف"],
    ["unifies alef with hamza above", "أمريكا", "امريكا"],
    ["unifies alef with hamza below", "إسطنبول", "اسطنبول"],
    ["unifies alef with madda", "آيلاند", "ايلاند"],
    ["unifies alef wasla", "ٱلقدس", "القدس"],
    ["unifies alef maqsura with yeh", "فى", "في"],
    ["unifies taa marbuta with heh", "السعودية", "السعوديه"],
    ["unifies hamza on waw", "مؤتمر", "موتمر"],
    ["unifies hamza on yeh", "هيئة", "هييه"],
    ["unifies Persian yeh", "روسیا", "روسيا"],
    ["unifies Persian keheh", "موسکو", "موسكو"],
    ["unifies veh with feh", "ڤلاديمير", "فلاديمير"],
    ["unifies gaf with kaf", "گوگل", "كوكل"],
    ["decomposes lam-alef presentation form", "ﻻ", "لا"],
    ["maps Arabic-Indic digits", "١٨ فبراير", "18 فبراير"],
    ["maps Persian digits", "۲۰۲۵", "2025"],
    ["drops soft hyphen", "Kil\u00adlen\u00adworth", "killenworth"],
    ["drops zero-width joiner and non-joiner", "دار\u200dشي\u200cف", "دارشيف"],
    ["drops bidi marks and isolates", "\u200fدارشيف\u2067x\u2069", "دارشيفx"],
    ["drops byte-order mark", "\ufeffTASS", "tass"],
    ["collapses a run of white space", "Pioneer \n\t  Point", "pioneer point"],
    ["treats NBSP as a space", "Long\u00a0Island", "long island"],
    ["treats thin and ideographic spaces as spaces", "Long\u2009\u3000Island", "long island"],
    ["unifies typographic apostrophes", "Rubio’s Rubio‘s Rubioʼs", "rubio's rubio's rubio's"],
    ["unifies Unicode hyphens", "Russia‐Ukraine", "russia-ukraine"],
    ["decomposes fullwidth letters", "ＴＡＳＳ", "tass"],
  ])("%s", (_rule, input, expected) => {
    expect(normalizeString(input)).toBe(expected);
  });

  test("keeps case when asked to", () => {
    expect(normalizeString("US", { foldCase: false })).toBe("US");
    expect(normalizeString("us", { foldCase: false })).toBe("us");
  });
});

describe("TextNormalizer offset map", () => {
  test("maps each output unit to the code point that produced it", () => {
    const input = "أَ  ب";
    const n = new TextNormalizer().normalize(input);
    expect(String.fromCharCode(...n.units.subarray(0, n.length))).toBe("ا ب");
    expect([...n.starts.subarray(0, n.length)]).toEqual([0, 2, 4]);
    expect([...n.ends.subarray(0, n.length)]).toEqual([1, 3, 5]);
  });

  test("maps both units of an expansion to the one original character", () => {
    const n = new TextNormalizer().normalize("xﻻy");
    expect(n.length).toBe(4);
    expect([...n.starts.subarray(0, 4)]).toEqual([0, 1, 1, 2]);
    expect([...n.ends.subarray(0, 4)]).toEqual([1, 2, 2, 3]);
  });

  test("keeps surrogate pairs whole", () => {
    const n = new TextNormalizer().normalize("a😀b");
    expect(n.length).toBe(4);
    expect([...n.starts.subarray(0, 4)]).toEqual([0, 1, 1, 3]);
    expect([...n.ends.subarray(0, 4)]).toEqual([1, 3, 3, 4]);
  });

  test("drops an astral combining mark, and keeps an astral letter whole", () => {
    const n = new TextNormalizer().normalize("a\u{1D167}b\u{1109A}");
    expect(String.fromCharCode(...n.units.subarray(0, n.length))).toBe("ab\u{11099}");
    expect([...n.starts.subarray(0, n.length)]).toEqual([0, 3, 4, 4]);
  });

  test("reuses its buffers across calls without mixing results", () => {
    const normalizer = new TextNormalizer();
    normalizer.normalize("x".repeat(10_000));
    const short = normalizer.normalize("AB");
    expect(short.length).toBe(2);
    expect(String.fromCharCode(...short.units.subarray(0, 2))).toBe("ab");
  });
});

/** The units of a result as a string, its starts and its ends. */
function mapOf(input: string, normalizer = new TextNormalizer()): [string, number[], number[]] {
  const n = normalizer.normalize(input);
  return [
    String.fromCharCode(...n.units.subarray(0, n.length)),
    [...n.starts.subarray(0, n.length)],
    [...n.ends.subarray(0, n.length)],
  ];
}

describe("TextNormalizer: surrogates", () => {
  test.each([
    ["the first astral code point U+10000 (high surrogate D800)", "a\u{10000}b", "a\u{10000}b", [0, 1, 1, 3]],
    ["the last code point U+10FFFF (surrogates DBFF DFFF)", "a\u{10FFFF}b", "a\u{10FFFF}b", [0, 1, 1, 3]],
  ])("keeps a pair whole at the edge of the ranges: %s", (_name, input, units, starts) => {
    expect(mapOf(input).slice(0, 2)).toEqual([units, starts]);
  });

  test.each([
    ["a lone low surrogate after a letter", "a\uDC00b"],
    ["two low surrogates", "\uDC00\uDC01"],
    ["a high surrogate before a letter", "\uD83Da"],
    ["a high surrogate before a private-use character", "\uD83D\uE000"],
    ["a high surrogate at the very end", "a\uD800"],
  ])("keeps each unit of a broken pair on its own: %s", (_name, input) => {
    const starts = Array.from({ length: input.length }, (_, i) => i);
    expect(mapOf(input)).toEqual([input, starts, starts.map((s) => s + 1)]);
  });
});

describe("TextNormalizer: white space and odd units", () => {
  test("leading white space vanishes from the offset map, not only from normalizeString", () => {
    expect(mapOf("  a")).toEqual(["a", [2], [3]]);
  });

  test("a space after an expanded character is kept", () => {
    expect(mapOf("a ﻻ b")).toEqual(["a لا b", [0, 1, 2, 2, 3, 4], [1, 2, 3, 3, 4, 5]]);
    expect(mapOf("ﻻ x")[0]).toBe("لا x");
  });

  test("a NUL is kept as a unit of its own, not dropped", () => {
    expect(mapOf("a\0b")).toEqual(["a\0b", [0, 1, 2], [1, 2, 3]]);
  });
});

describe("TextNormalizer: texts longer than its buffers", () => {
  test("a fresh normaliser keeps every unit of a long text", () => {
    const input = "ab".repeat(600);
    const [units, starts] = mapOf(input);
    expect(units).toBe(input);
    expect(starts.at(-1)).toBe(1199);
  });

  test("a fresh normaliser keeps every unit of a text whose expansions outgrow the buffer", () => {
    const blessing = "صلي الله عليه وسلم";
    const [units, starts, ends] = mapOf(`${"ﷺ".repeat(30)} x`);
    expect(units).toBe(`${blessing.repeat(30)} x`);
    expect(starts.at(-3)).toBe(29);
    expect(ends.slice(-2)).toEqual([31, 32]);
  });
});

describe("normalizeString in a freshly loaded module", () => {
  test("works from the first call, folded and exact", async () => {
    vi.resetModules();
    const fresh = await import("../../src/core/normalize-text.ts");
    expect(fresh.normalizeString(" Türkiye ")).toBe("turkiye");
    expect(fresh.normalizeString(" Türkiye ", { foldCase: false })).toBe("Turkiye");
  });
});
