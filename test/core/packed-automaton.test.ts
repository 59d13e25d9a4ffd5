/**
 * The automaton the build ships: written out by `packAutomaton`, read back by `unpackAutomaton`
 * into the very automaton `buildAutomaton` makes — on the bundled dictionary, on dictionaries
 * fast-check draws, and on an empty one — and refused when it was packed from another table.
 * Then the matcher made with the prebuilt parts finds what the matcher built from scratch finds.
 */
import fc from "fast-check";
import { beforeAll, describe, expect, test } from "vitest";
import { type Automaton, buildAutomaton } from "../../src/core/automaton.ts";
import { Matcher, prebuildMatcher } from "../../src/core/matcher.ts";
import type { MatcherTable } from "../../src/core/matcher-table.ts";
import { packAutomaton, unpackAutomaton } from "../../src/core/packed-automaton.ts";
import { bundledMatcherTable } from "../../scripts/lib/bundled-matcher-table.ts";

/** The automaton's arrays as plain arrays, so that a difference names the array and the slot. */
function arraysOf(automaton: Automaton): Record<keyof Automaton, number[]> {
  const out = {} as Record<keyof Automaton, number[]>;
  for (const key of Object.keys(automaton) as (keyof Automaton)[]) out[key] = [...automaton[key]];
  return out;
}

function roundTrip(texts: readonly string[]): Automaton {
  return unpackAutomaton(JSON.parse(JSON.stringify(packAutomaton(buildAutomaton(texts)))), texts);
}

let bundled: MatcherTable;
beforeAll(async () => {
  bundled = (await bundledMatcherTable()).table;
});

describe("a packed automaton reads back as the automaton that was packed", () => {
  test("the bundled dictionary's, every array slot for slot", () => {
    const texts = bundled.patterns.map((row) => row[0]);
    const built = buildAutomaton(texts);
    expect(built.base.length).toBeGreaterThan(8000);
    expect(arraysOf(roundTrip(texts))).toEqual(arraysOf(built));
  });

  test("any dictionary: names with shared prefixes, repeats, Latin and Arabic units", () => {
    const unit = fc.constantFrom(..."abcé ابب", "x", " ");
    const name = fc.array(unit, { minLength: 1, maxLength: 8 }).map((units) => units.join(""));
    fc.assert(
      fc.property(fc.array(name, { maxLength: 60 }), (texts) => {
        expect(arraysOf(roundTrip(texts))).toEqual(arraysOf(buildAutomaton(texts)));
      }),
      { numRuns: 200 },
    );
  });

  test("names with astral characters, whose surrogates are units far up the alphabet", () => {
    const texts = ["\u{1f600} smile", "\u{1d400}\u{1d401}", "smile"];
    expect(arraysOf(roundTrip(texts))).toEqual(arraysOf(buildAutomaton(texts)));
  });

  test("an empty dictionary: a root and nothing else", () => {
    const automaton = roundTrip([]);
    expect(arraysOf(automaton)).toEqual(arraysOf(buildAutomaton([])));
    expect(automaton.symbols.length).toBe(0);
  });

  test("the layout is written compactly: under four characters a slot", () => {
    const packed = packAutomaton(buildAutomaton(bundled.patterns.map((row) => row[0])));
    const slots = buildAutomaton(bundled.patterns.map((row) => row[0])).base.length;
    expect((packed.base.length + packed.check.length) / slots).toBeLessThan(4);
    expect(packed.base).toMatch(/^[A-Za-z0-9+/]*$/);
  });
});

describe("a packed automaton read back with another table is refused", () => {
  const texts = ["new york", "new delhi", "paris"];
  const packed = packAutomaton(buildAutomaton(texts));

  test("a pattern the layout does not hold is named", () => {
    expect(() => unpackAutomaton(packed, [...texts, "rome"])).toThrow(/pattern 3 \("rome"\) is not in it; it was packed from another table/);
  });

  test("a table with fewer patterns than the layout holds", () => {
    expect(() => unpackAutomaton(packed, ["new york", "paris"])).toThrow(/states, of which the table's patterns reach .*another table/);
  });

  test("a table whose patterns are a prefix of the packed ones", () => {
    expect(() => unpackAutomaton(packed, ["new", "paris"])).toThrow(/another table/);
  });
});

describe("the matcher made with the build's prebuilt parts", () => {
  test("finds exactly what the matcher built from the table finds, on a text of the bundled dictionary's own names", () => {
    const fromScratch = new Matcher(bundled);
    const prebuilt = new Matcher(JSON.parse(JSON.stringify(bundled)), JSON.parse(JSON.stringify(prebuildMatcher(bundled))));
    const names = bundled.patterns.map((row) => row[3] ?? row[0]);
    const text = [
      names.join(" و"),
      names.join(", "),
      "The New York Times said the US and Russia met in Istanbul; «وزارة الخارجية الأمريكية» قالت",
    ].join("\n");
    const mentions = fromScratch.findMentions(text);
    expect(mentions.length).toBeGreaterThan(names.length / 2);
    expect(prebuilt.findMentions(text)).toEqual(mentions);
  });

  test("prebuilt parts for another table are refused", () => {
    const other: MatcherTable = { ...bundled, patterns: bundled.patterns.slice(1) };
    expect(() => new Matcher(other, prebuildMatcher(bundled))).toThrow(/another table/);
  });
});
