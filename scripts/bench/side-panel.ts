/**
 * The side panel's latency (issue 14): how long after the page gains or loses a name the open
 * panel shows it, measured in Debian's Chromium with the built extension. The panel page is
 * opened as an extension page in a tab following the news tab (`panel.html?tab=<id>`), since a
 * headless browser's own side panel cannot be driven; the path is the product's own: mutation,
 * rescan, the content script's report to the background, the background's word to the panel,
 * the panel asking the page and rendering.
 *
 * The baseline, measured in the same run, is the page's own rescan: from the same change to
 * the end of the content script's `backstory:rescan` measure, when the highlight is drawn.
 * Both sides read `performance.timeOrigin + performance.now()`, one clock for both tabs.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchChromiumWithExtension } from "../lib/chromium-with-extension.ts";
import { PageServer } from "../lib/page-server.ts";
import { ms, type ReportRow } from "./report-row.ts";
import { median } from "./stats.ts";

const SECTION = "Side panel (Chromium)";
const TARGET_MS = 500;

/** Names the page gains and loses in turn: one at a time, never already on the page. */
const NAMES = [
  ["sergei-lavrov", "Sergei Lavrov"],
  ["marco-rubio", "Marco Rubio"],
  ["tammy-bruce", "Tammy Bruce"],
  ["sonata-coulter", "Sonata Coulter"],
  ["pioneer-point", "Pioneer Point"],
] as const;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Talks</title></head>
<body><main><h1>Talks in Istanbul</h1><p>Alexander Darchiev spoke after the talks in Istanbul.</p><div id="live"></div></main></body></html>`;

export interface SidePanelDetails {
  runs: number;
  gainMs: number[];
  loseMs: number[];
  rescanMs: number[];
}

export interface SidePanelResults {
  rows: ReportRow[];
  details: SidePanelDetails;
}

/** The shared clock, in a page. */
const clock = (page: Page) => page.evaluate(() => performance.timeOrigin + performance.now());

/** Resolves, in the panel, with the time the entity's button appears (`present`) or goes (`!present`). */
function whenListed(panel: Page, entity: string, present: boolean): Promise<number> {
  return panel.evaluate(
    ({ entity, present }) =>
      new Promise<number>((resolve, reject) => {
        const selector = `#entities button[data-entity="${entity}"]`;
        const done = () => (document.querySelector(selector) !== null) === present;
        const timer = setTimeout(() => reject(new Error(`the panel did not ${present ? "list" : "drop"} ${entity} within 5 s`)), 5000);
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.timeOrigin + performance.now());
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
      }),
    { entity, present },
  );
}

/** Runs the measurement `runs` times for gaining a name and for losing it. */
export async function runSidePanelBench(options: { runs: number; log?: (line: string) => void }): Promise<SidePanelResults> {
  const log = options.log ?? (() => {});
  const server = new PageServer([]);
  await server.start();
  const url = server.add("talks.html", PAGE);
  const profile = await mkdtemp(path.join(tmpdir(), "backstory-bench-panel-"));
  const { context, worker, extensionId } = await launchChromiumWithExtension({ profile, headless: true });
  const details: SidePanelDetails = { runs: 0, gainMs: [], loseMs: [], rescanMs: [] };
  try {
    await context.addInitScript("globalThis.__name = (fn) => fn;");
    const news = await context.newPage();
    await news.goto(url);
    await news.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0);
    await news.bringToFront();
    const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${extensionId}/panel.html?tab=${tabId}&lang=en`);
    await panel.waitForSelector('#entities button[data-entity="alexander-darchiev"]');
    // The reader looks at the page, with the panel beside it.
    await news.bringToFront();

    const total = options.runs * NAMES.length;
    for (let r = 0; r < total; r++) {
      const [entity, name] = NAMES[r % NAMES.length]!;
      const listed = whenListed(panel, entity, true);
      const rescansBefore = await news.evaluate(() => performance.getEntriesByName("backstory:rescan").length);
      const start = await clock(news);
      await news.evaluate((name) => {
        document.getElementById("live")!.textContent = `${name} answered.`;
      }, name);
      const shown = await listed;
      const rescanEnd = await news.evaluate(async (before) => {
        for (let i = 0; i < 200 && performance.getEntriesByName("backstory:rescan").length <= before; i++) await new Promise((r) => setTimeout(r, 10));
        const entry = performance.getEntriesByName("backstory:rescan").at(-1)!;
        return performance.timeOrigin + entry.startTime + entry.duration;
      }, rescansBefore);
      details.gainMs.push(shown - start);
      details.rescanMs.push(rescanEnd - start);

      const dropped = whenListed(panel, entity, false);
      const removed = await clock(news);
      await news.evaluate(() => {
        document.getElementById("live")!.textContent = "";
      });
      details.loseMs.push((await dropped) - removed);
      details.runs++;
    }
    log(`side panel: gain ${details.gainMs.map((v) => v.toFixed(0)).join(", ")} ms; lose ${details.loseMs.map((v) => v.toFixed(0)).join(", ")} ms`);
  } finally {
    await context.close();
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
  const baseline = median(details.rescanMs);
  const row = (figure: string, samples: number[]): ReportRow => {
    const ours = median(samples);
    const worst = Math.max(...samples);
    return {
      section: SECTION,
      figure: `${figure} (median of ${samples.length}; slowest ${ms(worst)})`,
      ours: ms(ours),
      baseline: `${ms(baseline)} page rescan`,
      ratio: ours / baseline,
      sense: "cost",
      target: `≤ ${TARGET_MS} ms`,
      met: worst <= TARGET_MS,
    };
  };
  return { rows: [row("a new name shows in the panel", details.gainMs), row("a removed name leaves the panel", details.loseMs)], details };
}
