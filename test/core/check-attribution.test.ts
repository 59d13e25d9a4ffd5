import { describe, expect, test } from "vitest";
import { checkAttribution, type AttributionCode } from "../../src/core/check-attribution.ts";
import type { DatasetInput } from "../../src/core/dataset-schema.ts";
import { splitSentences } from "../../src/core/split-sentences.ts";
import { validDataset } from "./test-dataset.ts";

type FactInput = NonNullable<DatasetInput["facts"]>[number];
const cite = [{ source: "text" }];
const entity = (id: string, type: "person" | "organization" | "place", ar: string, en: string, aliases: string[] = []) => ({
  id,
  type,
  name: { ar, en },
  aliases,
  background: [{ text: { ar: "خلفية.", en: "Background." }, sources: cite }],
});

/** A one-source dataset with `text` and one fact quoting `quote`, with the given attribution. */
function dataset(text: string, fact: Partial<FactInput> & Pick<FactInput, "quote">) {
  return validDataset({
    format: 2,
    id: "t",
    name: { ar: "ت", en: "T" },
    version: "1.0.0",
    sources: [{ id: "text", title: "t", publisher: { ar: "وكالات", en: "Agencies" }, language: "ar", text }],
    entities: [
      entity("darchiev", "person", "ألكسندر دارشيف", "Alexander Darchiev", ["دارشيف", "Darchiev"]),
      entity("ministry", "organization", "وزارة الخارجية الروسية", "Russian Foreign Ministry"),
      entity("tass", "organization", "وكالة تاس", "TASS", ["تاس"]),
      entity("moscow", "place", "موسكو", "Moscow"),
      entity("washington", "place", "واشنطن", "Washington"),
      entity("pioneer-point", "place", "بايونير بوينت", "Pioneer Point"),
    ],
    facts: [{ id: "f", about: ["darchiev"], text: { ar: "ح.", en: "F." }, source: "text", kind: "reported", claimants: ["darchiev"], ...fact }],
  });
}

const codes = (d: ReturnType<typeof dataset>) => checkAttribution(d).map((w) => [w.code, w.path]);

describe("splitSentences", () => {
  test.each([
    ["ends at . ! ? and ؟", "أ. ب! ج? د؟ هـ", ["أ.", "ب!", "ج?", "د؟", "هـ"]],
    ["not at the Arabic comma", "قال دارشيف، وأضاف أن المحادثات بناءة.", ["قال دارشيف، وأضاف أن المحادثات بناءة."]],
    ["at a line break", "عنوان\nنص", ["عنوان", "نص"]],
    ["keeps closing quotes with the sentence", "He said “yes.” Then he left.", ["He said “yes.”", "Then he left."]],
    ["not inside a number or an initialism", "U.S. officials paid 2.5 million. Then", ["U.S. officials paid 2.5 million.", "Then"]],
  ])("%s", (_case, text, expected) => {
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(expected);
  });
});

describe("checkAttribution", () => {
  describe("claimant-not-in-sentence", () => {
    test.each<[string, string, Partial<FactInput> & { quote: string }, [AttributionCode, string][]]>([
      ["Arabic: the claimant named in the sentence", "قال دارشيف إن المحادثات بناءة.", { quote: "المحادثات بناءة" }, []],
      ["English: the claimant named in the sentence", "Darchiev said the talks were constructive.", { quote: "the talks were constructive" }, []],
      ["Arabic: a role word refers to him", "وأكد السفير أن المحادثات بناءة.", { quote: "المحادثات بناءة" }, [["about-not-named", "$.facts[0].about[0]"]]],
      ["English: a role word refers to him", "The ambassador said the talks were constructive.", { quote: "the talks were constructive" }, [["about-not-named", "$.facts[0].about[0]"]]],
      ["Arabic: a clitic, named in the sentence before", "تحدث دارشيف اليوم. وأضاف أن المحادثات بناءة.", { quote: "المحادثات بناءة" }, [["about-not-named", "$.facts[0].about[0]"]]],
      ["English: a pronoun, named in the sentence before", "Darchiev spoke today. He added that the talks were constructive.", { quote: "the talks were constructive" }, [["about-not-named", "$.facts[0].about[0]"]]],
      ["Arabic: a group by its label", "قال دبلوماسيون أميركيون إن المحادثات بناءة.", { quote: "المحادثات بناءة", about: ["washington"], claimants: [{ group: { ar: "دبلوماسيون أميركيون", en: "US diplomats" } }] }, [["about-not-named", "$.facts[0].about[0]"]]],
      ["English: a group by a member", "Moscow and Washington said the talks were constructive.", { quote: "the talks were constructive", about: ["moscow"], claimants: [{ group: { ar: "موسكو وواشنطن", en: "both capitals" }, members: ["moscow", "washington"] }] }, []],
      ["Arabic: someone else speaks", "قالت الوزارة إن المحادثات بناءة.", { quote: "المحادثات بناءة" }, [["claimant-not-in-sentence", "$.facts[0].claimants[0]"], ["about-not-named", "$.facts[0].about[0]"]]],
      ["English: someone else speaks", "The ministry said the talks were constructive.", { quote: "the talks were constructive" }, [["claimant-not-in-sentence", "$.facts[0].claimants[0]"], ["about-not-named", "$.facts[0].about[0]"]]],
      ["Arabic: named two sentences before only", "تحدث دارشيف. ثم جاء الرد. وأضاف أن المحادثات بناءة.", { quote: "المحادثات بناءة" }, [["claimant-not-in-sentence", "$.facts[0].claimants[0]"], ["about-not-named", "$.facts[0].about[0]"]]],
      ["English: a person's role word does not refer to a ministry", "The ambassador said the talks were constructive.", { quote: "the talks were constructive", about: ["ministry"], claimants: ["ministry"] }, [["claimant-not-in-sentence", "$.facts[0].claimants[0]"], ["about-not-named", "$.facts[0].about[0]"]]],
    ])("%s", (_case, text, fact, expected) => {
      expect(codes(dataset(text, fact))).toEqual(expected);
    });
  });

  describe("unattributed-speech", () => {
    test.each<[string, string, string, boolean]>([
      ["Arabic: the outlet's own reporting", "فرضت واشنطن قيوداً على بايونير بوينت.", "فرضت واشنطن قيوداً على بايونير بوينت", false],
      ["English: the outlet's own reporting", "Washington restricted Pioneer Point.", "Washington restricted Pioneer Point", false],
      ["Arabic: «قالت» with no claimant", "قالت واشنطن إنها فرضت قيوداً على بايونير بوينت.", "فرضت قيوداً على بايونير بوينت", true],
      ["Arabic: «بحسب» with no claimant", "وبحسب واشنطن، فُرضت قيود على بايونير بوينت.", "فُرضت قيود على بايونير بوينت", true],
      ["Arabic: «وفقاً لـ» with no claimant", "وفقاً لواشنطن فرضت قيود على بايونير بوينت.", "فرضت قيود على بايونير بوينت", true],
      ["English: 'said' with no claimant", "Washington said it restricted Pioneer Point.", "it restricted Pioneer Point", true],
      ["English: 'according to' with no claimant", "According to Washington, Pioneer Point was restricted.", "Pioneer Point was restricted", true],
    ])("%s", (_case, text, quote, warns) => {
      const d = dataset(text, { quote, kind: "reporting", claimants: [], about: ["pioneer-point"] });
      expect(codes(d)).toEqual(warns ? [["unattributed-speech", "$.facts[0]"]] : []);
    });
  });

  describe("about-not-named", () => {
    test.each<[string, string, string, string[], [AttributionCode, string][]]>([
      ["Arabic: named in the quote", "قال دارشيف إن بايونير بوينت مغلق.", "بايونير بوينت مغلق", ["pioneer-point"], []],
      ["English: named in the sentence, outside the quote", "Darchiev said Pioneer Point was closed.", "was closed", ["pioneer-point"], []],
      ["Arabic: a name inside a longer one still counts", "قال دارشيف إن المحادثات بين موسكو وواشنطن بناءة.", "بناءة", ["moscow", "washington"], []],
      ["Arabic: not named", "قال دارشيف إن الممتلكات صودرت.", "الممتلكات صودرت", ["darchiev", "pioneer-point"], [["about-not-named", "$.facts[0].about[1]"]]],
      ["English: not named", "Darchiev said the property was seized.", "the property was seized", ["pioneer-point"], [["about-not-named", "$.facts[0].about[0]"]]],
    ])("%s", (_case, text, quote, about, expected) => {
      expect(codes(dataset(text, { quote, about }))).toEqual(expected);
    });
  });

  test("an attribution note marks a fact's warnings explained, and each warning names its fact and a reason", () => {
    const text = "Darchiev said the property was seized.";
    const [plain] = checkAttribution(dataset(text, { quote: "the property was seized", about: ["pioneer-point"] }));
    expect(plain).toMatchObject({ factId: "f", explained: false });
    expect(plain!.reason).toMatch(/pioneer-point/);
    const noted = checkAttribution(dataset(text, { quote: "the property was seized", about: ["pioneer-point"], attributionNote: { ar: "سبب.", en: "Why." } }));
    expect(noted).toEqual([{ ...plain, explained: true }]);
  });
});

describe("checkAttribution: each warning in full, and what it skips", () => {
  test("a claimant not referred to, by id", () => {
    const text = "The Russian Foreign Ministry said the talks were constructive. Darchiev was not there.";
    expect(checkAttribution(dataset(text, { quote: "the talks were constructive", about: ["ministry"] }))).toEqual([
      {
        path: "$.facts[0].claimants[0]",
        code: "claimant-not-in-sentence",
        factId: "f",
        reason: 'claimant "darchiev" is neither named nor referred to in the quote\'s sentence or the one before',
        explained: false,
      },
    ]);
  });

  test("a group not referred to, by its English label", () => {
    const text = "Reporters wrote that the talks were constructive.";
    const warnings = checkAttribution(dataset(text, { quote: "the talks were constructive", about: ["moscow"], claimants: [{ group: { ar: "مراقبون", en: "observers" }, members: ["moscow"] }] }));
    expect(warnings.map((w) => [w.code, w.path, w.reason])).toEqual([
      ["claimant-not-in-sentence", "$.facts[0].claimants[0]", 'the group "observers" is neither named nor referred to in the quote\'s sentence or the one before'],
      ["about-not-named", "$.facts[0].about[0]", '"moscow" is named neither in the quote nor in its sentence'],
    ]);
  });

  test("a group found by its Arabic label, or by a group role word", () => {
    const group = { ar: "مراقبون", en: "observers" };
    expect(codes(dataset("قال مراقبون إن المحادثات بناءة في موسكو.", { quote: "المحادثات بناءة", about: ["moscow"], claimants: [{ group }] }))).toEqual([]);
    expect(codes(dataset("Officials said the talks in Moscow were constructive.", { quote: "the talks in Moscow were constructive", about: ["moscow"], claimants: [{ group }] }))).toEqual([]);
  });

  test("unattributed speech, in full", () => {
    const text = "Washington said it restricted Pioneer Point.";
    expect(checkAttribution(dataset(text, { quote: "it restricted Pioneer Point", kind: "reporting", claimants: [], about: ["pioneer-point"] }))).toEqual([
      { path: "$.facts[0]", code: "unattributed-speech", factId: "f", reason: 'the quote\'s sentence attributes speech, but fact "f" has no claimant', explained: false },
    ]);
  });

  test("a quote across two sentences reads both, and the one before them", () => {
    const text = "Rain fell. The talks were long. Darchiev called them constructive. Moscow agreed.";
    // Darchiev is named in the quote's second sentence: both checks read it.
    expect(codes(dataset(text, { quote: "The talks were long. Darchiev called" }))).toEqual([]);
    // A quote in the second sentence alone: the window is the first two sentences, which name neither.
    expect(codes(dataset(text, { quote: "The talks were long", about: ["moscow"] }))).toEqual([
      ["claimant-not-in-sentence", "$.facts[0].claimants[0]"],
      ["about-not-named", "$.facts[0].about[0]"],
    ]);
  });

  test("the quote in the first sentence has no sentence before it", () => {
    expect(codes(dataset("The talks were constructive, Darchiev said.", { quote: "The talks were constructive" }))).toEqual([]);
  });

  test("facts on one source, each checked against its own sentence", () => {
    const d = dataset("Darchiev said the talks were constructive. Moscow was calm. Rain fell.", { quote: "the talks were constructive" });
    d.facts.push({ ...d.facts[0]!, id: "g", quote: "Rain fell", about: ["moscow"], claimants: ["moscow"] });
    expect(checkAttribution(d).map((w) => [w.factId, w.code, w.path])).toEqual([["g", "about-not-named", "$.facts[1].about[0]"]]);
  });

  test("a fact whose source has no text, or whose quote is not in it, is left to validation", () => {
    const d = dataset("Darchiev said the talks were constructive.", { quote: "the talks were constructive" });
    d.sources.push({ id: "cited", title: "c", publisher: { ar: "ن", en: "N" }, language: "en" });
    d.facts.push({ ...d.facts[0]!, id: "g", source: "cited", about: ["moscow"] });
    d.facts.push({ ...d.facts[0]!, id: "h", quote: "not in the text", about: ["moscow"] });
    expect(checkAttribution(d)).toEqual([]);
  });

  test("an id that no entity has is named nowhere", () => {
    const d = dataset("Darchiev said the talks were constructive.", { quote: "the talks were constructive" });
    d.facts[0]!.about = ["ghost"];
    d.facts[0]!.claimants = ["phantom"];
    expect(codes(d)).toEqual([["claimant-not-in-sentence", "$.facts[0].claimants[0]"], ["about-not-named", "$.facts[0].about[0]"]]);
  });

  test("a group is found by any one of its members; a label that normalises to nothing finds nothing", () => {
    const text = "Moscow said the talks were constructive.";
    const members = { group: { ar: "العاصمتان", en: "both capitals" }, members: ["washington", "moscow"] };
    expect(codes(dataset(text, { quote: "the talks were constructive", about: ["moscow"], claimants: [members] }))).toEqual([]);
    const blank = { group: { ar: "ـــ", en: "observers" } };
    expect(codes(dataset(text, { quote: "the talks were constructive", about: ["moscow"], claimants: [blank] }))).toEqual([["claimant-not-in-sentence", "$.facts[0].claimants[0]"]]);
  });
});


describe("checkAttribution on a fact whose source is missing", () => {
  test("says nothing about it (validation reports the missing source) rather than throwing", () => {
    const d = dataset("قال دارشيف إن المحادثات بناءة.", { quote: "المحادثات بناءة" });
    d.facts[0]!.source = "no-such-source";
    expect(checkAttribution(d)).toEqual([]);
  });
});
