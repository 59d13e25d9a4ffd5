import { describe, expect, test } from "vitest";
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
