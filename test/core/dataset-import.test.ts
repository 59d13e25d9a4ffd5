import { describe, expect, test, vi } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import {
  contestedAliases,
  formatMegabytes,
  importSizeProblem,
  MAX_IMPORT_BYTES,
  parseDatasetImport,
  utf8Length,
} from "../../src/core/dataset-import.ts";
import { hostileDataset, junk, malformedFiles, quillmere, tenMegabytesOfJunk } from "../fixtures/datasets/test-datasets.ts";
import { testDataset, validDataset } from "./test-dataset.ts";

const BUNDLED_ID = "istanbul-talks-2025";
const parse = (text: string) => parseDatasetImport(text, { bundledId: BUNDLED_ID });

describe("parseDatasetImport", () => {
  test("accepts the valid test dataset", () => {
    const result = parse(JSON.stringify(quillmere()));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.dataset.entities.map((e) => e.id)).toContain("ilse-varnhagen");
  });

  test("accepts a file that starts with a byte-order mark", () => {
    expect(parse(`\uFEFF${JSON.stringify(quillmere())}`).ok).toBe(true);
  });

  test.each(malformedFiles(BUNDLED_ID).map((file) => [file.name, file] as const))("refuses %s, naming each problem's JSON path and code", (_, file) => {
    const result = parse(file.content);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    for (const expected of file.problems) expect(result.problems).toContainEqual(expect.objectContaining(expected));
    for (const problem of result.problems) {
      expect(problem.path).toMatch(/^\$/);
      expect(problem.message.length).toBeGreaterThan(5);
    }
  });

  test("a textFile is one problem, not also a missing text", () => {
    const file = malformedFiles(BUNDLED_ID).find((f) => f.file === "text-file.json")!;
    const result = parse(file.content);
    expect(result.ok ? [] : result.problems).toEqual([
      expect.objectContaining({ path: "$.sources[0].textFile", code: "text-file", message: expect.stringContaining("inline") }),
    ]);
  });

  test("a textFile beside an inline text is still refused", () => {
    const dataset = quillmere();
    (dataset.sources[0] as Record<string, unknown>).textFile = "article.txt";
    const result = parse(JSON.stringify(dataset));
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(["text-file"]);
  });

  test("a reader's dataset may list exclusions; a malformed one is refused with its JSON path", () => {
    const dataset = quillmere();
    const entity = dataset.entities[0]!;
    const name = entity.name.en;
    entity.exclusions = [`${name} Foundation`];
    expect(parse(JSON.stringify(dataset)).ok).toBe(true);
    entity.exclusions = [`${name} Foundation`, "Nothing of hers", ""];
    const result = parse(JSON.stringify(dataset));
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual([
      "schema $.entities[0].exclusions[2]",
    ]);
    entity.exclusions = ["Nothing of hers"];
    const second = parse(JSON.stringify(dataset));
    expect(second.ok ? [] : second.problems.map((p) => `${p.code} ${p.path}`)).toEqual(["exclusion-without-name $.entities[0].exclusions[0]"]);
  });

  test("a reader's format-2 dataset may set facts against each other; a dispute of an unknown fact is refused with its JSON path", () => {
    const dataset = testDataset();
    dataset.facts!.push({ id: "tass-said", about: ["tass"], text: { ar: "قالت تاس.", en: "TASS said." }, source: "article", quote: "المحادثات", kind: "reported", claimants: ["tass"] });
    const label = { ar: "نقطة الخلاف", en: "The point in dispute" };
    dataset.disputes = [{ id: "point", label, facts: ["darchiev-said", "tass-said"] }];
    const accepted = parse(JSON.stringify(dataset));
    expect(accepted.ok && accepted.dataset.disputes).toEqual([{ id: "point", label, facts: ["darchiev-said", "tass-said"] }]);
    dataset.disputes = [{ id: "point", label, facts: ["darchiev-said", "unheard-of"] }];
    const refused = parse(JSON.stringify(dataset));
    expect(refused.ok ? [] : refused.problems.map((p) => `${p.code} ${p.path}`)).toEqual(["unknown-fact $.disputes[0].facts[1]"]);
  });

  test("a format-1 file has no disputes: the field is unknown there", () => {
    const result = parse(JSON.stringify({ ...quillmere(), disputes: [] }));
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path} ${p.issue}`)).toEqual(["schema $ unrecognized_keys"]);
  });

  test("reports the bundled id along with the dataset's other problems", () => {
    const dataset = quillmere();
    dataset.id = BUNDLED_ID;
    dataset.facts![0]!.quote = "not in the article";
    const result = parse(JSON.stringify(dataset));
    expect(result.ok ? [] : result.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual(["bundled-id $.id", "quote-not-in-source $.facts[0].quote"]);
  });

  test("invalid JSON says where the parser stopped", () => {
    const result = parse('{"id": "x",\n  "name": }');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual([{ path: "$", code: "invalid-json", message: expect.stringMatching(/^not valid JSON: .+/) }]);
  });

  test("10 MB of junk is refused by its size at once, without being parsed", () => {
    const file = tenMegabytesOfJunk();
    expect(file.content.length).toBe(10 * 1024 * 1024);
    // Refused before the parser sees it: a behaviour, not a timing (speed belongs in the bench).
    const jsonParse = vi.spyOn(JSON, "parse");
    const result = parse(file.content);
    expect(jsonParse).not.toHaveBeenCalled();
    jsonParse.mockRestore();
    expect(result).toEqual({ ok: false, problems: [{ path: "$", code: "too-large", message: "the file is 10 MB; a dataset to import may be at most 2 MB" }] });
  });

  test("the limit is on UTF-8 bytes: Arabic text counts two bytes a letter", () => {
    const dataset = quillmere();
    const base = JSON.stringify(dataset).length;
    // Just under the limit in UTF-16 code units, but over it in UTF-8.
    dataset.sources[0]!.text += ` ${"ب".repeat(Math.ceil((MAX_IMPORT_BYTES - base) / 2) + 10)}`;
    const text = JSON.stringify(dataset);
    expect(text.length).toBeLessThan(MAX_IMPORT_BYTES);
    expect(utf8Length(text)).toBeGreaterThan(MAX_IMPORT_BYTES);
    expect(parse(text).ok ? "accepted" : (parse(text) as { problems: { code: string }[] }).problems[0]!.code).toBe("too-large");
  });

  test("a valid dataset of nearly 2 MB is accepted", () => {
    const dataset = quillmere();
    dataset.sources[0]!.text += `\n\n${"Filler text for the size test. ".repeat(Math.floor((MAX_IMPORT_BYTES - 10_000) / 31))}`;
    const text = JSON.stringify(dataset);
    expect(utf8Length(text)).toBeGreaterThan(MAX_IMPORT_BYTES * 0.95);
    expect(parse(text).ok).toBe(true);
  });

  test("junk under the limit is refused by the parser or the schema, never thrown", () => {
    for (const text of [junk(100_000), "null", "0", '"a dataset"', "[]", "{}", '{"__proto__": {"id": "x"}}', "[".repeat(100_000)]) {
      const result = parse(text);
      expect(result.ok, text.slice(0, 30)).toBe(false);
    }
  });

  test("a dataset with markup in its texts is valid: markup is only text", () => {
    expect(parse(JSON.stringify(hostileDataset())).ok).toBe(true);
  });
});

describe("the size limit", () => {
  test("is 2 MB, checked on a file's size before reading", () => {
    expect(MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
    expect(importSizeProblem(MAX_IMPORT_BYTES)).toBeNull();
    expect(importSizeProblem(MAX_IMPORT_BYTES + 1)).toMatchObject({ path: "$", code: "too-large" });
    expect(formatMegabytes(10.5 * 1024 * 1024)).toBe("10.5 MB");
  });

  test.each([
    ["ASCII", "abc", 3],
    ["Arabic", "دارشيف", 12],
    ["an astral character", "𝔸", 4],
    ["a lone surrogate", "\ud800", 3],
    ["mixed", "a ب €", 1 + 1 + 2 + 1 + 3],
  ])("utf8Length counts %s as the encoder does", (_, text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    if (!/[\ud800-\udfff]/.test(text) || text.length > 1) expect(new TextEncoder().encode(text).length).toBe(bytes);
  });
});

describe("the size limit at each edge", () => {
  test.each<[string, string, number]>([
    ["the last one-byte unit", "\u007f", 1],
    ["the first two-byte unit", "\u0080", 2],
    ["the last two-byte unit", "\u07ff", 2],
    ["the first three-byte unit", "\u0800", 3],
    ["the last unit before the surrogates", "\ud7ff", 3],
    ["the first unit after the surrogates", "\ue000", 3],
    ["the last BMP unit", "\uffff", 3],
    ["the first surrogate pair", "\ud800\udc00", 4],
    ["the last surrogate pair", "\udbff\udfff", 4],
    ["a high surrogate before a letter", "\ud83dA", 3 + 1],
    ["a high surrogate before a unit after the surrogates", "\udbff\ue000", 3 + 3],
    ["a high surrogate before a high surrogate", "\ud83d\ud83d", 3 + 3],
    ["a high surrogate at the end, after text", "ab\ud83d", 1 + 1 + 3],
    ["a lone low surrogate", "\ude00", 3],
    ["a pair between letters", "a\ud83d\ude00b", 1 + 4 + 1],
    ["the empty text", "", 0],
  ])("utf8Length: %s", (_case, text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
  });

  test.each<[number, string]>([
    [2 * 1024 * 1024, "2 MB"],
    [1024 * 1024, "1 MB"],
    [3.5 * 1024 * 1024, "3.5 MB"],
    [2 * 1024 * 1024 + 1, "2.0 MB"],
    [1258291, "1.2 MB"],
  ])("formatMegabytes(%i) is %s", (bytes, text) => {
    expect(formatMegabytes(bytes)).toBe(text);
  });

  test("the size problem says both sizes", () => {
    expect(importSizeProblem(3 * 1024 * 1024)).toEqual({ path: "$", code: "too-large", message: "the file is 3 MB; a dataset to import may be at most 2 MB" });
  });

  test("a text exactly at the limit in UTF-8 passes the size check; one byte more does not", () => {
    // One Arabic letter (two bytes) short of the limit, then one or two ASCII bytes: no JSON, so the parser speaks next.
    const base = "ب".repeat(MAX_IMPORT_BYTES / 2 - 1);
    expect(parse(`${base}xx`)).toMatchObject({ ok: false, problems: [{ code: "invalid-json" }] });
    expect(parse(`${base}xxx`)).toMatchObject({ ok: false, problems: [{ code: "too-large" }] });
  });
});

describe("contestedAliases", () => {
  test("lists each name an earlier table already claims, with its path and who keeps it", () => {
    const bundled = compileMatcherTable([validDataset(testDataset())]);
    const dataset = validDataset({
      ...quillmere(),
      entities: [
        ...quillmere().entities,
        { id: "another-rubio", type: "person", name: { ar: "روبيو آخر", en: "Another Rubio" }, aliases: ["Rubio", "RUBIO", "رُوبيو"], summary: { ar: "م.", en: "S." } },
      ],
    });
    const contested = contestedAliases(dataset, [bundled]);
    // "RUBIO" and "رُوبيو" normalise to names already listed ("Rubio", and "روبيو" of the bundled entity).
    expect(contested.map((c) => [c.path, c.alias, c.entity, `${c.owner.dataset}/${c.owner.id}`])).toEqual([
      // The test article's "Washington" (the state) is the test dataset's Washington (the city).
      ["$.entities[5].aliases[0]", "Washington", "washington-state", "test/washington"],
      ["$.entities[6].aliases[0]", "Rubio", "another-rubio", "test/rubio"],
      ["$.entities[6].aliases[2]", "رُوبيو", "another-rubio", "test/rubio"],
    ]);
  });

  test("a name the earlier table lists as not ours is not contested: the reader's entity takes it", () => {
    const bundled = compileMatcherTable([validDataset(testDataset())], ["Washington State"]);
    const dataset = quillmere();
    const state = dataset.entities.find((e) => e.id === "washington-state")!;
    state.aliases = ["Washington State"];
    expect(contestedAliases(validDataset(dataset), [bundled]).map((c) => c.alias)).toEqual([]);
  });

  test("none when the names are all new", () => {
    const bundled = compileMatcherTable([validDataset(testDataset())]);
    const dataset = quillmere();
    dataset.entities = dataset.entities.filter((e) => e.id !== "washington-state");
    expect(contestedAliases(validDataset(dataset), [bundled])).toEqual([]);
  });
});

describe("utf8Length: units that look like the start of a pair", () => {
  test.each<[string, string, number]>([
    ["a three-byte unit before a lone low surrogate", "\u0800\udc00", 3 + 3],
    ["a lone low surrogate before a low surrogate", "\udc00\udc01", 3 + 3],
  ])("%s", (_case, text, bytes) => {
    expect(utf8Length(text)).toBe(bytes);
    expect(new TextEncoder().encode(text).length).toBe(bytes);
  });
});

describe("the size limit for a text exactly MAX_IMPORT_BYTES units long", () => {
  test("counts its UTF-8 bytes: one two-byte letter puts it over", () => {
    const text = `é${"a".repeat(MAX_IMPORT_BYTES - 1)}`;
    expect(parse(text)).toEqual({
      ok: false,
      problems: [{ path: "$", code: "too-large", message: "the file is 2.0 MB; a dataset to import may be at most 2 MB" }],
    });
  });
});

describe("a source with both textFile and a wrong text", () => {
  test("is told both: textFile, and what is wrong with its text", () => {
    const json = quillmere() as unknown as { sources: Record<string, unknown>[] };
    json.sources[0]!.textFile = "article.txt";
    json.sources[0]!.text = 5;
    const result = parse(JSON.stringify(json));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ["$.sources[0].textFile", "text-file"],
      ["$.sources[0].text", "schema"],
    ]);
  });
});

describe("contestedAliases with several earlier tables", () => {
  test("the first table that claims a name keeps it", () => {
    const bundled = compileMatcherTable([validDataset(testDataset())]);
    const earlierImport = compileMatcherTable([validDataset(quillmere())]);
    const washington = contestedAliases(validDataset(quillmere()), [bundled, earlierImport]).filter((c) => c.alias === "Washington");
    expect(washington.map((c) => `${c.owner.dataset}/${c.owner.id}`)).toEqual(["test/washington"]);
  });
});

describe("the size a too-large text is told", () => {
  test("is its UTF-8 size, not its length, even when its length alone is over the limit", () => {
    // Three million Arabic letters: 3 M units, 6 M bytes (5.7 MB), not 2.9 MB.
    expect(parse("ب".repeat(3_000_000))).toEqual({
      ok: false,
      problems: [{ path: "$", code: "too-large", message: "the file is 5.7 MB; a dataset to import may be at most 2 MB" }],
    });
  });
});
