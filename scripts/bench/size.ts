/**
 * Size: the content script as built (`dist/chrome/content-script.js`, which every page the
 * reader opens loads), raw and gzipped, beside mark.js's minified build as a baseline for "a
 * library that highlights words in a page".
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { CHROME_BUILD, ROOT } from "../lib/chromium-with-extension.ts";
import { bundledMatcherTable } from "../lib/bundled-matcher-table.ts";
import { bytes, type ReportRow } from "./report-row.ts";

const SECTION = "Size";
const TARGET_GZIP_BYTES = 40_000;

export interface SizeDetails {
  rawBytes: number;
  gzipBytes: number;
  /** The compiled dictionary (JSON), which the bundle embeds. */
  tableRawBytes: number;
  tableGzipBytes: number;
}

export interface SizeResults {
  rows: ReportRow[];
  details: SizeDetails;
}

function gzipped(content: Buffer | string): number {
  return gzipSync(content, { level: 9 }).length;
}

/** Measures the built content script (run the build first). */
export async function runSizeBench(): Promise<SizeResults> {
  const script = readFileSync(path.join(CHROME_BUILD, "content-script.js"));
  const markJs = readFileSync(path.join(ROOT, "node_modules/mark.js/dist/mark.min.js"));
  const table = JSON.stringify((await bundledMatcherTable()).table);
  const details: SizeDetails = {
    rawBytes: script.length,
    gzipBytes: gzipped(script),
    tableRawBytes: Buffer.byteLength(table),
    tableGzipBytes: gzipped(table),
  };
  const markGzip = gzipped(markJs);
  return {
    details,
    rows: [
      {
        section: SECTION,
        figure: "Content script bundle, gzipped (level 9)",
        ours: bytes(details.gzipBytes),
        baseline: `mark.js min ${bytes(markGzip)}`,
        ratio: details.gzipBytes / markGzip,
        sense: "cost",
        target: "≤ 40 KB",
        met: details.gzipBytes <= TARGET_GZIP_BYTES,
      },
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
    ],
  };
}
