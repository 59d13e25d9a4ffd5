/**
 * The benchmark's output: one plain-text table (figure | ours | baseline | ratio | target | met?)
 * under the machine and date, then the notes that say what each figure was measured on.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { formatMachine, type Machine } from "./machine.ts";
import type { MatcherDetails } from "./matcher.ts";
import type { PageDetails } from "./page.ts";
import { formatPrecisionNotes, type PrecisionDetails } from "./precision.ts";
import { bytes, formatRatio, ms, type ReportRow } from "./report-row.ts";
import type { SidePanelDetails } from "./side-panel.ts";
import { formatSizeNotes, type SizeDetails } from "./size.ts";
import type { FirefoxDetails } from "./firefox.ts";
import type { FramesDetails } from "./frames.ts";
import type { TouchDetails } from "./touch.ts";

/** Everything one run of `npm run bench` found. */
export interface BenchResults {
  machine: Machine;
  rows: ReportRow[];
  matcher?: MatcherDetails;
  page?: PageDetails;
  firefox?: FirefoxDetails;
  size?: SizeDetails;
  frames?: FramesDetails;
  touch?: TouchDetails;
  precision?: PrecisionDetails;
  sidePanel?: SidePanelDetails;
}

const HEADERS = ["figure", "ours", "baseline", "ratio", "target", "met?"] as const;

function metText(met: boolean | null): string {
  return met === null ? "—" : met ? "yes" : "NO";
}

/** The table, with a line per section, columns padded to line up. */
function formatTable(rows: readonly ReportRow[]): string[] {
  const cells = rows.map((r) => [r.figure, r.ours, r.baseline, formatRatio(r), r.target, metText(r.met)]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => [...c[i]!].length)));
  const line = (values: readonly string[]) => values.map((v, i) => v + " ".repeat(widths[i]! - [...v].length)).join(" | ").trimEnd();
  const out = [line(HEADERS), widths.map((w) => "-".repeat(w)).join("-|-")];
  let section = "";
  rows.forEach((row, i) => {
    if (row.section !== section) {
      section = row.section;
      out.push(`[${section}]`);
    }
    out.push(line(cells[i]!));
  });
  return out;
}

/** What the figures were measured on, and the causes the benchmark can see. */
function formatNotes(results: BenchResults): string[] {
  const notes: string[] = [];
  const { matcher, page, size } = results;
  if (matcher) {
    const [small, large] = matcher.dictionaries;
    notes.push(
      `Matcher: ${bytes(matcher.corpusBytes)} of UTF-8 text (${(matcher.corpusUnits / 1e6).toFixed(2)} M code units) in ${matcher.corpusRuns} text runs ` +
        `(the two fixture pages' runs, repeated); medians of ${matcher.runs} passes after a warm-up pass. MB = 1,000,000 bytes of UTF-8 text.`,
    );
    for (const d of [small, large]) {
      if (!d) continue;
      notes.push(
        `  ${d.name}: ${d.aliases} aliases → ${d.patterns} patterns; matcher found ${d.mentions} mentions, ` +
          `regex ${d.regexMatches} matches on ${bytes(d.regexSampleBytes)}` +
          (d.regexSampleBytes < matcher.corpusBytes ? ` (a sample spread over the corpus, ${d.regexPasses} passes; the regex is too slow for all of it)` : "") +
          `; regex compile timed ${d.regexCompileRuns} time(s).`,
      );
    }
  }
  if (page) {
    notes.push(
      `Page: ${bytes(page.page.htmlBytes)} of HTML, ${bytes(page.page.textBytes)} of article text (${(page.page.textUnits / 1e6).toFixed(2)} M code units), ` +
        `${page.page.articles} articles, ${page.page.paragraphs} paragraphs; medians of ${page.runs} fresh page loads per figure.`,
      `  Our highlight holds ${page.highlights} ranges; mark.js made ${page.markJsMarks ?? "n/a"} marks${page.markJsTimedOut ? " (stopped at the cap)" : ""} ` +
        `(${page.markRuns} run${page.markRuns === 1 ? "" : "s"}), advanced-mark.js ${page.advancedMarkMarks ?? "n/a"}; same ${page.aliases} aliases for all.`,
      `  Longest task after load, median traced run: ${ms(page.longestTaskOn.durationMs)} at ${ms(page.longestTaskOn.startAfterLoadMs)} after load` +
        (page.longestTaskOn.parts.length > 0 ? `, of which ${page.longestTaskOn.parts.map(([n, t]) => `${n} ${ms(t)}`).join(", ")}` : "") +
        `; overlay off: ${ms(page.longestTaskOff.durationMs)}.`,
      `  The Long Tasks API (PerformanceObserver 'longtask') reported ${ms(page.longTasksApiOn)} (overlay on) and ${ms(page.longTasksApiOff)} (off): ` +
        `it does not see rendering work or content scripts, hence the trace.`,
      `  Longest animation frame after load, median run: ${page.longestFrameOn.duration > 0 ? `${ms(page.longestFrameOn.duration)}${page.longestFrameOn.detail ? `: ${page.longestFrameOn.detail}` : ""}` : "none over 50 ms"}; overlay off: ${page.longestFrameOff > 0 ? ms(page.longestFrameOff) : "none over 50 ms"}.`,
      `  Hover: the card was shown (its host in the document and opaque) ${ms(page.hoverToHostMs)} after the dwell and took the pointer ` +
        `(no longer inert) ${ms(page.hoverToInteractiveMs)} after it; one frame here is ${ms(page.frameMs)}.`,
    );
    if (page.embedderHeapOn !== null && page.embedderHeapOff !== null) {
      notes.push(`  Heap figures: V8 heap of the page's renderer isolate (page and content-script worlds) and Blink's heap, after two forced GCs.`);
    }
  }
  if (results.firefox) {
    const f = results.firefox;
    notes.push(
      `Firefox: ${f.version}, the built dist/firefox as a temporary add-on; the same page as the Chromium part, medians of ${f.runs} fresh tabs ` +
        `(scans ${f.samples.map((s) => ms(s.scanMs)).join(", ")}). Slices are the scan's \`backstory:task\` measures; Firefox gives pages whole milliseconds, so the floor is the median of five passes.`,
    );
  }
  if (results.frames) {
    const f = results.frames;
    const row = (name: string) => `${ms(f.medians[name]!.with.mainMs)} / ${bytes(f.medians[name]!.with.v8 + f.medians[name]!.with.blink)} with, ${ms(f.medians[name]!.without.mainMs)} / ${bytes(f.medians[name]!.without.v8 + f.medians[name]!.without.blink)} without`;
    notes.push(
      `Frames: medians of ${f.runs} loads per page and browser (one Chromium with the extension, one without, turn about); main-thread time is every top-level task on every renderer main thread from navigation to 3 s after load, memory the V8 + Blink heaps of the renderers holding the page (${f.processes}) after two GCs.`,
      `  ${f.frames} ad frames (cross-origin: another port): ${row("frames")}; the same page without frames: ${row("noFrames")}; typical article: ${row("article")}.`,
      `  Our scripts' time in the top frame (left out of the per-frame figure, which counts the sub-frames' events): ${ms(f.topFrameExtensionMs)}; per frame, an empty content script's: ${ms(f.floorFrameMs)}, one that only reads \`document.body\`: ${ms(f.readingFloorFrameMs)} (the first touch of the document sets up its DOM bindings in the fresh world).`,
      `  Per empty frame: V8 ${bytes(f.frameBytes.v8)}, Blink ${bytes(f.frameBytes.blink)}; an extension whose all-frames content script is \`void 0;\` adds ${bytes(f.floorFrameBytes)} per frame (the isolated world Chromium creates for any content script), one whose script is \`document.body;\` ${bytes(f.readingFloorFrameBytes)}.`,
    );
  }
  if (size) notes.push(...formatSizeNotes(size));
  if (results.precision) notes.push(...formatPrecisionNotes(results.precision));
  return notes;
}

/** The whole report as text. */
export function formatReport(results: BenchResults): string {
  const met = results.rows.filter((r) => r.met === true).length;
  const missed = results.rows.filter((r) => r.met === false);
  return [
    ...formatMachine(results.machine),
    "",
    ...formatTable(results.rows),
    "",
    `Targets met: ${met} of ${met + missed.length}.${missed.length > 0 ? ` Missed: ${missed.map((r) => r.figure).join("; ")}.` : ""}`,
    "",
    ...formatNotes(results),
  ].join("\n");
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

/** Replaces the results block of a Markdown file (between the bench:results markers) with `report`. */
export function writeResultsInto(file: string, report: string): void {
  const text = readFileSync(file, "utf8");
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  if (from < 0 || to < from) throw new Error(`${file} has no ${START} … ${END} block`);
  writeFileSync(file, `${text.slice(0, from + START.length)}\n\n\`\`\`text\n${report}\n\`\`\`\n\n${text.slice(to)}`);
}
