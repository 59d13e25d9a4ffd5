import { describe, expect, test } from "vitest";
import { Check, checksFor, Matcher } from "../../src/core/matcher.ts";
import { PatternFlag, type EntityRef, type MatcherTable } from "../../src/core/matcher-table.ts";

/** An entity of the given type; only its type matters to the rules a pattern goes through. */
function entity(id: string, type: EntityRef["type"]): EntityRef {
  return { id, type, name: { ar: id, en: id }, dataset: "test" };
}

const { caseSensitive, arabicStart, elidedArticle, notOurs } = PatternFlag;
const latinName = Check.address | Check.commission;
const latinPlace = latinName | Check.continuation | Check.houseNumber;

describe("which context rules a pattern's matches go through (checksFor)", () => {
  test.each([
    ["a place's Latin alias: glued into a longer name, a street, an address, a disclosure", "moscow", 0, undefined, "place", latinPlace],
    ["a place's Arabic alias: none of the Latin rules", "موسكو", arabicStart, undefined, "place", 0],
    ["a person's Latin name: an address or a disclosure only", "darchiev", 0, undefined, "person", latinName],
    ["an organisation's Latin name: an address or a disclosure only", "tass", 0, undefined, "organization", latinName],
    ["a person's Arabic name: none", "دارشيف", arabicStart, undefined, "person", 0],
    ["a case-sensitive acronym of a place: the acronym rule as well", "us", caseSensitive, "US", "place", Check.acronym | latinPlace],
    ["a case-sensitive acronym of an organisation", "tass", caseSensitive, "TASS", "organization", Check.acronym | latinName],
    ["a case-preserved form without the case-sensitive flag is no acronym", "us", 0, "US", "place", latinPlace],
    ["a case-sensitive name that is not two to four capitals is no acronym (U.S.)", "u.s.", caseSensitive, "U.S.", "place", latinPlace],
    ["a case-sensitive name in mixed case is no acronym (Big Apple)", "big apple", caseSensitive, "Big Apple", "place", latinPlace],
    ["a case-sensitive flag with no case-preserved form is no acronym", "us", caseSensitive, undefined, "place", latinPlace],
    ["a place named like a US state and its city magazine (New York)", "new york", 0, undefined, "place", latinPlace | Check.state | Check.magazine],
    ["a place named like a US state (Washington)", "washington", 0, undefined, "place", latinPlace | Check.state],
    ["a person named like a US state is no state (George Washington's surname)", "washington", 0, undefined, "person", latinName],
    ["a place named like a US state in Arabic: the state rule only", "واشنطن", arabicStart, undefined, "place", Check.state],
    ["an organisation named like a US state in Arabic: none", "واشنطن", arabicStart, undefined, "organization", 0],
    ["a place whose city magazine bears its name (Chicago)", "chicago", 0, undefined, "place", latinPlace | Check.magazine],
    ["an organisation named like a city magazine is no magazine", "chicago", 0, undefined, "organization", latinName],
    ["an Arabic place spelled like its adjective (روسيا)", "روسيا", arabicStart, undefined, "place", Check.nisba],
    ["an Arabic place with the article spelled like its adjective (السعوديه)", "السعوديه", arabicStart, undefined, "place", Check.nisba],
    ["a person spelled like an adjective is no adjective (ماريا)", "ماريا", arabicStart, undefined, "person", 0],
    ["an Arabic place not spelled like an adjective (ألمانيا, with the article's letters)", "المانيا", arabicStart, undefined, "place", 0],
    ["the article-elided form of a place is no adjective, though it ends in يا (لألمانيا → لمانيا)", "لمانيا", arabicStart | elidedArticle, undefined, "place", 0],
  ] as const)("%s", (_case, text, flags, exact, type, expected) => {
    expect(checksFor(text, flags, exact, entity("e", type))).toBe(expected);
  });

  test.each([
    ["a Latin name not ours", "the new york times", notOurs, undefined],
    ["an Arabic name not ours, spelled like a place's adjective", "روسيا", notOurs | arabicStart, undefined],
    ["a case-sensitive acronym not ours", "us", notOurs | caseSensitive, "US"],
  ] as const)("a name not ours goes through no rule: %s", (_case, text, flags, exact) => {
    expect(checksFor(text, flags, exact, entity("e", "place"))).toBe(0);
  });

  test("a pattern whose entity is missing goes through no rule", () => {
    expect(checksFor("new york", 0, undefined, undefined)).toBe(0);
  });
});

/** Case-sensitive names, each with the case-preserved form a match must have. */
const exactTable: MatcherTable = {
  format: 1,
  entities: [entity("united-states", "place"), entity("new-york", "place"), entity("voa", "organization"), entity("algeria", "place"), entity("cop29", "event")],
  patterns: [
    ["us", 0, caseSensitive, "US"],
    ["big apple", 1, caseSensitive, "Big Apple"],
    ["voice of america", 2, caseSensitive, "Voice of America"],
    ["dz", 3, caseSensitive, "DZ"],
    ["cop29", 4, caseSensitive, "COP29"],
  ],
};
const exactMatcher = new Matcher(exactTable);

/** What a reader would see: [entity id, mention text as written]. */
function mentions(text: string, m = exactMatcher): [string, string][] {
  return m.findMentions(text).map((x) => [m.entities[x.entity]!.id, text.slice(x.start, x.end)]);
}

describe("case-sensitive names match only in their case, read through the normaliser", () => {
  test.each([
    ["a name in its case", "the Big Apple said", [["new-york", "Big Apple"]]],
    ["the same words in lower case", "the big apple said", []],
    ["two spaces between the words", "the Big  Apple said", [["new-york", "Big  Apple"]]],
    ["a line break and an indent between the words", "the Big\n   Apple said", [["new-york", "Big\n   Apple"]]],
    ["a no-break space between the words", "the Big\u00a0Apple said", [["new-york", "Big\u00a0Apple"]]],
    ["a name of three words in its case", "the Voice of America said", [["voa", "Voice of America"]]],
    ["three words with runs of spaces", "the Voice  of   America said", [["voa", "Voice  of   America"]]],
    ["three words, the last in the wrong case", "the Voice of america said", []],
    ["three words in lower case", "a voice of america", []],
    ["an acronym in capitals", "the US said", [["united-states", "US"]]],
    ["a soft hyphen inside the acronym", "the U\u00adS said", [["united-states", "U\u00adS"]]],
    ["a zero-width space inside the acronym", "the U\u200bS said", [["united-states", "U\u200bS"]]],
    ["a combining mark from outside the BMP inside the acronym (U+101FD, high surrogate D800)", "the U\u{101fd}S said", [["united-states", "U\u{101fd}S"]]],
    ["a letter that stands for two capitals (Ǳ → DZ)", "in Ǳ today", [["algeria", "Ǳ"]]],
    ["the same letter in title case (ǲ → Dz)", "in ǲ today", []],
    ["the same letter in lower case (ǳ → dz)", "in ǳ today", []],
    ["styled capitals outside the BMP (mathematical bold 𝐔𝐒)", "the 𝐔𝐒 said", [["united-states", "𝐔𝐒"]]],
    ["styled small letters outside the BMP (𝐮𝐬)", "the 𝐮𝐬 said", []],
    ["styled words with a capital whose low surrogate is the first (𝐀, U+1D400)", "the 𝐁𝐢𝐠 𝐀𝐩𝐩𝐥𝐞 said", [["new-york", "𝐁𝐢𝐠 𝐀𝐩𝐩𝐥𝐞"]]],
    ["styled words in lower case", "the 𝐛𝐢𝐠 𝐚𝐩𝐩𝐥𝐞 said", []],
    ["monospace capitals and digits, one whose low surrogate is the last (𝟿, U+1D7FF)", "at 𝙲𝙾𝙿𝟸𝟿 in Baku", [["cop29", "𝙲𝙾𝙿𝟸𝟿"]]],
    ["monospace small letters and digits", "at 𝚌𝚘𝚙𝟸𝟿 in Baku", []],
    ["a stray low surrogate right after the name (broken text)", "the US\udc00 said", [["united-states", "US"]]],
  ] as const)("%s", (_case, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });

  // Broken text: a surrogate without its other half is a unit of its own, in the walk and in
  // the case check alike, and the unit after it is read on its own too.
  const broken = new Matcher({
    format: 1,
    entities: [entity("broken", "organization")],
    patterns: [
      ["u\udc00s", 0, caseSensitive, "U\udc00S"],
      ["u\ud835s", 0, caseSensitive, "U\ud835S"],
    ],
  });
  test.each([
    ["a stray low surrogate after a letter", "a U\udc00S b", [["broken", "U\udc00S"]]],
    ["a stray low surrogate after a full-width letter", "a \uff35\udc00S b", [["broken", "\uff35\udc00S"]]],
    ["a stray high surrogate before a letter", "a U\ud835S b", [["broken", "U\ud835S"]]],
    ["a stray high surrogate before a full-width letter", "a U\ud835\uff33 b", [["broken", "U\ud835\uff33"]]],
    ["the same in lower case", "a u\ud835s b", []],
  ] as const)("a lone surrogate in a case-sensitive name: %s", (_case, text, expected) => {
    expect(mentions(text, broken)).toEqual(expected);
  });
});
