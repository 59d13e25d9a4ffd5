import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { datasetSchema } from "../../src/core/dataset-schema.ts";
import { Matcher } from "../../src/core/matcher.ts";
import { evaluateCorpus, loadCorpus, parseLabelFile, scannedText } from "../../scripts/lib/corpus-labels.ts";
import { testDataset } from "../core/test-dataset.ts";

const matcher = new Matcher(compileMatcherTable([datasetSchema.parse(testDataset())]));

/** A page of plain text, so its offsets are offsets into the file. */
const PAGE = "Rubio met Darchiev in Moscow. Thanks US. D.C. said";
const label = (start: number, end: number, entity: string, extra: object = {}) => ({
  start,
  end,
  text: PAGE.slice(start, end),
  entity,
  label: "correct",
  ...extra,
});

describe("a label file is checked, each problem with its JSON path", () => {
  test.each([
    ["not JSON", "{", "not valid JSON"],
    ["no mentions list", JSON.stringify({ page: "p.txt" }), "$.mentions"],
    ["a false positive without a reason", JSON.stringify({ page: "p.txt", mentions: [label(22, 28, "moscow", { label: "false-positive" })] }), "$.mentions[0].reason: a false positive needs a reason"],
    ["a known label without a reason", JSON.stringify({ page: "p.txt", mentions: [label(0, 5, "rubio", { known: true })] }), "$.mentions[0].reason: a known label needs a reason"],
    ["end before start", JSON.stringify({ page: "p.txt", mentions: [{ ...label(0, 5, "rubio"), start: 6 }] }), "$.mentions[0].end: end must be after start"],
    ["an unknown verdict", JSON.stringify({ page: "p.txt", mentions: [label(0, 5, "rubio", { label: "maybe" })] }), "$.mentions[0].label"],
    ["an unknown field", JSON.stringify({ page: "p.txt", mentions: [label(0, 5, "rubio", { why: "x" })] }), "$.mentions[0]"],
    ["not sorted by start", JSON.stringify({ page: "p.txt", mentions: [label(10, 18, "darchiev"), label(0, 5, "rubio")] }), "$.mentions: mentions must be sorted by start"],
    ["the same span twice", JSON.stringify({ page: "p.txt", mentions: [label(0, 5, "rubio"), label(0, 5, "rubio")] }), "two labels for the same span"],
    ["a text that is not on the page there", JSON.stringify({ page: "p.txt", mentions: [{ ...label(0, 5, "rubio"), text: "Rubia" }] }), '$.mentions[0].text: "Rubia", but the page has "Rubio" at 0–5'],
    ["another page's file", JSON.stringify({ page: "q.txt", mentions: [] }), "$.page: says q.txt, the file is for p.txt"],
  ])("%s", (_case, raw, problem) => {
    const { problems } = parseLabelFile("p.txt.json", raw, "p.txt", PAGE);
    expect(problems.join("\n")).toContain(problem);
  });

  test("a valid file has no problem", () => {
    const raw = JSON.stringify({ page: "p.txt", mentions: [label(0, 5, "rubio"), label(22, 28, "moscow", { label: "false-positive", reason: "r" })] });
    expect(parseLabelFile("p.txt.json", raw, "p.txt", PAGE)).toEqual({ labels: JSON.parse(raw).mentions, problems: [] });
  });
});

test("the scanned text of an HTML page is its collected runs joined by line breaks", () => {
  expect(scannedText("a.html", "<html><body><p>Rubio <b>met</b> him</p><p>in Moscow</p></body></html>")).toBe("Rubio met him\nin Moscow");
  expect(scannedText("a.txt", "Rubio\n\nMoscow")).toBe("Rubio\n\nMoscow");
});

describe("a corpus evaluated against its labels", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), "corpus-labels-"));
    await mkdir(path.join(root, "pages/news-en"), { recursive: true });
    await mkdir(path.join(root, "labels/news-en"), { recursive: true });
    await writeFile(path.join(root, "pages/news-en/a.txt"), PAGE);
    await writeFile(path.join(root, "pages/news-en/b.txt"), "Rubio again");
    await writeFile(
      path.join(root, "labels/news-en/a.txt.json"),
      JSON.stringify({
        page: "a.txt",
        mentions: [
          label(0, 5, "rubio"),
          // Darchiev (10–18) is left unlabelled on purpose.
          label(22, 28, "moscow", { label: "false-positive", reason: "a test's false positive" }),
          label(37, 39, "united-states", { label: "false-positive", reason: "the pronoun", known: true }),
          label(41, 45, "washington", { note: "a form the test dataset lacks" }),
        ],
      }),
    );
    await writeFile(path.join(root, "labels/news-en/gone.txt.json"), JSON.stringify({ page: "gone.txt", mentions: [] }));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  test("a missing corpus folder fails and says where it looked", async () => {
    await expect(loadCorpus("news-ar", path.join(root, "pages"), path.join(root, "labels"))).rejects.toThrow(path.join(root, "pages/news-ar"));
  });

  test("pages without labels and labels without pages are reported", async () => {
    const loaded = await loadCorpus("news-en", path.join(root, "pages"), path.join(root, "labels"));
    expect(loaded.pages.map((p) => [p.page, p.labels === null])).toEqual([
      ["a.txt", false],
      ["b.txt", true],
    ]);
    expect(loaded.problems).toEqual([`${path.join(root, "labels/news-en/gone.txt.json")}: no page gone.txt in ${path.join(root, "pages/news-en")}`]);
  });

  test("each span found is correct, a false positive or unlabelled; each correct label is found or lost", async () => {
    const e = evaluateCorpus(await loadCorpus("news-en", path.join(root, "pages"), path.join(root, "labels")), matcher);
    const spans = (list: { page: string; text: string }[]) => list.map((s) => `${s.page}:${s.text}`);
    expect(e.unlabelledPages).toEqual(["b.txt"]);
    expect(spans(e.unlabelled)).toEqual(["a.txt:Darchiev", "b.txt:Rubio"]);
    expect(spans(e.falsePositives)).toEqual(["a.txt:Moscow"]);
    expect(spans(e.falsePositivesKnown)).toEqual(["a.txt:US"]);
    expect(spans(e.lost)).toEqual(["a.txt:D.C."]);
    expect(e.lostKnown).toEqual([]);
    // Found: Rubio, Darchiev, Moscow, US on a; Rubio on b. Correct labels: Rubio and D.C. on a.
    expect(e.counts).toEqual({ found: 5, foundCorrect: 1, foundFalse: 2, foundUnlabelled: 2, correct: 2 });
    expect(e.precision).toBe(1 / 5);
    expect(e.recall).toBe(1 / 2);
    expect(e.perAlias.get("rubio: rubio")).toEqual({ found: 2, foundCorrect: 1, foundFalse: 0, foundUnlabelled: 1, correct: 1 });
    expect(e.perAlias.get("washington: d.c.")).toEqual({ found: 0, foundCorrect: 0, foundFalse: 0, foundUnlabelled: 0, correct: 1 });
    expect(e.perAlias.get("united-states: us")).toEqual({ found: 1, foundCorrect: 0, foundFalse: 1, foundUnlabelled: 0, correct: 0 });
  });
});
