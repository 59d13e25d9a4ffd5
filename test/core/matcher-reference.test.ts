import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { Matcher } from "../../src/core/matcher.ts";
import type { MatcherTable } from "../../src/core/matcher-table.ts";
import { aliasText } from "../../src/core/validate-dataset.ts";
import { bundledMatcherTable } from "../../scripts/lib/bundled-matcher-table.ts";
import { referenceMentions } from "./reference-matcher.ts";

let table: MatcherTable;
let matcher: Matcher;
/** Our names as datasets write them, and the lexicon's longer names that are not ours. */
let names: string[];

beforeAll(async () => {
  const bundled = await bundledMatcherTable();
  table = bundled.table;
  matcher = new Matcher(table);
  names = [
    ...bundled.dataset.entities.flatMap((e) => [e.name.ar, e.name.en, ...e.aliases.map(aliasText), ...e.exclusions]),
    ...bundled.lexicon,
  ];
});

/** Characters the normaliser drops, folds or collapses, and what context rules look at. */
const noise = ["\u064e", "\u0651", "\u0640", "\u200c", "\u200f", "\u00ad", "\u00a0", "\n", "  ", "ً", "\u0301", "ﻻ", "ﬁ", "𝐀", "😀"];
const glue = ["", " ", " ", " ", ", ", ". ", " / ", "-", "«", "»", "(", ")", "$", " 100", " 2024", ".gov", "@", "en-", "و", "ب", "لل", "ال", "وال"];
const words = ["the", "The", "Times", "Radio", "University", "FOLLOW", "WITH", "said", "in", "قال", "في", "دبلوماسيا", "القنصلية", "كما", "x", "Says", "2025", "١٢"];

/** One piece of random text: a name (in its case, upper or lower case), a word, glue or noise. */
function piece(): fc.Arbitrary<string> {
  const name = fc.constantFrom(...names);
  return fc.oneof(
    { weight: 4, arbitrary: name },
    { weight: 1, arbitrary: name.map((n) => n.toUpperCase()) },
    { weight: 1, arbitrary: name.map((n) => n.toLowerCase()) },
    { weight: 1, arbitrary: name.chain((n) => fc.nat(n.length).map((k) => n.slice(0, k))) },
    { weight: 2, arbitrary: fc.constantFrom(...words) },
    { weight: 4, arbitrary: fc.constantFrom(...glue) },
    { weight: 2, arbitrary: fc.constantFrom(...noise) },
    { weight: 1, arbitrary: fc.string({ maxLength: 3, unit: "binary" }) },
  );
}

describe("the fused matcher against a plain reference (normalised copy, indexOf, same rules)", () => {
  test("random mixed Arabic and Latin text with our names and the lexicon's: the same mentions, offsets included", () => {
    fc.assert(
      fc.property(fc.array(piece(), { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        expect(matcher.findMentions(text)).toEqual(referenceMentions(table, text));
      }),
      { numRuns: 200 },
    );
  });

  test("the reference is no echo of the matcher: on real names it finds what a reader would", () => {
    // Written by hand: two places and a person, one with a proclitic, one glued to a newspaper.
    const text = "قال دارشيف في موسكو وواشنطن، not The Washington Post";
    const found = referenceMentions(table, text).map((m) => text.slice(m.start, m.end));
    expect(found).toEqual(["دارشيف", "موسكو", "واشنطن"]);
  });
});
