import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { Matcher, type MatchProgress, type Mention } from "../../src/core/matcher.ts";
import { PatternFlag, type EntityRef, type MatcherTable } from "../../src/core/matcher-table.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";
import { testDataset } from "./test-dataset.ts";

const matcher = new Matcher(compileMatcherTable([datasetSchema.parse(testDataset())]));

/** The index of an entity in the matcher's table. */
function entityIndex(id: string): number {
  return matcher.entities.findIndex((e) => e.id === id);
}

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
  test("a longer alias wins over a shorter one it contains, which stays nested in it", () => {
    expect(matcher.findMentions("السفارة الأميركية في موسكو")).toEqual([
      { entity: entityIndex("embassy"), start: 0, end: 26 },
      { entity: entityIndex("moscow"), start: 21, end: 26, outer: 0 },
    ]);
  });
  test("the shorter alias still matches alone", () => {
    expect(mentions("في موسكو")).toEqual([["moscow", "موسكو"]]);
  });
  test("adjacent mentions do not swallow each other", () => {
    expect(mentions("Moscow Washington")).toEqual([["moscow", "Moscow"], ["washington", "Washington"]]);
  });
});

/**
 * A table with names inside names: the talks (with Moscow, Washington and Istanbul in their
 * name), a consulate, and names that are not ours (a newspaper, a university, a region), added
 * by hand as patterns flagged `notOurs`, the way the bundled lexicon adds them.
 */
function nestedTable(): MatcherTable {
  const base = compileMatcherTable([datasetSchema.parse(testDataset())]);
  const entities = [...base.entities];
  const patterns = [...base.patterns];
  const add = (id: string, type: EntityRef["type"], names: string[]) => {
    const index = entities.push({ id, type, name: { ar: names[0]!, en: id }, dataset: "test" }) - 1;
    for (const name of names) patterns.push([normalizeString(name), index, /^\p{Script=Arabic}/u.test(name) ? PatternFlag.arabicStart : 0]);
  };
  add("istanbul", "place", ["إسطنبول", "Istanbul"]);
  add("talks", "event", ["المحادثات بين موسكو وواشنطن في إسطنبول", "US-Russia talks in Istanbul"]);
  add("first-round", "event", ["first round of US-Russia talks in Istanbul"]);
  add("consulate", "organization", ["القنصلية الروسية وسط إسطنبول", "Russian consulate in Istanbul"]);
  add("tass-bureau", "organization", ["TASS Moscow bureau", "TASS Moscow"]);
  for (const name of ["The Moscow Times", "جامعة موسكو", "Moscow State University", "Istanbul Moscow Washington Express", "US Embassy"]) {
    patterns.push([normalizeString(name), 0, PatternFlag.notOurs | (/^\p{Script=Arabic}/u.test(name) ? PatternFlag.arabicStart : 0)]);
  }
  return { ...base, entities, patterns };
}

const nested = new Matcher(nestedTable());

/** What a reader would see, nested mentions marked: [entity id, text, enclosing entity id or ""]. */
function nestedMentions(text: string, m = nested): [string, string, string][] {
  const found = m.findMentions(text);
  return found.map((x) => [m.entities[x.entity]!.id, text.slice(x.start, x.end), x.outer === undefined ? "" : m.entities[found[x.outer]!.entity]!.id]);
}

describe("names inside names", () => {
  test.each([
    ["a place inside an event's name keeps its own mention", "جرت المحادثات بين موسكو وواشنطن في إسطنبول أمس", [
      ["talks", "المحادثات بين موسكو وواشنطن في إسطنبول", ""],
      ["moscow", "موسكو", "talks"],
      ["washington", "واشنطن", "talks"],
      ["istanbul", "إسطنبول", "talks"],
    ]],
    ["an event inside a longer event's name is another event, not nested; the places in both are", "the first round of US-Russia talks in Istanbul", [
      ["first-round", "first round of US-Russia talks in Istanbul", ""],
      ["united-states", "US", "first-round"],
      ["istanbul", "Istanbul", "first-round"],
    ]],
    ["a place inside a consulate's name", "أمام القنصلية الروسية وسط إسطنبول", [
      ["consulate", "القنصلية الروسية وسط إسطنبول", ""],
      ["istanbul", "إسطنبول", "consulate"],
    ]],
    ["names nested in an English event name, an acronym at the same start", "The US-Russia talks in Istanbul ended", [
      ["talks", "US-Russia talks in Istanbul", ""],
      ["united-states", "US", "talks"],
      ["istanbul", "Istanbul", "talks"],
    ]],
    ["the same name outside the longer one is a top-level mention", "في إسطنبول: المحادثات بين موسكو وواشنطن في إسطنبول", [
      ["istanbul", "إسطنبول", ""],
      ["talks", "المحادثات بين موسكو وواشنطن في إسطنبول", ""],
      ["moscow", "موسكو", "talks"],
      ["washington", "واشنطن", "talks"],
      ["istanbul", "إسطنبول", "talks"],
    ]],
    ["a shorter alias of the same entity inside is not a second mention; what it contains is", "Darchiev told the TASS Moscow bureau", [
      ["darchiev", "Darchiev", ""],
      ["tass-bureau", "TASS Moscow bureau", ""],
      ["tass", "TASS", "tass-bureau"],
      ["moscow", "Moscow", "tass-bureau"],
    ]],
    ["a name not ours yields nothing and swallows what it contains", "for The Moscow Times in Moscow", [["moscow", "Moscow", ""]]],
    ["an Arabic name not ours, after a proclitic", "طلاب بجامعة موسكو", []],
    ["a name not ours that starts first beats a name of ours that overlaps it", "Istanbul Moscow Washington Express", []],
    ["a name not ours inside a name of ours swallows only what it contains", "US Embassy in Moscow said", [
      ["embassy", "US Embassy in Moscow", ""],
      ["moscow", "Moscow", "embassy"],
    ]],
    ["a nested name crossing the end of an earlier nested name is dropped", "Moscow State University Washington", [["washington", "Washington", ""]]],
  ])("%s", (_case, text, expected) => {
    expect(nestedMentions(text)).toEqual(expected);
  });

  test("nested mentions carry the offsets of their own text", () => {
    const text = "قال إن المحادثات بين موسكو وواشنطن في إسطنبول بناءة";
    expect(nested.findMentions(text).map(({ start, end, outer }) => [start, end, outer])).toEqual([
      // "قال إن " is 7 units; «المحادثات» 9, so «بين» 17–20, «موسكو» 21–26, «و» 27, «واشنطن» 28–34, «في» 35–37.
      [7, 45, undefined],
      [21, 26, 0],
      [28, 34, 0],
      [38, 45, 0],
    ]);
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
          // Top-level mentions do not overlap; a nested one lies inside the one it names.
          if (m.outer === undefined) expect(m.start).toBeGreaterThanOrEqual(previousEnd);
          else expect(found[m.outer]!.start <= m.start && m.end <= found[m.outer]!.end).toBe(true);
          expect(m.end).toBeGreaterThan(m.start);
          if (m.outer === undefined) previousEnd = m.end;
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
  /** The mentions of `text` matched in slices cut at `bounds`. */
  function inSlices(m: Matcher, text: string, bounds: number[]): Mention[] {
    const progress: MatchProgress = { mentions: [], reached: 0 };
    let from = 0;
    for (const to of [...bounds, text.length]) {
      if (to < from) continue;
      m.findMentionsFrom(text, from, to, progress);
      from = to;
    }
    return progress.mentions;
  }

  test("matching a text in slices gives exactly what one pass gives", () => {
    const piece = fc.constantFrom("دارشيف", "ألكسندر", " ", "\u200d", "\u064e", "و", "ال", "الولايات", "المتحدة", "للولايات", "Rubio", "Pioneer", "Point", "US", "us", "x", "Moscow");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const text = pieces.join("");
        const bounds = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        expect(inSlices(matcher, text, bounds)).toEqual(matcher.findMentions(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("with names inside names and names not ours, slices give exactly what one pass gives", () => {
    const piece = fc.constantFrom(
      "المحادثات بين موسكو وواشنطن في إسطنبول", "القنصلية الروسية وسط إسطنبول", "جامعة موسكو", "بجامعة", "موسكو", "إسطنبول",
      "US-Russia talks in Istanbul", "The Moscow Times", "US Embassy in Moscow", "Moscow State University", "TASS Moscow", "bureau", "Washington",
      "Express", "The", "Istanbul", "US", " ", " ", "و", "\u200d",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 6 }), (pieces, cuts) => {
        const text = pieces.join("");
        const bounds = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        expect(inSlices(nested, text, bounds)).toEqual(nested.findMentions(text));
      }),
      { numRuns: 3000 },
    );
  });

  test("a slice that starts inside a name not ours taken before it finds nothing in it", () => {
    const text = "for The Moscow Times";
    // One pass: the newspaper wins; cut after "The ", Moscow must not come back in the second slice.
    expect(inSlices(nested, text, [8])).toEqual([]);
  });

  test("nested mentions that start after the slice's end come with their outer mention", () => {
    const text = "المحادثات بين موسكو وواشنطن في إسطنبول";
    const progress: MatchProgress = { mentions: [], reached: 0 };
    nested.findMentionsFrom(text, 0, 5, progress);
    expect(progress.mentions.map((m) => text.slice(m.start, m.end))).toEqual([text, "موسكو", "واشنطن", "إسطنبول"]);
    expect(progress.reached).toBe(text.length);
  });

  test("a name padded with many invisible characters across a slice's edge is still found whole", () => {
    const name = `Pio${"\u200d".repeat(400)}neer Point`;
    const text = `${"x ".repeat(10)}${name} and more`;
    expect(inSlices(matcher, text, [25]).map((m) => text.slice(m.start, m.end))).toEqual([name]);
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

/** The mentions of `text` as [entity id, start, end], the offsets into `text` as it is written. */
function spans(text: string, m = matcher): [string, number, number][] {
  return m.findMentions(text).map((x) => [m.entities[x.entity]!.id, x.start, x.end]);
}

describe("characters outside the BMP", () => {
  test.each([
    // Mathematical bold letters fold to plain ones: 𝐌 is U+1D40C, two code units each.
    ["a name in mathematical bold", "𝐌𝐨𝐬𝐜𝐨𝐰 said", [["moscow", 0, 12]]],
    ["a name in bold ending the text, the end after the last pair", "in 𝐌𝐨𝐬𝐜𝐨𝐰", [["moscow", 3, 15]]],
    ["a bold capital A (U+1D400, low half DC00) inside a name", "𝐀lexander Darchiev", [["darchiev", 0, 19]]],
    ["a name glued to a bold digit nine (U+1D7FF, low half DFFF) is not a whole word", "Moscow𝟿 Moscow", [["moscow", 9, 15]]],
    ["a bold name after a lone high surrogate", "\ud835 𝐌𝐨𝐬𝐜𝐨𝐰", [["moscow", 2, 14]]],
  ])("%s", (_case, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe("malformed UTF-16 is read unit by unit", () => {
  test.each([
    ["a lone high surrogate before a name does not take its first letter", "\ud835Moscow", [["moscow", 1, 7]]],
    ["a lone high surrogate before a fullwidth name", "\ud835ｍｏｓｃｏｗ", [["moscow", 1, 7]]],
    ["a lone low surrogate after an invisible character", "\u200d\udc00Moscow", [["moscow", 2, 8]]],
    ["two lone low surrogates", "\udc00\udc00Moscow", [["moscow", 2, 8]]],
    ["a lone low surrogate after a ligature", "\ufb01\udc00Moscow", [["moscow", 2, 8]]],
  ])("%s", (_case, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe("a character that stands for several", () => {
  const base = datasetSchema.parse(testDataset());
  const ramallah = { ...base.entities[0]!, id: "ramallah", name: { ar: "رام الله", en: "Ramallah" }, aliases: ["Ramallah"] };
  const withRamallah = new Matcher(compileMatcherTable([{ ...base, entities: [...base.entities, ramallah] }]));

  test.each([
    // ﷲ (U+FDF2) is one code unit for الله, four letters.
    ["a name ending in the ligature ﷲ ends after it", "في رام ﷲ اليوم", [["ramallah", 3, 8]]],
    ["the ligature ﷲ ending the text", "في رام ﷲ", [["ramallah", 3, 8]]],
    ["the ligature ﬁ inside a Latin word keeps the name whole", "Ramallah, ﬁne", [["ramallah", 0, 8]]],
  ])("%s", (_case, text, expected) => {
    expect(spans(text, withRamallah)).toEqual(expected);
  });
});

describe("the walk's reach", () => {
  test("a slice reads the word before its first name even when invisible characters pad that word", () => {
    // «هجوما تركيا» is "a Turkish attack": تركيا is the adjective, no mention of the country; the
    // word before it, padded with 200 zero-width joiners, begins long before the slice.
    const text = `شن هجو${"\u200d".repeat(200)}ما تركيا`;
    const cut = text.indexOf("تركيا");
    const progress: MatchProgress = { mentions: [], reached: 0 };
    matcher.findMentionsFrom(text, 0, cut, progress);
    matcher.findMentionsFrom(text, cut, text.length, progress);
    expect(progress.mentions).toEqual([]);
    expect(matcher.findMentions(`شن هجوما تركيا ثم تركيا`)).toEqual([{ entity: entityIndex("turkiye"), start: 18, end: 23 }]);
  });

  test("a name longer than 64 units is found with its own start", () => {
    const base = datasetSchema.parse(testDataset());
    const name = "Organisation for the Prohibition of Chemical Weapons Technical Secretariat";
    const opcw = { ...base.entities[0]!, id: "opcw", name: { ar: "منظمة حظر الأسلحة الكيميائية", en: name }, aliases: [] };
    const withOpcw = new Matcher(compileMatcherTable([{ ...base, entities: [...base.entities, opcw] }]));
    expect(spans(`The ${name} said`, withOpcw)).toEqual([["opcw", 4, 78]]);
  });
});

describe("context rules apply inside the matcher", () => {
  test.each([
    ["an acronym that is a currency prefix is no mention", "paid US$5 in the US", [["united-states", 17, 19]]],
    ["a place glued to a newspaper's name beside it stays, the one inside the newspaper's name goes", "Moscow Washington Post", [["moscow", 0, 6]]],
  ])("%s", (_case, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe("a letter no name contains", () => {
  test.each([
    ["breaks a name it stands inside", "Mosqcow Mosco", []],
    // و begins واشنطن and is also a proclitic: what follows the sign must not pass for the name.
    ["breaks an Arabic name whose first letter is a proclitic", "وا§شنطن", []],
    ["between two names, each stands alone", "Moscow§Rubio", [["moscow", 0, 6], ["rubio", 7, 12]]],
  ])("%s", (_case, text, expected) => {
    expect(spans(text)).toEqual(expected);
  });
});

describe("a slice's window", () => {
  test("a name in the slice, padded past 160 characters and ending in a bold letter, is found whole", () => {
    // 159 zero-width joiners put the bold 𝐰's two halves at 166 and 167.
    const text = `x Mosco${"\u200d".repeat(159)}𝐰 and more`;
    const progress: MatchProgress = { mentions: [], reached: 0 };
    matcher.findMentionsFrom(text, 0, 3, progress);
    expect(progress.mentions).toEqual([{ entity: entityIndex("moscow"), start: 2, end: 168 }]);
  });

  test("a window that would end between the halves of a surrogate pair still finds the name the pair ends", () => {
    // Every length of padding, so that one of them puts the window's end between 𝐰's two halves.
    for (let n = 100; n <= 1300; n++) {
      const text = `x Mosco${"\u200d".repeat(n)}𝐰 and more`;
      const progress: MatchProgress = { mentions: [], reached: 0 };
      matcher.findMentionsFrom(text, 0, 3, progress);
      expect(progress.mentions, `${n} joiners`).toEqual([{ entity: entityIndex("moscow"), start: 2, end: 7 + n + 2 }]);
    }
  });
});
