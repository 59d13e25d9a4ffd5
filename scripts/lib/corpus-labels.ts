/**
 * Hand labels of the real news corpora (`../shared/corpus/<corpus>/`) and the evaluation of a
 * matcher against them: which labelled mentions it finds, which labelled false positives it
 * returns, which spans it reports that nobody labelled, and precision and recall per corpus and
 * per alias. Used by `test/fixtures/real-pages.test.ts`, `scripts/corpus-report.ts` and the
 * bench. The labels live in `test/fixtures/real-pages/<corpus>/<page file name>.json`; the pages
 * themselves are third-party and are only ever read from the shared folder, never copied here.
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseHTML } from "linkedom";
import * as z from "zod/mini";
import type { Matcher } from "../../src/core/matcher.ts";
import { normalizeString } from "../../src/core/normalize-text.ts";
import { collectTextRuns } from "../../src/page/collect-text-runs.ts";
import { looksLikeHtml, scanPage } from "./scan-page.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Where the real pages are: beside the checkout, shared by every worktree, never in the repository. */
const CORPUS_ROOT = path.resolve(ROOT, "../shared/corpus");
/** Where the labels are: one JSON file per page. */
const LABELS_ROOT = path.join(ROOT, "test/fixtures/real-pages");
/** The labelled corpora. */
export const CORPORA = ["news-en", "news-ar"] as const;
/** One of the labelled corpora. */
export type CorpusName = (typeof CORPORA)[number];

/** One hand label: a span of the page's collected text, the entity it was matched to, and the verdict. */
const labelSchema = z
  .strictObject({
    start: z.int().check(z.nonnegative()),
    end: z.int().check(z.positive()),
    /** The span as written on the page; checked against the page on every load. */
    text: z.string().check(z.minLength(1)),
    /** The dataset entity id: the one named (correct) or the one wrongly reported (false positive). */
    entity: z.string().check(z.minLength(1)),
    label: z.enum(["correct", "false-positive"]),
    /** Why a false positive is wrong, or why a `known` label is accepted. */
    reason: z.optional(z.string().check(z.minLength(1))),
    /** Anything worth knowing about a correct label (e.g. a form today's matcher misses). */
    note: z.optional(z.string().check(z.minLength(1))),
    /** An accepted miss (correct) or an accepted remaining error (false positive): counted, never failing. */
    known: z.optional(z.boolean()),
  })
  .check(
    z.refine((l) => l.end > l.start, { message: "end must be after start", path: ["end"] }),
    z.refine((l) => l.end - l.start === l.text.length, { message: "text must be as long as end - start", path: ["text"] }),
    z.refine((l) => l.label !== "false-positive" || l.reason !== undefined, { message: "a false positive needs a reason", path: ["reason"] }),
    z.refine((l) => l.known !== true || l.reason !== undefined, { message: "a known label needs a reason", path: ["reason"] }),
  );

/** One hand label. */
export type Label = z.infer<typeof labelSchema>;

/** The labels of one page, sorted by start; an empty list says the page has no mention at all. */
const labelFileSchema = z
  .strictObject({
    page: z.string().check(z.minLength(1)),
    mentions: z.array(labelSchema),
  })
  .check(
    z.refine((f) => f.mentions.every((m, i) => i === 0 || f.mentions[i - 1]!.start <= m.start), {
      message: "mentions must be sorted by start",
      path: ["mentions"],
    }),
    z.refine(
      (f) => new Set(f.mentions.map((m) => `${m.start}:${m.end}:${m.entity}`)).size === f.mentions.length,
      { message: "two labels for the same span and entity", path: ["mentions"] },
    ),
  );

/** A page of a corpus with its text and labels (null when it has no label file yet). */
interface LabelledPage {
  page: string;
  content: string;
  /** The text the scanner's offsets index into. */
  text: string;
  labels: Label[] | null;
}

/** A corpus as loaded: its pages, and every problem with a label file (each names file and JSON path). */
export interface LoadedCorpus {
  corpus: CorpusName;
  pages: LabelledPage[];
  problems: string[];
}

/**
 * The text `scanPage` reports offsets into: for HTML, the collected runs joined by "\n"; for
 * plain text, the file itself. It mirrors `scanPage`; every label's `text` is checked against it,
 * so the two cannot drift apart unnoticed.
 */
export function scannedText(file: string, content: string): string {
  if (!looksLikeHtml(file, content)) return content;
  const { document } = parseHTML(content);
  return [...collectTextRuns(document.documentElement ?? document)].map((run) => run.text).join("\n");
}

/** The path of a problem inside a label file, as `$.mentions[3].reason`. */
function issuePath(issuePathParts: readonly PropertyKey[]): string {
  return `$${issuePathParts.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}`;
}

/** Parses one label file and checks it against its page; problems are returned, never thrown. */
export function parseLabelFile(file: string, raw: string, page: string, text: string): { labels: Label[] | null; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return { labels: null, problems: [`${file}: not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = labelFileSchema.safeParse(json);
  if (!parsed.success) {
    return { labels: null, problems: parsed.error.issues.map((i) => `${file} ${issuePath(i.path)}: ${i.message}`) };
  }
  const problems: string[] = [];
  if (parsed.data.page !== page) problems.push(`${file} $.page: says ${parsed.data.page}, the file is for ${page}`);
  parsed.data.mentions.forEach((m, i) => {
    const onPage = text.slice(m.start, m.end);
    if (onPage !== m.text) problems.push(`${file} $.mentions[${i}].text: ${JSON.stringify(m.text)}, but the page has ${JSON.stringify(onPage)} at ${m.start}–${m.end}`);
  });
  return { labels: parsed.data.mentions, problems };
}

/**
 * Loads a corpus's pages from the shared folder and their labels from the repository. Throws,
 * with a message that says where the pages should be, when the corpus folder is missing.
 */
export async function loadCorpus(corpus: CorpusName, corpusRoot = CORPUS_ROOT, labelsRoot = LABELS_ROOT): Promise<LoadedCorpus> {
  const pagesDir = path.join(corpusRoot, corpus);
  if (!existsSync(pagesDir)) {
    throw new Error(`the real-page corpus ${corpus} is missing: expected its pages in ${pagesDir} (the shared corpus beside the checkout; it is never copied into the repository)`);
  }
  const labelsDir = path.join(labelsRoot, corpus);
  const pageFiles = (await readdir(pagesDir)).filter((f) => /\.(x?html?|txt)$/i.test(f)).sort();
  const labelFiles = existsSync(labelsDir) ? (await readdir(labelsDir)).filter((f) => f.endsWith(".json")).sort() : [];
  const problems: string[] = [];
  for (const f of labelFiles) {
    if (!pageFiles.includes(f.slice(0, -".json".length))) problems.push(`${path.join(labelsDir, f)}: no page ${f.slice(0, -".json".length)} in ${pagesDir}`);
  }
  const pages: LabelledPage[] = [];
  for (const page of pageFiles) {
    const content = await readFile(path.join(pagesDir, page), "utf8");
    const text = scannedText(page, content);
    const labelFile = path.join(labelsDir, `${page}.json`);
    let labels: Label[] | null = null;
    if (existsSync(labelFile)) {
      const result = parseLabelFile(labelFile, await readFile(labelFile, "utf8"), page, text);
      labels = result.labels;
      problems.push(...result.problems);
    }
    pages.push({ page, content, text, labels });
  }
  return { corpus, pages, problems };
}

/** A span the matcher reported, or a label, as the evaluation lists it. */
export interface Span {
  page: string;
  start: number;
  end: number;
  text: string;
  entity: string;
  /** The label's reason or note, when there is one. */
  why?: string;
}

/** Counts for precision and recall. */
export interface Counts {
  /** Spans the matcher reported. */
  found: number;
  /** Of those, the ones labelled correct. */
  foundCorrect: number;
  /** Of those, the ones labelled false positive. */
  foundFalse: number;
  /** Of those, the ones nobody labelled. */
  foundUnlabelled: number;
  /** Correct labels in the corpus (the matcher's ideal output). */
  correct: number;
}

/** The evaluation of one matcher on one corpus. */
export interface CorpusEvaluation {
  corpus: CorpusName;
  pages: number;
  /** Pages with no label file yet: every span found on them is unlabelled. */
  unlabelledPages: string[];
  counts: Counts;
  /** Correct spans found ÷ spans found: unlabelled spans count against it, as nobody vouched for them. */
  precision: number;
  /** Correct spans found ÷ correct labels. */
  recall: number;
  /** Per alias: the entity and the span's normalised text, e.g. `new-york: ny`. */
  perAlias: Map<string, Counts>;
  /** Correct labels not found; `known` ones are accepted and kept apart. */
  lost: Span[];
  lostKnown: Span[];
  /** False-positive labels found again; `known` ones are accepted and kept apart. */
  falsePositives: Span[];
  falsePositivesKnown: Span[];
  /** Spans found that no label covers (same start, end and entity). */
  unlabelled: Span[];
}

function emptyCounts(): Counts {
  return { found: 0, foundCorrect: 0, foundFalse: 0, foundUnlabelled: 0, correct: 0 };
}

/** A ratio that is 1 when there is nothing to measure (no span found, no correct label). */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

/** Precision of a set of counts: correct spans found ÷ spans found. */
export function precisionOf(c: Counts): number {
  return ratio(c.foundCorrect, c.found);
}

/** Recall of a set of counts: correct spans found ÷ correct labels. */
export function recallOf(c: Counts): number {
  return ratio(c.foundCorrect, c.correct);
}

/** The per-alias key of a span: entity and the written form, normalised as the matcher does. */
function aliasKey(entity: string, text: string): string {
  return `${entity}: ${normalizeString(text)}`;
}

/** Runs the matcher over every page of a loaded corpus and compares what it finds with the labels. */
export function evaluateCorpus(loaded: LoadedCorpus, matcher: Matcher): CorpusEvaluation {
  const counts = emptyCounts();
  const perAlias = new Map<string, Counts>();
  const alias = (entity: string, text: string): Counts => {
    const key = aliasKey(entity, text);
    let c = perAlias.get(key);
    if (!c) perAlias.set(key, (c = emptyCounts()));
    return c;
  };
  const evaluation: CorpusEvaluation = {
    corpus: loaded.corpus,
    pages: loaded.pages.length,
    unlabelledPages: [],
    counts,
    precision: 1,
    recall: 1,
    perAlias,
    lost: [],
    lostKnown: [],
    falsePositives: [],
    falsePositivesKnown: [],
    unlabelled: [],
  };
  for (const { page, content, labels } of loaded.pages) {
    if (labels === null) evaluation.unlabelledPages.push(page);
    const byKey = new Map((labels ?? []).map((l) => [`${l.start}:${l.end}:${l.entity}`, l]));
    const seen = new Set<string>();
    for (const m of scanPage(page, content, matcher)) {
      const key = `${m.start}:${m.end}:${m.entity}`;
      const span: Span = { page, start: m.start, end: m.end, text: m.text, entity: m.entity };
      const label = byKey.get(key);
      const a = alias(m.entity, m.text);
      counts.found++;
      a.found++;
      if (label === undefined) {
        counts.foundUnlabelled++;
        a.foundUnlabelled++;
        evaluation.unlabelled.push(span);
        continue;
      }
      seen.add(key);
      if (label.label === "correct") {
        counts.foundCorrect++;
        a.foundCorrect++;
      } else {
        counts.foundFalse++;
        a.foundFalse++;
        (label.known ? evaluation.falsePositivesKnown : evaluation.falsePositives).push({ ...span, why: label.reason });
      }
    }
    for (const l of labels ?? []) {
      if (l.label !== "correct") continue;
      counts.correct++;
      alias(l.entity, l.text).correct++;
      if (seen.has(`${l.start}:${l.end}:${l.entity}`)) continue;
      const span: Span = { page, start: l.start, end: l.end, text: l.text, entity: l.entity, why: l.reason ?? l.note };
      (l.known ? evaluation.lostKnown : evaluation.lost).push(span);
    }
  }
  evaluation.precision = precisionOf(counts);
  evaluation.recall = recallOf(counts);
  return evaluation;
}

/** A span with its neighbourhood on the page, on one line, for failure messages and reports. */
export function spanInContext(span: Span, text: string, around = 50): string {
  const before = text.slice(Math.max(0, span.start - around), span.start);
  const after = text.slice(span.end, span.end + around);
  const flat = (s: string) => s.replace(/\s+/g, " ");
  return `${span.page} ${span.start}–${span.end} ${span.entity}: …${flat(before)}[${flat(span.text)}]${flat(after)}…${span.why ? ` (${span.why})` : ""}`;
}
