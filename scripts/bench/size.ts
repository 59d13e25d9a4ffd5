/**
 * Size: the scripts as built, raw and gzipped, for both browsers, beside mark.js's minified
 * build as a baseline for "a library that highlights words in a page". Three scripts reach a page:
 * - `content-script.js`, in every top frame and in every sub-frame with text (the budget's script);
 * - `frame-gate.js`, in every sub-frame: a check for text, which loads the full script if it finds some;
 * - `card-view.js`, injected into a frame the first time a card may open there.
 * The notes say what the compiled table embedded in the content script costs, and its lexicon of
 * names that are not ours.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { compileMatcherTable } from "../../src/core/compile-matcher-table.ts";
import { CHROME_BUILD, ROOT } from "../lib/chromium-with-extension.ts";
import { bundledMatcherTable } from "../lib/bundled-matcher-table.ts";
import { bytes, type ReportRow } from "./report-row.ts";

const SECTION = "Size";
const TARGET_GZIP_BYTES = 40_000;
const FIREFOX_BUILD = path.join(ROOT, "dist/firefox");

export interface SizeDetails {
  rawBytes: number;
  gzipBytes: number;
  /** The same script in the Firefox build. */
  firefoxGzipBytes: number;
  gateGzipBytes: number;
  cardViewGzipBytes: number;
  /** The compiled dictionary (JSON), which the bundle embeds, with and without the lexicon of names not ours. */
  tableRawBytes: number;
  tableGzipBytes: number;
  tableWithoutLexiconGzipBytes: number;
  lexiconPhrases: number;
}

export interface SizeResults {
  rows: ReportRow[];
  details: SizeDetails;
}

function gzipped(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/** The size part's notes: what the table and the lexicon cost inside the content script. */
export function formatSizeNotes(size: SizeDetails): string[] {
  return [
    `Size: the compiled table embedded in content-script.js is ${bytes(size.tableRawBytes)} as JSON (${bytes(size.tableGzipBytes)} gzipped on its own); ` +
      `without the lexicon of names that are not ours (${size.lexiconPhrases} phrases) it would be ${bytes(size.tableWithoutLexiconGzipBytes)}: ` +
      `the lexicon costs ${bytes(size.tableGzipBytes - size.tableWithoutLexiconGzipBytes)} gzipped. KB = 1,000 bytes.`,
    `  Every sub-frame parses only frame-gate.js (${bytes(size.gateGzipBytes)}); card-view.js (${bytes(size.cardViewGzipBytes)}: Preact, Floating UI, the card and its styles) is injected on a frame's first dwell.`,
  ];
}

/** Measures the built scripts (run the build first). */
export async function runSizeBench(): Promise<SizeResults> {
  const script = readFileSync(path.join(CHROME_BUILD, "content-script.js"));
  const markJs = readFileSync(path.join(ROOT, "node_modules/mark.js/dist/mark.min.js"));
  const { dataset, table, lexicon } = await bundledMatcherTable();
  const json = JSON.stringify(table);
  const details: SizeDetails = {
    rawBytes: script.length,
    gzipBytes: gzipped(script),
    firefoxGzipBytes: gzipped(readFileSync(path.join(FIREFOX_BUILD, "content-script.js"))),
    gateGzipBytes: gzipped(readFileSync(path.join(CHROME_BUILD, "frame-gate.js"))),
    cardViewGzipBytes: gzipped(readFileSync(path.join(CHROME_BUILD, "card-view.js"))),
    tableRawBytes: Buffer.byteLength(json),
    tableGzipBytes: gzipped(json),
    tableWithoutLexiconGzipBytes: gzipped(JSON.stringify(compileMatcherTable([dataset]))),
    lexiconPhrases: lexicon.length,
  };
  const markGzip = gzipped(markJs);
  const gzipRow = (figure: string, value: number, target: string, met: boolean | null): ReportRow => ({
    section: SECTION,
    figure,
    ours: bytes(value),
    baseline: `mark.js min ${bytes(markGzip)}`,
    ratio: value / markGzip,
    sense: "cost",
    target,
    met,
  });
  return {
    details,
    rows: [
      gzipRow("Content script bundle, gzipped (level 9), Chrome", details.gzipBytes, "≤ 40 KB", details.gzipBytes <= TARGET_GZIP_BYTES),
      gzipRow("Content script bundle, gzipped, Firefox", details.firefoxGzipBytes, "≤ 40 KB", details.firefoxGzipBytes <= TARGET_GZIP_BYTES),
      {
        section: SECTION,
        figure: "Content script bundle, raw",
        ours: bytes(details.rawBytes),
        baseline: `mark.js min ${bytes(markJs.length)}`,
        ratio: details.rawBytes / markJs.length,
        sense: "cost",
        target: "—",
        met: null,
      },
      gzipRow("Sub-frame gate (every sub-frame), gzipped", details.gateGzipBytes, "—", null),
      gzipRow("Card UI (on a frame's first dwell), gzipped", details.cardViewGzipBytes, "—", null),
    ],
  };
}
