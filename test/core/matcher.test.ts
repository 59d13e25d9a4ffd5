import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";
import { testDataset } from "./test-dataset.ts";

const matcher = new Matcher(compileMatcherTable([datasetSchema.parse(testDataset())]));

/** What a reader would see: [entity id, mention text as written]. */
function mentions(text: string): [string, string][] {
  return matcher.findMentions(text).map((m) => [matcher.entities[m.entity]!.id, text.slice(m.start, m.end)]);
}

describe("whole words on Unicode letters", () => {
  test.each([
    ["a Latin name alone", "Rubio spoke", [["rubio", "Rubio"]]],
    ["not inside a longer Latin word", "Rubiola spoke", []],
    ["not at the end of a longer word", "Moscowitz and neoRubio", []],
    ["a possessive with a curly apostrophe", "Rubio’s trip", [["rubio", "Rubio"]]],
    ["beside punctuation", "(Moscow), “Moscow”.", [["moscow", "Moscow"], ["moscow", "Moscow"]]],
    ["Arabic name alone", "قال دارشيف اليوم", [["darchiev", "دارشيف"]]],
    ["not inside a longer Arabic word (تاس in تاسع)", "اليوم التاسع", []],
    ["not followed by an Arabic suffix", "دارشيفها", []],
    ["beside Arabic punctuation", "«موسكو»، وموسكو؛", [["moscow", "موسكو"], ["moscow", "موسكو"]]],
    ["not glued to digits", "2025Moscow Moscow2", []],
    ["mixed scripts beside each other", "Moscowموسكو", []],
  ])("%s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("Arabic proclitics stay outside the mention", () => {
  test.each([
    ["و (and)", "وواشنطن", "washington", "واشنطن"],
    ["ف (so)", "فواشنطن", "washington", "واشنطن"],
    ["ب (in)", "بموسكو", "moscow", "موسكو"],
    ["ك (like)", "كموسكو", "moscow", "موسكو"],
    ["ل (for)", "لموسكو", "moscow", "موسكو"],
    ["وب", "وبموسكو", "moscow", "موسكو"],
    ["ول", "ولموسكو", "moscow", "موسكو"],
    ["فب", "فبموسكو", "moscow", "موسكو"],
    ["و before an alias with the article", "والولايات المتحدة", "united-states", "الولايات المتحدة"],
    ["ب before an alias with the article", "بالولايات المتحدة", "united-states", "الولايات المتحدة"],
    ["ل with the article's alef elided (للولايات)", "للولايات المتحدة", "united-states", "لولايات المتحدة"],
    ["ول with the alef elided", "وللولايات المتحدة", "united-states", "لولايات المتحدة"],
    ["فل with the alef elided", "فللولايات المتحدة", "united-states", "لولايات المتحدة"],
    ["ال before a name without it", "الموسكو", "moscow", "موسكو"],
    ["وال before a name without it", "والموسكو", "moscow", "موسكو"],
  ])("%s: %s → %s %s", (_case, text, entity, mention) => {
    expect(mentions(text)).toEqual([[entity, mention]]);
  });

  test.each([
    ["a letter that is not a proclitic", "تموسكو"],
    ["a proclitic sequence in the wrong order (بو)", "بوموسكو"],
    ["too many letters before the name", "سسسسسسموسكو"],
    ["the elided form without a lam before it", "لولايات المتحدة"],
    ["the elided form after a non-lam proclitic", "بلولايات المتحدة"],
  ])("not after %s", (_case, text) => {
    expect(mentions(text)).toEqual([]);
  });

  test("proclitics do not apply to Latin aliases", () => {
    expect(mentions("وMoscow")).toEqual([]);
  });
});

describe("leftmost-longest", () => {
  test("a full name is one mention, not two", () => {
    expect(mentions("قال ألكسندر دارشيف")).toEqual([["darchiev", "ألكسندر دارشيف"]]);
  });
  test("a longer alias wins over a shorter one it contains", () => {
    expect(mentions("السفارة الأميركية في موسكو")).toEqual([["embassy", "السفارة الأميركية في موسكو"]]);
  });
  test("the shorter alias still matches alone", () => {
    expect(mentions("في موسكو")).toEqual([["moscow", "موسكو"]]);
  });
  test("adjacent mentions do not swallow each other", () => {
    expect(mentions("Moscow Washington")).toEqual([["moscow", "Moscow"], ["washington", "Washington"]]);
  });
});

describe("case-sensitive acronyms", () => {
  test.each([
    ["US in capitals", "the US said", [["united-states", "US"]]],
    ["the pronoun us", "he told us", []],
    ["Us at a sentence start", "Us and them", []],
    ["U.S. with dots", "the U.S. said", [["united-states", "U.S."]]],
    ["u.s. is case-insensitive by default", "the u.s. said", [["united-states", "u.s."]]],
  ])("%s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("normalisation inside the text, offsets in the original", () => {
  test.each([
    ["tashkeel on the name", "قال دَارْشِيفُ اليوم", [["darchiev", "دَارْشِيفُ"]]],
    ["tatweel in the name", "قال دارشـــيف اليوم", [["darchiev", "دارشـــيف"]]],
    ["a zero-width joiner in the name", "قال دارش\u200dيف", [["darchiev", "دارش\u200dيف"]]],
    ["a soft hyphen in a Latin name", "Dar\u00adchiev said", [["darchiev", "Dar\u00adchiev"]]],
    ["NBSP between the words", "ألكسندر\u00a0دارشيف", [["darchiev", "ألكسندر\u00a0دارشيف"]]],
    ["a line break between the words", "Pioneer\n   Point", [["pioneer-point", "Pioneer\n   Point"]]],
    ["accents folded", "Turkiye and Türkiye", [["turkiye", "Turkiye"], ["turkiye", "Türkiye"]]],
    ["Persian letter forms", "في موسکو", [["moscow", "موسکو"]]],
    ["alef maqsura in a variant spelling", "أمريكا", [["united-states", "أمريكا"]]],
  ])("%s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe("properties", () => {
  const names = ["دارشيف", "موسكو", "الولايات المتحدة", "Rubio", "Pioneer Point", "تاس"];
  const noise = fc.constantFrom("\u064e", "\u0651", "\u0640", "\u200c", "\u200d", "\u200f", "\u00ad", " ", "\u00a0", "\n");
  const clitic = fc.constantFrom("", "و", "ب", "ل", "وب", "ف");
  const dataset = datasetSchema.parse(testDataset());

  test("every mention maps back to original text that normalises to one of its entity's aliases", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 6 }), clitic, fc.constantFrom(...names), fc.array(noise, { maxLength: 3 })), { maxLength: 6 }), (parts) => {
        // Insert noise characters inside each name, and clitics before it.
        const text = parts
          .map(([filler, c, name, marks]) => {
            const at = Math.min(name.length - 1, 2);
            return `${filler} ${c}${name.slice(0, at)}${marks.join("").replace(/[ \u00a0\n]/g, "")}${name.slice(at)} `;
          })
          .join("");
        const found = matcher.findMentions(text);
        let previousEnd = 0;
        for (const m of found) {
          expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          expect(m.end).toBeGreaterThan(m.start);
          previousEnd = m.end;
          const slice = normalizeString(text.slice(m.start, m.end));
          const entity = matcher.entities[m.entity]!;
          const aliases = dataset.entities
            .find((e) => e.id === entity.id)!
            .aliases.map((a) => (typeof a === "string" ? a : a.text))
            .concat(entity.name.ar, entity.name.en)
            .map((a) => normalizeString(a));
          const elided = aliases.filter((a) => a.startsWith("ال")).map((a) => a.slice(1));
          expect([...aliases, ...elided]).toContain(slice);
        }
        // With no random filler, every Arabic name is found, and every Latin name that
        // carries no (Arabic) proclitic.
        if (parts.every(([filler]) => filler === "")) {
          const expected = parts.filter(([, c, name]) => c === "" || /^\p{Script=Arabic}/u.test(name));
          expect(found.length).toBe(expected.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("the same mentions whatever the dictionary order", () => {
    const table = compileMatcherTable([datasetSchema.parse(testDataset())]);
    const reversed = new Matcher({ ...table, patterns: [...table.patterns].reverse() });
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names, " ", "و", "x", "ال"), { maxLength: 20 }), (pieces) => {
        const text = pieces.join(" ");
        expect(reversed.findMentions(text)).toEqual(matcher.findMentions(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe("slices", () => {
  test("matching a text in slices gives exactly what one pass gives", () => {
    const piece = fc.constantFrom("دارشيف", "ألكسندر", " ", "\u200d", "\u064e", "و", "ال", "الولايات", "المتحدة", "للولايات", "Rubio", "Pioneer", "Point", "US", "us", "x", "Moscow");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const text = pieces.join("");
        const bounds = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const sliced: { entity: number; start: number; end: number }[] = [];
        let from = 0;
        for (const to of [...bounds, text.length]) {
          if (to < from) continue;
          sliced.push(...matcher.findMentionsFrom(text, from, to, sliced.at(-1)?.end ?? 0));
          from = to;
        }
        expect(sliced).toEqual(matcher.findMentions(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("a name padded with many invisible characters across a slice's edge is still found whole", () => {
    const name = `Pio${"\u200d".repeat(400)}neer Point`;
    const text = `${"x ".repeat(10)}${name} and more`;
    const first = matcher.findMentionsFrom(text, 0, 25, 0);
    const rest = matcher.findMentionsFrom(text, 25, text.length, first.at(-1)?.end ?? 0);
    expect([...first, ...rest].map((m) => text.slice(m.start, m.end))).toEqual([name]);
  });
});

describe("dictionary size", () => {
  test("a dictionary of 50,000 aliases still finds the right mentions", () => {
    const base = datasetSchema.parse(testDataset());
    const extra = Array.from({ length: 5000 }, (_, i) => ({
      ...base.entities[0]!,
      id: `synthetic-${i}`,
      name: { ar: `اسم${i}`, en: `Name${i}` },
      aliases: Array.from({ length: 8 }, (_, k) => `Alias${i}x${k}`),
    }));
    const big = new Matcher(compileMatcherTable([{ ...base, entities: [...base.entities, ...extra] }]));
    expect(big.findMentions("Alias4999x7 met Rubio in Name12")).toHaveLength(3);
  });
});
