/**
 * The forms issue 10 found on real pages that the matcher missed, through the table the build
 * ships (the bundled dataset and the lexicon): each is found as one mention of the right entity,
 * in sentences of our own. "N.Y." and "NY" are the state's postal code (docs/matching.md, "Forms
 * from real pages"): rows hold that they stay no mention of the city.
 */
import { beforeAll, describe, expect, test } from "vitest";
import { bundledMatcherTable } from "../../scripts/lib/bundled-matcher-table.ts";
import { Matcher } from "../../src/core/matcher.ts";

let matcher: Matcher;
beforeAll(async () => {
  matcher = new Matcher((await bundledMatcherTable()).table);
});

/** Top-level mentions as [entity id, text as written], and nested ones after "> ". */
function mentions(text: string): string[] {
  return matcher.findMentions(text).map((m) => `${m.outer === undefined ? "" : "> "}${matcher.entities[m.entity]!.id}: ${text.slice(m.start, m.end)}`);
}

describe("forms from real pages", () => {
  test.each<[string, string, string[]]>([
    ["N.Y.C. mid-sentence", "Rents in N.Y.C. rose again.", ["new-york: N.Y.C."]],
    ["N.Y.C. ending a sentence", "She moved back to N.Y.C.", ["new-york: N.Y.C."]],
    ["a bare D.C. ending a sentence", "The museum opened in D.C.", ["washington-dc: D.C."]],
    ["a bare D.C. mid-sentence", "He flew to D.C. on Monday to testify.", ["washington-dc: D.C."]],
    ["the agency spelling دارتشييف", "قال السفير دارتشييف إن المحادثات مستمرة", ["alexander-darchiev: دارتشييف"]],
    ["the agency spelling دارشييف", "وأكد دارشييف أن الوفد سيعود", ["alexander-darchiev: دارشييف"]],
    [
      "U.S. Department of State as one mention, the country nested",
      "a spokesman for the U.S. Department of State declined",
      ["us-state-department: U.S. Department of State", "> united-states: U.S."],
    ],
    ["N.Y. as the state's code stays no mention of the city", "He grew up in Albany, N.Y., and left.", []],
    ["NY in a postal address stays no mention of the city", "Suite 4, NY 10036", []],
  ])("%s: %s", (_why, text, expected) => {
    expect(mentions(text)).toEqual(expected);
  });
});
