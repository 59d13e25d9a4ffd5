import { describe, expect, test } from "vitest";
import type { DatasetInput } from "../../src/core/dataset-schema.ts";
import type { DatasetV1Input } from "../../src/core/migrate-dataset.ts";
import { jsonPath, validateDataset, type DatasetProblem } from "../../src/core/validate-dataset.ts";
import { testDataset } from "./test-dataset.ts";

/** A secondary source: cited, its text not bundled. */
const citedSource = { id: "newsday", title: "Soviet compound closed", publisher: { ar: "نيوزداي", en: "Newsday" }, language: "en", published: "2016-12-30", url: "https://www.newsday.com/" };

/** A dispute between `facts`, labelled in both languages. */
function dispute(id: string, facts: string[]) {
  return { id, label: { ar: "هل المحادثات بناءة", en: "Whether the talks were constructive" }, facts };
}

/** Adds a second fact, by TASS, so a dispute can set two facts against each other. */
function withSecondFact(d: DatasetInput): void {
  d.facts!.push({ id: "tass-said", about: ["tass"], text: { ar: "قالت تاس.", en: "TASS said." }, source: "article", quote: "المحادثات", kind: "reported", claimants: ["tass"] });
}

function problemsOf(change: (d: DatasetInput) => void): DatasetProblem[] {
  const dataset = testDataset();
  change(dataset);
  const result = validateDataset(dataset);
  return result.ok ? [] : result.problems;
}

describe("validateDataset", () => {
  test("accepts a valid dataset", () => {
    expect(validateDataset(testDataset()).ok).toBe(true);
  });

  test.each<[string, (d: DatasetInput) => void, Partial<DatasetProblem>]>([
    ["a missing field", (d) => void delete (d.facts![0] as Partial<NonNullable<DatasetInput["facts"]>[0]>).kind, { path: "$.facts[0].kind", code: "schema", issue: "missing" }],
    ["a format-1 field in a format-2 file", (d) => void ((d.entities[0] as Record<string, unknown>).summary = { ar: "ملخص.", en: "Summary." }), { path: "$.entities[0]", code: "schema", issue: "unrecognized_keys" }],
    ["an unknown format", (d) => void ((d as { format: number }).format = 3), { path: "$.format", code: "schema" }],
    ["a wrong type", (d) => void ((d.entities[1] as { type: string }).type = "planet"), { path: "$.entities[1].type", code: "schema" }],
    ["an unknown field", (d) => void ((d.facts![0] as Record<string, unknown>).certainty = 1), { path: "$.facts[0]", code: "schema" }],
    ["an id that is not a slug", (d) => void (d.entities[2]!.id = "Moscow City"), { path: "$.entities[2].id", code: "schema" }],
    ["a duplicate entity id", (d) => void (d.entities[3]!.id = "moscow"), { path: "$.entities[3].id", code: "duplicate-id" }],
    ["a duplicate fact id", (d) => void d.facts!.push({ ...d.facts![0]! }), { path: "$.facts[1].id", code: "duplicate-id" }],
    ["a duplicate source id", (d) => void d.sources.push({ ...d.sources[0]! }), { path: "$.sources[1].id", code: "duplicate-id" }],
    ["an unknown claimant", (d) => void (d.facts![0]!.claimants = ["darchiev", "lavrov"]), { path: "$.facts[0].claimants[1]", code: "unknown-entity" }],
    ["an unknown group member", (d) => void (d.facts![0]!.claimants = [{ group: { ar: "دبلوماسيين", en: "diplomats" }, members: ["atlantis"] }]), { path: "$.facts[0].claimants[0].members[0]", code: "unknown-entity" }],
    ["an unknown intermediary", (d) => void (d.facts![0]!.via = "reuters"), { path: "$.facts[0].via", code: "unknown-entity" }],
    ["a quote without a claimant", (d) => {
      d.facts![0]!.kind = "quote";
      d.facts![0]!.claimants = [];
    }, { path: "$.facts[0].claimants", code: "kind-claimants" }],
    ["reported speech without a claimant", (d) => void (d.facts![0]!.claimants = []), { path: "$.facts[0].claimants", code: "kind-claimants" }],
    ["the outlet's own reporting with a claimant", (d) => void (d.facts![0]!.kind = "reporting"), { path: "$.facts[0].claimants", code: "kind-claimants" }],
    ["the outlet's own assessment with a claimant", (d) => void (d.facts![0]!.kind = "assessment"), { path: "$.facts[0].claimants", code: "kind-claimants" }],
    ["a fact on a source without text", (d) => {
      d.sources.push(citedSource);
      d.facts![0]!.source = "newsday";
    }, { path: "$.facts[0].source", code: "source-without-text" }],
    ["a background statement without sources", (d) => void (d.entities[1]!.background = [{ text: { ar: "خلفية.", en: "Background." }, sources: [] }]), { path: "$.entities[1].background[0].sources", code: "background-unsourced" }],
    ["a citation of an unknown fact", (d) => void (d.entities[1]!.background![0]!.sources = [{ fact: "nothing" }]), { path: "$.entities[1].background[0].sources[0].fact", code: "unknown-fact" }],
    ["a citation of an unknown source", (d) => void (d.entities[1]!.background![0]!.sources = [{ source: "nowhere" }]), { path: "$.entities[1].background[0].sources[0].source", code: "unknown-source" }],
    ["a citation quote not verbatim", (d) => void (d.entities[1]!.background![0]!.sources = [{ source: "article", quote: "قال لافروف" }]), { path: "$.entities[1].background[0].sources[0].quote", code: "quote-not-in-source" }],
    ["a quote of a source without text", (d) => {
      d.sources.push(citedSource);
      d.entities[1]!.note = { text: { ar: "ملاحظة.", en: "A note." }, sources: [{ source: "newsday", quote: "Norwich House" }] };
    }, { path: "$.entities[1].note.sources[0].quote", code: "source-without-text" }],
    ["an unknown fact in a fact's note", (d) => void (d.facts![0]!.note = { text: { ar: "ملاحظة.", en: "A note." }, sources: [{ fact: "ghost" }] }), { path: "$.facts[0].note.sources[0].fact", code: "unknown-fact" }],
    ["an editor's note without sources", (d) => void (d.facts![0]!.note = { text: { ar: "ملاحظة.", en: "A note." }, sources: [] }), { path: "$.facts[0].note.sources", code: "schema", issue: "too_small" }],
    ["an asOf that is not a date", (d) => void (d.entities[0]!.background![0]!.asOf = "April 2025"), { path: "$.entities[0].background[0].asOf", code: "schema" }],
    ["an unknown entity in about", (d) => void d.facts![0]!.about.push("nobody"), { path: "$.facts[0].about[1]", code: "unknown-entity" }],
    ["an unknown related entity", (d) => void (d.entities[0]!.related = ["moscow", "ghost"]), { path: "$.entities[0].related[1]", code: "unknown-entity" }],
    ["an entity related to itself", (d) => void (d.entities[0]!.related = ["darchiev"]), { path: "$.entities[0].related[0]", code: "related-to-itself" }],
    ["an unknown source", (d) => void (d.facts![0]!.source = "elsewhere"), { path: "$.facts[0].source", code: "unknown-source" }],
    ["a quote not verbatim in its source", (d) => void (d.facts![0]!.quote = "قال دارشيف إن المحادثات بناءة"), { path: "$.facts[0].quote", code: "quote-not-in-source" }],
    ["an alias claimed by two entities", (d) => void d.entities[2]!.aliases!.push("واشنطن"), { path: "$.entities[3].name.ar", code: "alias-ambiguous" }],
    ["an alias that differs only in normalisation", (d) => void d.entities[2]!.aliases!.push("وَاشِنْطُن"), { path: "$.entities[3].name.ar", code: "alias-ambiguous" }],
    ["an alias that normalises to nothing", (d) => void d.entities[2]!.aliases!.push("\u0640\u064e\u200d"), { path: "$.entities[2].aliases[0]", code: "alias-empty" }],
    ["an exclusion that contains none of the entity's names", (d) => void (d.entities[3]!.exclusions = ["George Washington", "Moscow Times"]), { path: "$.entities[3].exclusions[1]", code: "exclusion-without-name" }],
    ["an exclusion with another entity's name only", (d) => void (d.entities[2]!.exclusions = ["Washington Post"]), { path: "$.entities[2].exclusions[0]", code: "exclusion-without-name" }],
    ["an exclusion that is only a longer word", (d) => void (d.entities[2]!.exclusions = ["Moscowitz"]), { path: "$.entities[2].exclusions[0]", code: "exclusion-without-name" }],
    ["an exclusion that is a name of an entity", (d) => void (d.entities[2]!.exclusions = ["Moscow Times", "Rubio"]), { path: "$.entities[2].exclusions[1]", code: "exclusion-is-a-name" }],
    ["an exclusion that is empty", (d) => void (d.entities[2]!.exclusions = [""]), { path: "$.entities[2].exclusions[0]", code: "schema" }],
    ["a dispute of an unknown fact", (d) => void (d.disputes = [dispute("d", ["darchiev-said", "ghost"])]), { path: "$.disputes[0].facts[1]", code: "unknown-fact" }],
    ["a dispute of one fact", (d) => void (d.disputes = [dispute("d", ["darchiev-said"])]), { path: "$.disputes[0].facts", code: "dispute-too-few-facts" }],
    ["a dispute of no fact", (d) => void (d.disputes = [dispute("d", [])]), { path: "$.disputes[0].facts", code: "dispute-too-few-facts" }],
    ["a dispute that lists a fact twice", (d) => void (d.disputes = [dispute("d", ["darchiev-said", "darchiev-said"])]), { path: "$.disputes[0].facts[1]", code: "dispute-repeats-fact" }],
    ["a dispute that lists a fact twice beside another", (d) => {
      withSecondFact(d);
      d.disputes = [dispute("d", ["darchiev-said", "tass-said", "darchiev-said"])];
    }, { path: "$.disputes[0].facts[2]", code: "dispute-repeats-fact" }],
    ["a duplicate dispute id", (d) => {
      withSecondFact(d);
      d.disputes = [dispute("d", ["darchiev-said", "tass-said"]), dispute("d", ["tass-said", "darchiev-said"])];
    }, { path: "$.disputes[1].id", code: "duplicate-id" }],
    ["a dispute without its label", (d) => void (d.disputes = [{ id: "d", facts: ["darchiev-said"] } as unknown as ReturnType<typeof dispute>]), { path: "$.disputes[0].label", code: "schema", issue: "missing" }],
    ["a dispute label in one language only", (d) => void (d.disputes = [{ ...dispute("d", ["darchiev-said"]), label: { en: "Whether" } } as unknown as ReturnType<typeof dispute>]), { path: "$.disputes[0].label.ar", code: "schema", issue: "missing" }],
  ])("names the JSON path of %s", (_case, change, expected) => {
    const problems = problemsOf(change);
    expect(problems).toContainEqual(expect.objectContaining(expected));
    for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
  });

  test("accepts exclusions that contain one of the entity's names, Arabic ones with a proclitic", () => {
    const dataset = testDataset();
    dataset.entities[3]!.exclusions = ["George Washington", "جامعة وواشنطن"];
    expect(validateDataset(dataset).ok).toBe(true);
  });

  test("accepts a dispute between two different facts, and a format-2 file without disputes", () => {
    const d = testDataset();
    withSecondFact(d);
    expect(validateDataset(d)).toMatchObject({ ok: true, dataset: { disputes: [] } });
    d.disputes = [dispute("constructive", ["tass-said", "darchiev-said"])];
    expect(validateDataset(d)).toMatchObject({ ok: true, dataset: { disputes: [{ id: "constructive", facts: ["tass-said", "darchiev-said"] }] } });
  });

  test("reports every problem, not just the first", () => {
    const problems = problemsOf((d) => {
      d.facts![0]!.claimants = ["lavrov"];
      d.facts![0]!.quote = "not in the text";
      d.entities[3]!.id = "moscow";
    });
    expect(problems.map((p) => p.code).sort()).toEqual(["duplicate-id", "quote-not-in-source", "unknown-entity"]);
  });

  test("names the dataset root for something that is not a dataset", () => {
    const result = validateDataset([1, 2, 3]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.path).toBe("$");
  });

  test("accepts cited-only sources, groups, via, notes, asOf and an attribution note", () => {
    const d = testDataset();
    d.sources.push(citedSource);
    d.entities[0]!.background = [{ text: { ar: "سفير.", en: "Ambassador." }, asOf: "2025-04", sources: [{ fact: "darchiev-said" }, { source: "newsday" }, { source: "article", quote: "قال دارشيف" }] }];
    d.entities[0]!.note = { text: { ar: "ملاحظة.", en: "A note." }, sources: [{ source: "newsday" }] };
    Object.assign(d.facts![0]!, {
      kind: "quote",
      claimants: ["darchiev", { group: { ar: "دبلوماسيين روس", en: "Russian diplomats" }, members: ["moscow"] }],
      via: "tass",
      note: { text: { ar: "ملاحظة.", en: "A note." }, sources: [{ source: "newsday" }] },
      attributionNote: { ar: "سبب.", en: "Why." },
    });
    const result = validateDataset(d);
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe("validateDataset on format 1", () => {
  /** A format-1 file: no `format`, a `summary` per entity, at most one `claimant` per fact. */
  function formatOne(): DatasetV1Input {
    return {
      id: "old",
      name: { ar: "قديم", en: "Old" },
      version: "1.0.0",
      sources: [{ id: "article", title: "عنوان", publisher: { ar: "وكالات", en: "Agencies" }, language: "ar", eventDate: "2025-04-10", text: "قال دارشيف إن المحادثات بناءة. وأعلنت موسكو ذلك." }],
      entities: [
        { id: "darchiev", type: "person", name: { ar: "ألكسندر دارشيف", en: "Alexander Darchiev" }, summary: { ar: "سفير روسيا.", en: "Russia's ambassador." } },
        { id: "moscow", type: "place", name: { ar: "موسكو", en: "Moscow" }, summary: { ar: "عاصمة روسيا.", en: "Russia's capital." } },
      ],
      facts: [
        { id: "said", about: ["darchiev"], text: { ar: "قال.", en: "Said." }, source: "article", quote: "المحادثات بناءة", claimant: "darchiev" },
        { id: "reported", about: ["moscow"], text: { ar: "أعلن.", en: "Announced." }, source: "article", quote: "وأعلنت موسكو ذلك" },
      ],
    };
  }

  test("migrates claimant, summary and the missing kind; a summary becomes one unsourced statement", () => {
    const result = validateDataset(formatOne());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset.format).toBe(2);
    expect(result.dataset.facts.map((f) => [f.id, f.kind, f.claimants])).toEqual([
      ["said", "reported", ["darchiev"]],
      ["reported", "reporting", []],
    ]);
    expect(result.dataset.entities[0]!.background).toEqual([{ text: { ar: "سفير روسيا.", en: "Russia's ambassador." }, sources: [] }]);
  });

  test("an explicit format 1 is format 1 too", () => {
    expect(validateDataset({ ...formatOne(), format: 1 }).ok).toBe(true);
  });

  test("reports problems at the paths the file has", () => {
    const d = formatOne();
    d.facts![0]!.claimant = "ghost";
    delete (d.entities[1] as Partial<DatasetV1Input["entities"][0]>).summary;
    expect(validateDataset(d)).toEqual({ ok: false, problems: [expect.objectContaining({ path: "$.entities[1].summary", issue: "missing" })] });
    const e = formatOne();
    e.facts![0]!.claimant = "ghost";
    expect(validateDataset(e)).toEqual({ ok: false, problems: [expect.objectContaining({ path: "$.facts[0].claimant", code: "unknown-entity" })] });
  });

  test("format-2 fields are unknown in a format-1 file", () => {
    const d = formatOne() as DatasetV1Input & { facts: Record<string, unknown>[] };
    d.facts[0]!.kind = "quote";
    expect(validateDataset(d)).toEqual({ ok: false, problems: [expect.objectContaining({ path: "$.facts[0]", issue: "unrecognized_keys" })] });
  });
});

describe("jsonPath", () => {
  test.each<[PropertyKey[], string]>([
    [[], "$"],
    [["entities", 2, "aliases", 0], "$.entities[2].aliases[0]"],
    [["_private", "$ref", "a1"], "$._private.$ref.a1"],
    [["a-b"], '$["a-b"]'],
    [["1st"], '$["1st"]'],
    [["two words"], '$["two words"]'],
    [["quote\"d"], '$["quote\\"d"]'],
    [[""], '$[""]'],
    [["é"], '$["é"]'],
  ])("%j → %s", (path, expected) => {
    expect(jsonPath(path)).toBe(expected);
  });
});

describe("validateDataset: what each problem says", () => {
  test.each<[string, (d: DatasetInput) => void, DatasetProblem]>([
    ["a duplicate id names the first", (d) => void (d.entities[3]!.id = "moscow"), { path: "$.entities[3].id", code: "duplicate-id", message: 'duplicate id "moscow", first used at $.entities[2].id' }],
    ["an ambiguous alias names the other entity and where it has it", (d) => void d.entities[2]!.aliases!.push("Rubio"), { path: "$.entities[5].aliases[0]", code: "alias-ambiguous", message: 'alias "Rubio" of "rubio" is also an alias of "moscow" ($.entities[2].aliases[0])' }],
    ["an exclusion that is a name names whose", (d) => void (d.entities[2]!.exclusions = ["Rubio"]), { path: "$.entities[2].exclusions[0]", code: "exclusion-is-a-name", message: 'exclusion "Rubio" of "moscow" is a name of "rubio" ($.entities[5].aliases[0])' }],
    ["an unknown entity", (d) => void d.facts![0]!.about.push("nobody"), { path: "$.facts[0].about[1]", code: "unknown-entity", message: 'no entity has the id "nobody"' }],
    ["a quote not verbatim", (d) => void (d.facts![0]!.quote = "x"), { path: "$.facts[0].quote", code: "quote-not-in-source", message: 'the quote of fact "darchiev-said" is not verbatim in source "article"' }],
    ["a quote without a claimant", (d) => {
      d.facts![0]!.kind = "quote";
      d.facts![0]!.claimants = [];
    }, { path: "$.facts[0].claimants", code: "kind-claimants", message: 'fact "darchiev-said" is a direct quote, so it needs at least one claimant' }],
    ["reported speech without a claimant", (d) => void (d.facts![0]!.claimants = []), { path: "$.facts[0].claimants", code: "kind-claimants", message: 'fact "darchiev-said" is reported speech, so it needs at least one claimant' }],
    ["an assessment with a claimant", (d) => void (d.facts![0]!.kind = "assessment"), { path: "$.facts[0].claimants", code: "kind-claimants", message: `fact "darchiev-said" is the outlet's own assessment, so it has no claimants; make it "quote" or "reported"` }],
  ])("%s", (_case, change, expected) => {
    expect(problemsOf(change)).toEqual([expected]);
  });

  test("an entity may list its own name again as an alias, alike after normalisation", () => {
    const d = testDataset();
    d.entities[2]!.aliases = ["MOSCOW", "موسكو"];
    expect(validateDataset(d).ok).toBe(true);
  });

  test("a wrong value that is present is not reported as missing", () => {
    const problems = problemsOf((d) => void ((d.entities[1] as { type: string }).type = "planet"));
    expect(problems).toEqual([expect.objectContaining({ path: "$.entities[1].type", code: "schema", issue: "invalid_value" })]);
  });

  test("a field given as null is of the wrong type, not missing", () => {
    const problems = problemsOf((d) => void ((d as Record<string, unknown>).name = null));
    expect(problems).toEqual([expect.objectContaining({ path: "$.name", code: "schema", issue: "invalid_type" })]);
  });
});

describe("validateDataset: messages that point an author at the place", () => {
  test("an unsourced background statement is counted from 1", () => {
    const problems = problemsOf((d) => {
      d.entities[0]!.background = [{ text: { ar: "ملخص.", en: "Summary." }, sources: [{ fact: "darchiev-said" }] }, { text: { ar: "خلفية.", en: "Background." }, sources: [] }];
    });
    expect(problems).toContainEqual({
      path: "$.entities[0].background[1].sources",
      code: "background-unsourced",
      message: 'background statement 2 of "darchiev" gives no source; cite a fact or a source',
    });
  });

  test("a fact listed twice in a dispute names where it was first listed", () => {
    const problems = problemsOf((d) => {
      withSecondFact(d);
      d.disputes = [dispute("d", ["darchiev-said", "tass-said", "darchiev-said"])];
    });
    expect(problems.find((p) => p.code === "dispute-repeats-fact")?.message).toBe('dispute "d" lists fact "darchiev-said" twice, first at $.disputes[0].facts[0]');
  });

  test("an English display name that normalises to nothing is reported at its path", () => {
    const problems = problemsOf((d) => {
      d.entities[2]!.name.en = "\u200b";
    });
    expect(problems.filter((p) => p.code === "alias-empty").map((p) => p.path)).toEqual(["$.entities[2].name.en"]);
  });
});
