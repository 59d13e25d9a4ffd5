/**
 * Precision and recall on real news pages: the bundled dataset's matcher against the hand labels
 * of `../shared/corpus/` (see scripts/lib/corpus-labels.ts and docs/matching.md). A figure of
 * quality, not speed: there is no baseline to run beside it, so the row compares with the
 * labels themselves (what a perfect matcher would score) and the issue's target.
 */
import { Matcher } from "../../src/core/matcher.ts";
import { CORPORA, evaluateCorpus, loadCorpus, precisionOf, recallOf, type Counts } from "../lib/corpus-labels.ts";
import { bundledMatcherTable } from "../lib/bundled-matcher-table.ts";
import type { ReportRow } from "./report-row.ts";

const SECTION = "Real pages (hand labels)";
/** Issue 10's acceptance: per corpus, on the labelled shared corpora. */
const TARGET = 0.99;

/** One corpus's figures, with the per-alias counts behind them. */
interface CorpusFigures {
  corpus: string;
  pages: number;
  unlabelledPages: number;
  counts: Counts;
  precision: number;
  recall: number;
  /** `entity: normalised written form` → counts, most frequent first. */
  perAlias: [string, Counts][];
}

export interface PrecisionDetails {
  corpora: CorpusFigures[];
}

export interface PrecisionResults {
  rows: ReportRow[];
  details: PrecisionDetails;
}

/** A share as a percentage with its parts: "74.9 % (420 of 561)". */
function share(part: number, whole: number): string {
  return whole === 0 ? "n/a (none)" : `${((part / whole) * 100).toFixed(1)} % (${part} of ${whole})`;
}

/** Evaluates the bundled dataset's matcher on every labelled corpus. */
export async function runPrecisionBench(): Promise<PrecisionResults> {
  // The table the build ships: the bundled dataset and the lexicon of names not ours.
  const matcher = new Matcher((await bundledMatcherTable()).table);
  const rows: ReportRow[] = [];
  const corpora: CorpusFigures[] = [];
  for (const corpus of CORPORA) {
    const e = evaluateCorpus(await loadCorpus(corpus), matcher);
    corpora.push({
      corpus,
      pages: e.pages,
      unlabelledPages: e.unlabelledPages.length,
      counts: e.counts,
      precision: e.precision,
      recall: e.recall,
      perAlias: [...e.perAlias].sort(([a, x], [b, y]) => y.found + y.correct - (x.found + x.correct) || a.localeCompare(b)),
    });
    const row = (figure: string, ours: string, value: number): ReportRow => ({
      section: SECTION,
      figure: `${corpus} ${figure}`,
      ours,
      baseline: "labels: 100 %",
      ratio: null,
      sense: "cost",
      target: "≥ 99 %",
      met: value >= TARGET,
    });
    rows.push(
      row("precision (correct ÷ found)", share(e.counts.foundCorrect, e.counts.found), e.precision),
      row("recall (found ÷ labelled correct)", share(e.counts.foundCorrect, e.counts.correct), e.recall),
    );
  }
  return { rows, details: { corpora } };
}

/** The per-corpus and per-alias figures as report lines (for the notes under the table). */
export function formatPrecisionNotes(details: PrecisionDetails): string[] {
  const lines: string[] = [];
  const percent = (v: number) => `${(v * 100).toFixed(1)} %`.padStart(7);
  for (const c of details.corpora) {
    lines.push(
      `Real pages, ${c.corpus}: ${c.pages} pages${c.unlabelledPages > 0 ? ` (${c.unlabelledPages} without labels: their spans count as wrong)` : ""}; ` +
        `found ${c.counts.found} (correct ${c.counts.foundCorrect}, false ${c.counts.foundFalse}, unlabelled ${c.counts.foundUnlabelled}), labelled correct ${c.counts.correct}. Per alias (entity: written form), precision / recall / found / labelled correct:`,
    );
    for (const [alias, counts] of c.perAlias) {
      lines.push(`  ${alias.padEnd(44)} ${percent(precisionOf(counts))} ${percent(recallOf(counts))} ${String(counts.found).padStart(4)} ${String(counts.correct).padStart(4)}`);
    }
  }
  return lines;
}
