/**
 * The scan in Firefox ESR (the built `dist/firefox`, installed as a temporary add-on through the
 * browser tests' driver): the same long news page as the Chromium part, `runs` fresh tabs, each
 * giving
 * - `backstory:scan`, the initial scan's wall time (its pauses for the page included);
 * - the scan's own slices (`backstory:task` measures of kind "scan"), summed: the main-thread
 *   time it took, and the longest of them;
 * - beside a floor measured in the same tab after the scan: one TreeWalker pass reading every
 *   code unit of every text node, from the page's own world.
 * Firefox's content scripts reach the DOM through Xray wrappers, so the walk that collects the
 * text costs more there than in Chromium; this part shows how much, on the reader's own browser.
 * Firefox gives pages `performance.now()` in whole milliseconds: the floor (~10 ms) is the median
 * of five passes.
 */
import { versionOf } from "../../test/e2e/browser-versions.ts";
import { FIREFOX, FIREFOX_BUILD, FirefoxDriver } from "../../test/e2e/drivers/firefox-driver.ts";
import { PageServer } from "../lib/page-server.ts";
import { bigNewsPage } from "./corpus.ts";
import { ms, type ReportRow } from "./report-row.ts";
import { median } from "./stats.ts";
import { treeWalkerFloorPass } from "./tree-walker-floor.ts";

const PAGE_TEXT_BYTES = 2 * 1024 * 1024;
const FLOOR_PASSES = 5;

/** What one tab measured. */
interface FirefoxSample {
  scanMs: number;
  slicesMs: number;
  longestSliceMs: number;
  slices: number;
  floorMs: number;
}

/** What the Firefox part measured, beside the table rows. */
export interface FirefoxDetails {
  version: string;
  runs: number;
  samples: FirefoxSample[];
}

export interface FirefoxResults {
  rows: ReportRow[];
  details: FirefoxDetails;
}

/** Runs the Firefox part (run the build first). */
export async function runFirefoxBench(options: { runs: number; log?: (line: string) => void }): Promise<FirefoxResults> {
  const log = options.log ?? (() => {});
  const version = versionOf(FIREFOX).replace(/ \(.*\)$/, "");
  const section = `In the page (${version})`;
  const server = new PageServer([]);
  await server.start();
  const url = server.add("news.html", bigNewsPage(PAGE_TEXT_BYTES).html);
  const browser = await FirefoxDriver.launch({ extension: FIREFOX_BUILD });
  const samples: FirefoxSample[] = [];
  try {
    for (let r = 0; r < options.runs; r++) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0, undefined, { timeout: 60_000 });
      try {
        const scan = await page.evaluate(() => {
          const slices = performance
            .getEntriesByName("backstory:task")
            .filter((entry) => (entry as PerformanceMeasure).detail === "scan")
            .map((entry) => entry.duration);
          return { scanMs: performance.getEntriesByName("backstory:scan")[0]!.duration, slicesMs: slices.reduce((a, b) => a + b, 0), longestSliceMs: Math.max(0, ...slices), slices: slices.length };
        });
        const floors: number[] = [];
        for (let k = 0; k < FLOOR_PASSES; k++) floors.push(await page.evaluate(treeWalkerFloorPass));
        const sample = { ...scan, floorMs: median(floors) };
        samples.push(sample);
        log(`firefox: run ${r + 1}: scan ${ms(sample.scanMs)}, ${sample.slices} slices ${ms(sample.slicesMs)} (longest ${ms(sample.longestSliceMs)}), floor ${ms(sample.floorMs)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const floor = median(samples.map((s) => s.floorMs));
  // Tab by tab: the scan and the floor measured in the same tab.
  const scanRatio = median(samples.map((s) => s.scanMs / s.floorMs));
  const slicesRatio = median(samples.map((s) => s.slicesMs / s.floorMs));
  return {
    details: { version, runs: options.runs, samples },
    rows: [
      {
        section,
        figure: "backstory:scan vs one-pass TreeWalker floor (same tab)",
        ours: ms(median(samples.map((s) => s.scanMs))),
        baseline: `floor ${ms(floor)}`,
        ratio: scanRatio,
        sense: "cost",
        target: "—",
        met: null,
      },
      {
        section,
        figure: "The scan's own slices, summed, vs the same floor",
        ours: `${ms(median(samples.map((s) => s.slicesMs)))} (longest slice ${ms(median(samples.map((s) => s.longestSliceMs)))})`,
        baseline: `floor ${ms(floor)}`,
        ratio: slicesRatio,
        sense: "cost",
        target: "—",
        met: null,
      },
    ],
  };
}
