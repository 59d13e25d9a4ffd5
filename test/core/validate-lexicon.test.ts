/**
 * The lexicon of names that are not ours: its validation (every problem with its JSON path) and a
 * guard over the bundled lexicon files — each entry is valid and, compiled as the build compiles
 * it, keeps every one of our names inside it from being a mention.
 */
import { describe, expect, test } from "vitest";
import { validateLexicon, type LexiconProblem } from "../../src/core/validate-lexicon.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { bundledMatcherTable } from "../../scripts/lib/bundled-matcher-table.ts";
import { readLexicon } from "../../scripts/lib/read-lexicon.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../../scripts/lib/read-dataset-file.ts";

const names = ["New York", "Washington", "America", "US", "واشنطن", "أمريكا"];

function lexicon(entries: unknown[]): unknown {
  return { language: "en", about: "Test entries.", entries };
}

function problemsOf(input: unknown, listedBefore?: ReadonlySet<string>): LexiconProblem[] {
  const result = validateLexicon(input, names, listedBefore);
  return result.ok ? [] : result.problems;
}

describe("validateLexicon", () => {
  test("accepts entries that contain one of our names, Latin and Arabic, with proclitics", () => {
    const result = validateLexicon(lexicon([
      { phrase: "The New York Times", kind: "media" },
      { phrase: "Latin America", kind: "region" },
      { phrase: "واشنطن بوست", kind: "media" },
      { phrase: "معهد وواشنطن للدراسات", kind: "institution" },
    ]), names);
    expect(result.ok).toBe(true);
  });

  test.each<[string, unknown, string, RegExp]>([
    ["a missing kind", lexicon([{ phrase: "New York Post" }]), "$.entries[0].kind", /./],
    ["an unknown kind", lexicon([{ phrase: "New York Post", kind: "newspaper" }]), "$.entries[0].kind", /./],
    ["an empty phrase", lexicon([{ phrase: "  ", kind: "media" }]), "$.entries[0].phrase", /./],
    ["an unknown field", lexicon([{ phrase: "New York Post", kind: "media", note: "x" }]), "$.entries[0]", /./],
    ["a phrase that is not a string", lexicon([{ phrase: 7, kind: "media" }]), "$.entries[0].phrase", /./],
    ["no entries", lexicon([]), "$.entries", /./],
    ["a missing about", { language: "en", entries: [{ phrase: "New York Post", kind: "media" }] }, "$.about", /./],
    ["a phrase with none of our names", lexicon([{ phrase: "Le Monde", kind: "media" }]), "$.entries[0].phrase", /none of our names/],
    ["a name only inside a longer word", lexicon([{ phrase: "The Americas", kind: "region" }]), "$.entries[0].phrase", /none of our names/],
    ["only the bad entry beside a good one (case is folded)", lexicon([{ phrase: "new york post", kind: "media" }, { phrase: "Le Monde", kind: "media" }]), "$.entries[1].phrase", /none of our names/],
    ["a phrase that is one of our names", lexicon([{ phrase: "New York", kind: "territory" }]), "$.entries[0].phrase", /one of our names/],
    ["a phrase listed twice (alike after normalisation)", lexicon([{ phrase: "New York Post", kind: "media" }, { phrase: "NEW YORK POST", kind: "media" }]), "$.entries[1].phrase", /listed already, at \$\.entries\[0\]\.phrase/],
    ["a phrase another file lists", lexicon([{ phrase: "New York Post", kind: "media" }]), "$.entries[0].phrase", /another lexicon file/],
  ])("names the JSON path of %s", (_case, input, path, message) => {
    const problems = problemsOf(input, _case.includes("another file") ? new Set(["new york post"]) : undefined);
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  test("reports every problem, not just the first", () => {
    const problems = problemsOf(lexicon([{ phrase: "Le Monde", kind: "media" }, { phrase: "Washington", kind: "person" }]));
    expect(problems.map((p) => p.path)).toEqual(["$.entries[0].phrase", "$.entries[1].phrase"]);
  });
});

describe("validateLexicon: every problem in full, one per entry", () => {
  test("a repeat points at the first listing, however often it comes back; the first rule that fails is the one told", () => {
    expect(problemsOf(lexicon([
      { phrase: "New York Post", kind: "media" },
      { phrase: "new york post", kind: "media" },
      { phrase: "NEW YORK POST", kind: "media" },
      { phrase: "Washington", kind: "person" },
      { phrase: "Washington", kind: "person" },
      { phrase: "Le Monde", kind: "media" },
      { phrase: "Le Monde", kind: "media" },
    ]), new Set(["new york post"]))).toEqual([
      { path: "$.entries[0].phrase", message: '"New York Post" is listed already, in another lexicon file' },
      { path: "$.entries[1].phrase", message: '"new york post" is listed already, at $.entries[0].phrase' },
      { path: "$.entries[2].phrase", message: '"NEW YORK POST" is listed already, at $.entries[0].phrase' },
      { path: "$.entries[3].phrase", message: '"Washington" is one of our names; a name not ours must be longer than ours' },
      { path: "$.entries[4].phrase", message: '"Washington" is one of our names; a name not ours must be longer than ours' },
      { path: "$.entries[5].phrase", message: '"Le Monde" contains none of our names, so it could never keep one from matching' },
      { path: "$.entries[6].phrase", message: '"Le Monde" contains none of our names, so it could never keep one from matching' },
    ]);
  });

  test("a valid file comes back parsed, its phrases trimmed", () => {
    expect(validateLexicon(lexicon([{ phrase: "  Latin America ", kind: "region" }]), names)).toEqual({
      ok: true,
      lexicon: { language: "en", about: "Test entries.", entries: [{ phrase: "Latin America", kind: "region" }] },
    });
  });

  test.each<[string, boolean]>([
    ["en", true],
    ["mul", true],
    ["en-GB", true],
    ["zh-Hant-TW", true],
    ["e", false],
    ["engl", false],
    ["EN", false],
    ["en_GB", false],
    ["en-", false],
  ])("the language tag %s is accepted: %s", (language, ok) => {
    expect(validateLexicon({ language, about: "x", entries: [{ phrase: "Latin America", kind: "region" }] }, names).ok).toBe(ok);
  });
});

describe("the bundled lexicon", async () => {
  const dataset = await readDatasetFile(BUNDLED_DATASET);
  if (!dataset.ok) throw new Error("the bundled dataset is invalid");
  const read = await readLexicon([dataset.dataset]);

  test("every file is valid against the bundled dataset's names", () => {
    expect(read.ok ? [] : read.problems).toEqual([]);
  });

  test("has Arabic and Latin-script files, and every kind of name", () => {
    if (!read.ok) throw new Error("invalid lexicon");
    expect(read.files.map((f) => f.lexicon.language).sort()).toEqual(["ar", "en", "mul"]);
    const kinds = new Set(read.files.flatMap((f) => f.lexicon.entries.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual(["company", "event", "institution", "media", "person", "region", "sports", "territory", "work"]);
  });

  test("each entry, alone on a line, is no mention at all", async () => {
    const matcher = new Matcher((await bundledMatcherTable()).table);
    if (!read.ok) throw new Error("invalid lexicon");
    const leaking = read.phrases.filter((phrase) => matcher.findMentions(`${phrase} said.`).length > 0);
    expect(leaking).toEqual([]);
  });
});
