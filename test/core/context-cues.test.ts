import { describe, expect, test } from "vitest";
import { validateStateCues } from "../../src/core/context-cues.ts";

const cues = (states: string[]) => ({
  about: "Test cues.",
  sharedNames: ["New York"],
  states,
  cityParts: ["Brooklyn"],
  notTowns: ["March"],
  afterPossessive: ["governor"],
  apposition: ["a state"],
  inSentence: ["statute"],
  cityWords: ["mayor"],
  arabicStateWords: ["الولاية"],
  arabicTermAfter: ["الثانية"],
  arabicCityWords: ["مدينة"],
});

describe("validateStateCues: a phrase listed twice", () => {
  test("is reported at the repeat, naming the first listing", () => {
    expect(validateStateCues(cues(["Ohio", "Texas", "OHIO"]))).toEqual({
      ok: false,
      problems: [{ path: "$.states[2]", message: '"OHIO" is listed already, at $.states[0]' }],
    });
  });
});
