/**
 * The matcher's automaton as it is built: the alphabet, the trie, the double array and the
 * failure links, held to the plain reference (`reference-matcher.ts`) on dictionaries shaped to
 * reach each part of the construction — patterns sharing prefixes, one state with many children,
 * patterns that are suffixes of others, dictionaries large enough that placing states has to
 * search a crowded array, and units no pattern contains.
 *
 * Every matcher here is built inside its test, not when the file loads, so that what a test
 * states is about the automaton that test built.
 */
import { describe, expect, test } from "vitest";
import { Matcher, type MatchProgress, type Mention } from "../../src/core/matcher.ts";
import type { MatcherTable } from "../../src/core/matcher-table.ts";
import { referenceMentions } from "./reference-matcher.ts";

/** A table with one entity per name, named by its text (names written already normalised). */
function tableOf(names: readonly string[]): MatcherTable {
  return {
    format: 1,
    entities: names.map((name, i) => ({ id: `e${i}`, type: "place", name: { ar: name, en: name }, dataset: "test" })),
    patterns: names.map((name, i) => [name, i, 0]),
  };
}

/** The names found in `text`, as [the text of the mention, the name of its entity, the text of the mention it is inside or ""]. */
function found(table: MatcherTable, text: string): [string, string, string][] {
  const matcher = new Matcher(table);
  const mentions = matcher.findMentions(text);
  const textOf = (m: Mention) => text.slice(m.start, m.end);
  return mentions.map((m) => [textOf(m), matcher.entities[m.entity]!.name.en, m.outer === undefined ? "" : textOf(mentions[m.outer]!)]);
}

/** Checks the matcher against the reference on every text, and returns what it found in all of them. */
function sameAsReference(table: MatcherTable, texts: readonly string[]): number {
  const matcher = new Matcher(table);
  let count = 0;
  for (const text of texts) {
    const mentions = matcher.findMentions(text);
    expect(mentions, text).toEqual(referenceMentions(table, text));
    count += mentions.length;
  }
  return count;
}

/** Every word of `length` letters over `letters`, in an order that is not sorted. */
function wordsOver(letters: string, length: number): string[] {
  let words = [""];
  for (let i = 0; i < length; i++) words = words.flatMap((w) => [...letters].map((c) => c + w));
  return words;
}

/**
 * Names in letters the texts below do not use (Cyrillic), so many two-letter ones that the
 * trie's second level does not fit in the full rows: only the root and its children get one,
 * and a name's states from its second letter on are walked through the double array.
 */
const FILLER = wordsOver("абвгдежзиклмнопрстуфхцчшщъыьэюя", 2);

describe("the automaton follows names through shared prefixes and failure links", () => {
  test.each([
    ["names that share a prefix are each found", ["new york", "new delhi", "new"], "new delhi, new york and new", [
      ["new delhi", "new delhi", ""],
      ["new", "new", "new delhi"],
      ["new york", "new york", ""],
      ["new", "new", "new york"],
      ["new", "new", ""],
    ]],
    ["a name that is a prefix of a longer one is found where the longer one stops", ["gaza strip", "gaza"], "gaza stripped", [
      ["gaza", "gaza", ""],
    ]],
    ["a name that is the tail of a longer one, reached by a failure link", ["north sea port", "sea route"], "north sea route", [
      ["sea route", "sea route", ""],
    ]],
    ["a failure link two levels deep", ["a b c d x", "b c d y", "c d z"], "a b c d z", [
      ["c d z", "c d z", ""],
    ]],
    ["a failure link found two steps down the parent's chain", ["a b c d q", "b c e", "c d"], "a b c d, ok", [
      ["c d", "c d", ""],
    ]],
    ["a failure chain that falls back to the root and starts again", ["ab cd", "cd ef", "ef"], "ab cd ef", [
      ["ab cd", "ab cd", ""],
      ["ef", "ef", ""],
    ]],
    ["one state with a child for every letter", [..."abcdefghijklmnopqrstuvwxyz"].map((c) => `x${c}`), "xq xa xz", [
      ["xq", "xq", ""],
      ["xa", "xa", ""],
      ["xz", "xz", ""],
    ]],
    ["units no name contains send the walk back to the root", ["ab", "b"], "ab%b+ab a\u00d7b", [
      ["ab", "ab", ""],
      ["b", "b", ""],
      ["ab", "ab", ""],
      ["b", "b", ""],
    ]],
  ] satisfies [string, string[], string, [string, string, string][]][])("%s", (_name, names, text, expected) => {
    expect(found(tableOf(names), text)).toEqual(expected);
    // Again with the names' states among many others: the root and its children have full rows
    // of transitions, the rest follow failure links through the double array.
    expect(found(tableOf([...names, ...FILLER]), text)).toEqual(expected);
  });

  test("names given out of order are found as if sorted", () => {
    const names = ["zeta", "alpha beta", "alpha", "beta gamma", "al", "gamma", "alpha beta gamma delta", "b"];
    expect(found(tableOf(names), "alpha beta gamma delta, al, b, zeta")).toEqual([
      ["alpha beta gamma delta", "alpha beta gamma delta", ""],
      ["alpha beta", "alpha beta", "alpha beta gamma delta"],
      ["alpha", "alpha", "alpha beta"],
      ["gamma", "gamma", "alpha beta gamma delta"],
      ["al", "al", ""],
      ["b", "b", ""],
      ["zeta", "zeta", ""],
    ]);
  });

  test("two entities with the same name: the one listed first is found", () => {
    const table = tableOf(["paris", "paris", "rome"]);
    const matcher = new Matcher(table);
    const mentions = matcher.findMentions("paris and rome");
    expect(mentions.map((m) => m.entity)).toEqual([0, 2]);
    expect(mentions).toEqual(referenceMentions(table, "paris and rome"));
  });
});

describe("large dictionaries, where placing states searches a crowded array", () => {
  test("every two- and three-letter word over twelve letters, with phrases across them", () => {
    const letters = "etaoinshrdlu";
    const two = wordsOver(letters, 2);
    const three = wordsOver(letters, 3).filter((_, i) => i % 3 === 0);
    const phrases = two.filter((_, i) => i % 7 === 0).map((w, i) => `${w} ${three[i]!}`);
    const names = [...three, ...phrases, ...two.filter((_, i) => i % 2 === 1)];
    const texts = [
      phrases.slice(0, 40).join(" "),
      three.slice(100, 160).join(", "),
      two.join(" "),
      `${phrases.slice(5, 30).join(" x ")} ${three.slice(0, 30).join("-")}`,
    ];
    expect(sameAsReference(tableOf(names), texts)).toBeGreaterThan(200);
  });

  test("names in Arabic and Latin letters with a long run of one unit", () => {
    const arabic = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي";
    const names = [
      ...wordsOver(arabic.slice(0, 10), 2),
      ...wordsOver("xyz", 4),
      "a".repeat(40),
      `${"a".repeat(20)} b`,
      "a b c d e f g h i j k l m n o p",
    ];
    const texts = [
      wordsOver(arabic.slice(0, 10), 2).join(" "),
      wordsOver("xyz", 4).slice(10, 60).join(" "),
      `${"a".repeat(40)} ${"a".repeat(20)} b ${"a".repeat(39)}`,
      "a b c d e f g h i j k l m n o p q",
    ];
    expect(sameAsReference(tableOf(names), texts)).toBeGreaterThan(150);
  });

  test("many states with several children each, which the search has to fit between others", () => {
    // Each prefix has a few children far apart in the alphabet, so their slots rarely line up.
    const names: string[] = [];
    const letters = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (let i = 0; i < letters.length; i++) {
      for (let j = 0; j < letters.length; j += 5) {
        const prefix = letters[i]! + letters[j]!;
        for (const k of [0, 7, 17, 29, 35]) names.push(prefix + letters[(k + i) % letters.length]!);
      }
    }
    const texts = [names.slice(0, 200).join(" "), names.slice(200).join(" "), names.filter((_, i) => i % 3 === 0).join(", ")];
    expect(sameAsReference(tableOf(names), texts)).toBe(names.length + names.filter((_, i) => i % 3 === 0).length);
  });
});

describe("the matcher built in steps, as the page builds it between frames", () => {
  test("gives back to its caller several times and finds exactly what the matcher built at once finds", () => {
    const letters = "etaoinshrdlu";
    const names = [...wordsOver(letters, 2), ...wordsOver(letters, 3).filter((_, i) => i % 5 === 0)];
    const table = tableOf(names);
    const steps = Matcher.buildInSteps(table);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(4);
    const text = names.filter((_, i) => i % 3 === 0).join(" ");
    const mentions = step.value.findMentions(text);
    expect(mentions.length).toBeGreaterThan(100);
    expect(mentions).toEqual(new Matcher(table).findMentions(text));
    expect(mentions).toEqual(referenceMentions(table, text));
  });
});

describe("how far into a name the automaton is, when a slice's window ends inside it", () => {
  test("a name padded with invisible characters past the window is still found, once, by the slice it starts in", () => {
    const table = tableOf(["red sea port", "sea"]);
    const matcher = new Matcher(table);
    // Soft hyphens vanish in normalisation, so the window ends three units into the name.
    const text = `the red${"\u00ad".repeat(400)} sea port`;
    const progress: MatchProgress = { mentions: [], reached: 0 };
    matcher.findMentionsFrom(text, 0, 6, progress);
    matcher.findMentionsFrom(text, 6, text.length, progress);
    expect(progress.mentions).toEqual(matcher.findMentions(text));
    expect(progress.mentions.map((m) => [m.start, m.end, m.entity])).toEqual([
      [4, text.length, 0],
      [text.length - 8, text.length - 5, 1],
    ]);
  });
});
