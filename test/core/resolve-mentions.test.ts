import { describe, expect, test } from "vitest";
import type { EntityRef } from "../../src/core/matcher-table.ts";
import { type Candidate, type MatchProgress, NOT_OURS, resolveMentions } from "../../src/core/resolve-mentions.ts";

// Plain ASCII texts, so normalised units and original offsets are the same numbers.
const entity = (id: string, type: EntityRef["type"]): EntityRef => ({ id, type, name: { ar: id, en: id }, dataset: "test" });
const ENTITIES = [entity("person", "person"), entity("second-person", "person"), entity("talks", "event"), entity("summit", "event")];
const PERSON = 0;
const SECOND_PERSON = 1;
const TALKS = 2;
const SUMMIT = 3;

/** A candidate for `entity` over [start, end). */
const cand = (entity: number, start: number, end: number): Candidate => ({ entity, start, end, from: start, to: end });

function resolve(text: string, candidates: Candidate[], from = 0, until = text.length, reached = 0): MatchProgress {
  const progress: MatchProgress = { mentions: [], reached };
  resolveMentions(candidates, text, from, until, ENTITIES, progress);
  return progress;
}

describe("resolveMentions: top-level names", () => {
  test("a name that starts where the last one ends is taken too", () => {
    expect(resolve("abcdef", [cand(PERSON, 0, 3), cand(SECOND_PERSON, 3, 6)]).mentions).toStrictEqual([
      { entity: PERSON, start: 0, end: 3 },
      { entity: SECOND_PERSON, start: 3, end: 6 },
    ]);
  });

  test("takes only names that start in [from, until) and after what was reached", () => {
    const text = "aaaa bbbb cccc dddd";
    const candidates = () => [cand(PERSON, 0, 4), cand(SECOND_PERSON, 5, 9), cand(PERSON, 10, 14), cand(SECOND_PERSON, 15, 19)];
    expect(resolve(text, candidates(), 5, 15).mentions.map((m) => m.start)).toEqual([5, 10]);
    expect(resolve(text, candidates(), 0, 19, 6).mentions.map((m) => m.start)).toEqual([10, 15]);
  });

  test("reached is the end of the last top-level name, not of a name inside it", () => {
    const progress = resolve("talks with person x", [cand(TALKS, 0, 17), cand(PERSON, 11, 17), cand(SECOND_PERSON, 11, 13)], 0, 18);
    expect(progress.reached).toBe(17);
    const inner = resolve("person talks", [cand(PERSON, 0, 12), cand(TALKS, 7, 12), cand(SECOND_PERSON, 0, 3)]);
    expect(inner.reached).toBe(12);
  });

  test.each([
    ["the name not ours listed first", [cand(NOT_OURS, 0, 6), cand(SECOND_PERSON, 0, 6)], []],
    ["the name not ours listed last", [cand(SECOND_PERSON, 0, 6), cand(NOT_OURS, 0, 6)], []],
    ["two entities, lower index last", [cand(SECOND_PERSON, 0, 6), cand(PERSON, 0, 6)], [{ entity: PERSON, start: 0, end: 6 }]],
    ["two entities, lower index first", [cand(PERSON, 0, 6), cand(SECOND_PERSON, 0, 6)], [{ entity: PERSON, start: 0, end: 6 }]],
  ])("of names on one span the not-ours one, then the first entity, wins: %s", (_name, candidates, mentions) => {
    expect(resolve("person", candidates).mentions).toStrictEqual(mentions);
  });
});

describe("resolveMentions: names inside names", () => {
  test("a name crossing the end of a name taken is dropped", () => {
    expect(resolve("person talks", [cand(PERSON, 0, 6), cand(TALKS, 3, 12)]).mentions).toStrictEqual([{ entity: PERSON, start: 0, end: 6 }]);
  });

  test("another entity on exactly the span taken is dropped, not nested", () => {
    expect(resolve("person", [cand(PERSON, 0, 6), cand(SECOND_PERSON, 0, 6)]).mentions).toStrictEqual([{ entity: PERSON, start: 0, end: 6 }]);
  });

  test("a shorter alias of an entity named two levels out is dropped", () => {
    // person ⊃ talks ⊃ person again: the innermost names the outermost's entity.
    expect(resolve("person talks x", [cand(PERSON, 0, 14), cand(TALKS, 0, 12), cand(PERSON, 0, 6)]).mentions).toStrictEqual([
      { entity: PERSON, start: 0, end: 14 },
      { entity: TALKS, start: 0, end: 12, outer: 0 },
    ]);
  });

  test("an event inside a person's name is kept; an event inside an event is not", () => {
    expect(resolve("person talks", [cand(PERSON, 0, 12), cand(TALKS, 7, 12)]).mentions).toStrictEqual([
      { entity: PERSON, start: 0, end: 12 },
      { entity: TALKS, start: 7, end: 12, outer: 0 },
    ]);
    expect(resolve("summit talks", [cand(SUMMIT, 0, 12), cand(TALKS, 7, 12)]).mentions).toStrictEqual([{ entity: SUMMIT, start: 0, end: 12 }]);
  });

  test("a top-level mention carries no outer at all", () => {
    const [mention] = resolve("person", [cand(PERSON, 0, 6)]).mentions;
    expect(Object.hasOwn(mention!, "outer")).toBe(false);
  });
});
