/**
 * In-page benchmark: the built extension in Debian's Chromium on a long news page (the fixture
 * articles repeated to over 2 MB of text), each figure beside a baseline measured in the same
 * browser:
 * - the content script's `backstory:scan` measure, beside a floor measured in the same page: one
 *   TreeWalker pass that reads every code unit of every text node;
 * - mark.js and advanced-mark.js, given the same aliases, each on a fresh copy of the page with
 *   the overlay turned off in the settings;
 * - the longest main-thread task after load (PerformanceObserver `longtask`), beside the same
 *   page with the overlay off;
 * - the time to highlight a paragraph appended to the page, beside the page's next frame;
 * - hover-to-card latency beyond the dwell delay (to the card shown and painted), beside one frame;
 * - the page showing a box of its own (a fixed-position box, opacity 0 → 1) to the end of the
 *   frame that paints it, with the overlay on and off: what the browser charges any repaint of
 *   the page once our highlights are registered;
 * - the JS heap after the scan, beside the same page with the overlay off.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { CHROMIUM, launchChromiumWithExtension, ROOT } from "../lib/chromium-with-extension.ts";
import { PageServer } from "../lib/page-server.ts";
import { BUNDLED_DATASET, readDatasetFile } from "../lib/read-dataset-file.ts";
import { bigNewsPage, datasetAliases, type BigPage } from "./corpus.ts";
import { longestTaskAfterLoad, type MainThreadTask } from "./main-thread-trace.ts";
import { bytes, ms, type ReportRow } from "./report-row.ts";
import { median } from "./stats.ts";
import { treeWalkerFloorPass } from "./tree-walker-floor.ts";

const SECTION = "In the page (Chromium)";
const PAGE_TEXT_BYTES = 2 * 1024 * 1024;
const MENTION_HIGHLIGHT = "backstory-mention";
/** The default dwell delay; set explicitly so the figure does not drift with the default. */
const DWELL_MS = 350;
/** A paragraph appended to the page: names in both scripts, one split across a link. */
const APPENDED_PARAGRAPH =
  'وقال <a href="#">سيرغي</a> <a href="#">لافروف</a> إن المحادثات مع Marco Rubio في إسطنبول كانت بناءة.';

/** What the page part measured, beside the table rows. */
export interface PageDetails {
  chromium: string;
  page: Omit<BigPage, "html">;
  runs: number;
  markRuns: number;
  aliases: number;
  highlights: number;
  markJsMarks: number | null;
  advancedMarkMarks: number | null;
  markJsTimedOut: boolean;
  limiters: string;
  /** The longest task after load in the median traced run, with and without the overlay. */
  longestTaskOn: MainThreadTask;
  longestTaskOff: MainThreadTask;
  /** The longest task after load as the Long Tasks API reports it (blind to rendering work). */
  longTasksApiOn: number;
  longTasksApiOff: number;
  /** The longest animation frame after load in the median run with the overlay on (with where its time went), and the median with it off. */
  longestFrameOn: LongTask;
  longestFrameOff: number;
  frameMs: number;
  hoverToHostMs: number;
  /** From the dwell's end to the card taking the pointer and focus (no longer inert). */
  hoverToInteractiveMs: number;
  embedderHeapOn: number | null;
  embedderHeapOff: number | null;
}

export interface PageResults {
  rows: ReportRow[];
  details: PageDetails;
}

interface LongTask {
  startTime: number;
  duration: number;
  /** For a long animation frame: where its time went (rendering, style and layout, each script). */
  detail?: string;
}

declare global {
  interface Window {
    __benchLongTasks?: LongTask[];
    __benchLongFrames?: LongTask[];
    Mark?: new (context: Element) => { mark(terms: string[], options: Record<string, unknown>): void };
  }
}

/** The browser's version, from the binary. */
export function chromiumVersion(): string {
  try {
    return execFileSync(CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/**
 * Sets up every page of the context before its own scripts run: collects long tasks and long
 * animation frames from the start, and defines the `__name` helper that tsx's esbuild (keepNames) puts into functions we
 * pass to `page.evaluate`, which does not exist in the page.
 */
async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  await context.addInitScript(() => {
    const tasks: LongTask[] = [];
    const frames: LongTask[] = [];
    window.__benchLongTasks = tasks;
    window.__benchLongFrames = frames;
    type FrameEntry = PerformanceEntry & {
      renderStart?: number;
      styleAndLayoutStart?: number;
      scripts?: { invoker: string; sourceURL: string; duration: number; forcedStyleAndLayoutDuration: number }[];
    };
    const describe = (entry: FrameEntry): string | undefined => {
      if (entry.renderStart === undefined) return undefined;
      const end = entry.startTime + entry.duration;
      const rendering = entry.renderStart > 0 ? end - entry.renderStart : 0;
      const styleLayout = (entry.styleAndLayoutStart ?? 0) > 0 ? end - entry.styleAndLayoutStart! : 0;
      const scripts = (entry.scripts ?? [])
        .map((s) => `${s.invoker || "?"} (${s.sourceURL.split("/").pop() || "page"}) ${s.duration.toFixed(0)} ms, forced layout ${s.forcedStyleAndLayoutDuration.toFixed(0)} ms`)
        .join("; ");
      return `rendering ${rendering.toFixed(0)} ms (style and layout ${styleLayout.toFixed(0)} ms)${scripts ? `; scripts: ${scripts}` : ""}`;
    };
    const record = (into: LongTask[]) => (list: PerformanceObserverEntryList) => {
      for (const entry of list.getEntries()) into.push({ startTime: entry.startTime, duration: entry.duration, detail: describe(entry as FrameEntry) });
    };
    new PerformanceObserver(record(tasks)).observe({ type: "longtask", buffered: true });
    new PerformanceObserver(record(frames)).observe({ type: "long-animation-frame", buffered: true });
  });
}

/**
 * Waits until the page has been quiet for `quietMs` (no animation frame over 50 ms, as the
 * Long Animation Frames API reports them), up to `maxMs`.
 */
async function settle(page: Page, quietMs = 1000, maxMs = 10_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, maxMs }) =>
      new Promise<void>((resolve) => {
        const start = performance.now();
        const check = () => {
          const frames = window.__benchLongFrames ?? [];
          const last = frames.reduce((end, t) => Math.max(end, t.startTime + t.duration), 0);
          const now = performance.now();
          if (now - Math.max(last, start) >= quietMs || now - start >= maxMs) resolve();
          else setTimeout(check, 100);
        };
        setTimeout(check, 100);
      }),
    { quietMs, maxMs },
  );
}

/** The longest task after the load event, as the Long Tasks API reports it. */
function longestReportedTask(page: Page): Promise<number> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const loadEnd = navigation?.loadEventEnd ?? 0;
    return Math.max(0, ...(window.__benchLongTasks ?? []).filter((t) => t.startTime >= loadEnd).map((t) => t.duration));
  });
}

/** The longest animation frame after the load event (Long Animation Frames API: only frames over 50 ms are reported). */
function longestFrameAfterLoad(page: Page): Promise<LongTask> {
  return page.evaluate(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    const loadEnd = navigation?.loadEventEnd ?? 0;
    const after = (window.__benchLongFrames ?? []).filter((t) => t.startTime >= loadEnd);
    return after.reduce<LongTask>((longest, t) => (t.duration > longest.duration ? t : longest), { startTime: 0, duration: 0 });
  });
}

/** JS heap of the page's isolate (every world, the content script's too), after a full GC. */
async function heapAfterGc(page: Page): Promise<{ used: number; embedder: number | null }> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send("HeapProfiler.enable");
    await session.send("HeapProfiler.collectGarbage");
    await session.send("HeapProfiler.collectGarbage");
    const usage = (await session.send("Runtime.getHeapUsage")) as { usedSize: number; embedderHeapUsedSize?: number };
    return { used: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? null };
  } finally {
    await session.detach().catch(() => {});
  }
}

/**
 * Appends a paragraph holding names to the last article, scrolled into view first (as a live
 * page adds news where the reader is; on a page this size only mentions near the viewport are
 * drawn), and follows the page frame by frame:
 * at each animation frame, checks whether our highlight holds a range inside the paragraph;
 * once it does, the time is taken when that frame has been rendered (a message posted from the
 * frame's callback runs right after its rendering). Without `waitForHighlight`, the same is
 * taken for the first frame: the paragraph itself painted, the baseline.
 */
function appendParagraph(page: Page, waitForHighlight: boolean): Promise<{ paintedMs: number; found: number }> {
  return page.evaluate(
    ({ html, name, waitForHighlight }) =>
      new Promise((resolve, reject) => {
        const articles = document.querySelectorAll("main article");
        articles[articles.length - 1]!.scrollIntoView({ block: "end", behavior: "instant" });
        // Let the scroll settle (and the drawn mentions follow it) before timing.
        setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(measure)), 300);
        function measure() {
        const highlight = CSS.highlights.get(name);
        if (waitForHighlight && highlight === undefined) return reject(new Error("no highlight registered"));
        const paragraph = document.createElement("p");
        paragraph.innerHTML = html;
        const isDrawn = () => [...highlight!].some((r) => paragraph.contains(r.startContainer));
        const start = performance.now();
        articles[articles.length - 1]!.append(paragraph);
        const afterRendering = () => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            channel.port1.close();
            const paintedMs = performance.now() - start;
            const found = waitForHighlight ? [...highlight!].filter((r) => paragraph.contains(r.startContainer)).length : 0;
            resolve({ paintedMs, found });
          };
          channel.port2.postMessage(null);
        };
        const tick = () => {
          if (!waitForHighlight || isDrawn()) return afterRendering();
          if (performance.now() - start > 5000) return reject(new Error("the appended paragraph was not highlighted within 5 s"));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        }
      }),
    { html: APPENDED_PARAGRAPH, name: MENTION_HIGHLIGHT, waitForHighlight },
  );
}

/** The median interval between animation frames in the page: what "one frame" is here. */
function frameInterval(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const stamps: number[] = [];
        const tick = (t: number) => {
          stamps.push(t);
          if (stamps.length < 31) requestAnimationFrame(tick);
          else {
            const gaps = stamps.slice(1).map((s, i) => s - stamps[i]!).sort((a, b) => a - b);
            resolve(gaps[gaps.length >> 1]!);
          }
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** A row with no target to meet: our median with the overlay on, beside the same with it off. */
function besideOverlayOff(figure: string, on: readonly number[], off: readonly number[], format: (value: number) => string, target: string): ReportRow {
  return {
    section: SECTION,
    figure,
    ours: format(median(on)),
    baseline: `overlay off ${format(median(off))}`,
    ratio: median(on) / median(off),
    sense: "cost",
    target,
    met: null,
  };
}

/**
 * The page shows a fixed-position box of its own (opacity 0 → 1, the way the card is shown) and
 * the time to the end of the frame that paints it is taken; the median of five. With the
 * overlay on, the difference from the overlay off is what registered highlights cost every
 * repaint of the page: Chromium walks the whole page in `PrePaint` for it.
 */
async function fixedBoxFrame(page: Page): Promise<number> {
  const times: number[] = [];
  for (let k = 0; k < 5; k++) {
    await page.evaluate(() => {
      document.getElementById("bench-box")?.remove();
      const box = document.createElement("div");
      box.id = "bench-box";
      box.style.cssText = "position: fixed; top: 80px; left: 80px; width: 240px; padding: 12px; background: #fff; border: 1px solid #000; opacity: 0; z-index: 1000";
      box.textContent = "A box of the page's own.";
      document.body.append(box);
    });
    await page.waitForTimeout(150);
    times.push(
      await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            document.getElementById("bench-box")!.style.opacity = "1";
            // A message posted from the next frame's callback runs once that frame has been rendered.
            requestAnimationFrame(() => {
              const channel = new MessageChannel();
              channel.port1.onmessage = () => {
                channel.port1.close();
                resolve(performance.now() - start);
              };
              channel.port2.postMessage(null);
            });
          }),
      ),
    );
  }
  await page.evaluate(() => document.getElementById("bench-box")?.remove());
  return median(times);
}

/**
 * Sweeps the pointer over the top of the page's text in small steps, as a reader's mouse
 * moves, and returns the longest animation frame meanwhile (the Long Animation Frames API
 * reports frames over 50 ms; 0 when there were none). The content script hit-tests the
 * pointer once per frame.
 */
async function pointerSweep(page: Page): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(2, 2);
  await page.waitForTimeout(100);
  const since = await page.evaluate(() => performance.now());
  for (let i = 0; i <= 24; i++) {
    await page.mouse.move(300 + i * 20, 150 + i * 18);
    await page.waitForTimeout(25);
  }
  await page.mouse.move(2, 2);
  await page.waitForTimeout(300);
  const longest = await page.evaluate(
    (since) => Math.max(0, ...(window.__benchLongFrames ?? []).filter((f) => f.startTime >= since).map((f) => f.duration)),
    since,
  );
  // Let any card the sweep opened close again.
  await page.waitForFunction(() => document.querySelector("[data-backstory]") === null, undefined, { timeout: 5000 });
  return longest;
}

/**
 * Moves the pointer onto a highlighted name (in one step, from the page margin) and measures,
 * in the page, from the pointer event to the card being shown, to the end of the frame that
 * renders it, and to the card taking the pointer. The card's host may enter the document
 * during the dwell, transparent and inert, to be laid out: the card is shown when its host is
 * in the document and opaque, and interactive once it is no longer inert (a frame later).
 */
async function hoverToCard(page: Page): Promise<{ hostMs: number; frameMs: number; interactiveMs: number }> {
  const point = await page.evaluate((name) => {
    const ranges = [...(CSS.highlights.get(name) ?? [])] as Range[];
    const range = ranges.find((r) => r.toString() === "دارشيف") ?? ranges[0];
    if (range === undefined) return null;
    range.startContainer.parentElement?.scrollIntoView({ block: "center", behavior: "instant" });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, MENTION_HIGHLIGHT);
  if (point === null) throw new Error("no highlighted mention to hover");
  await page.mouse.move(2, 2);
  await page.waitForFunction(() => document.querySelector("[data-backstory]") === null, undefined, { timeout: 5000 });
  await page.waitForTimeout(200);
  await page.evaluate(() => {
    const state: { move?: number; host?: number; frame?: number; interactive?: number } = {};
    (window as unknown as { __benchHover: typeof state }).__benchHover = state;
    // From the movement itself (the event's time stamp), as the dwell counts: the event may
    // wait for the main thread before it is dispatched.
    window.addEventListener("pointermove", (event) => (state.move ??= event.timeStamp), { capture: true });
    const shown = () => {
      state.host = performance.now();
      // A message posted from the next frame's callback runs once that frame has been rendered.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          state.frame = performance.now();
        };
        channel.port2.postMessage(null);
      });
    };
    // The host's own inline opacity, not its computed style: reading that here would make the
    // browser restyle in the middle of what is measured.
    const note = (host: HTMLElement) => {
      if (state.host === undefined && host.style.opacity !== "0") shown();
      if (state.interactive === undefined && !host.inert) {
        state.interactive = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const hosts = r.type === "attributes" ? [r.target] : [...r.addedNodes];
        for (const n of hosts) {
          if (!(n instanceof HTMLElement) || !n.hasAttribute("data-backstory")) continue;
          if (r.type === "childList") observer.observe(n, { attributes: true, attributeFilter: ["inert", "style"] });
          note(n);
        }
      }
    });
    observer.observe(document.documentElement, { childList: true });
  });
  await page.mouse.move(point.x, point.y);
  const state = await page.waitForFunction(
    () => {
      const s = (window as unknown as { __benchHover: { move?: number; host?: number; frame?: number; interactive?: number } }).__benchHover;
      return s.frame !== undefined && s.interactive !== undefined && s.move !== undefined
        ? { hostMs: s.host! - s.move, frameMs: s.frame - s.move, interactiveMs: s.interactive - s.move }
        : null;
    },
    undefined,
    { timeout: 5000, polling: 50 },
  );
  return (await state.jsonValue())!;
}

/** Runs a highlighting library on a fresh copy of the page; null when it ran past `capMs`. */
async function runLibrary(
  context: BrowserContext,
  url: string,
  library: string,
  aliases: string[],
  options: Record<string, unknown>,
  capMs: number,
): Promise<{ ms: number; marks: number } | null> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    await settle(page, 500);
    await page.addScriptTag({ content: readFileSync(path.join(ROOT, "node_modules", library, "dist/mark.min.js"), "utf8") });
    const run = page.evaluate(
      ({ aliases, options }) =>
        new Promise<{ ms: number; marks: number }>((resolve) => {
          const start = performance.now();
          new window.Mark!(document.body).mark(aliases, {
            ...options,
            done: (marks: number) => resolve({ ms: performance.now() - start, marks }),
          });
        }),
      { aliases, options },
    );
    let timer: ReturnType<typeof setTimeout> | undefined;
    const cap = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), capMs)));
    const result = await Promise.race([run, cap]);
    clearTimeout(timer);
    run.catch(() => {});
    return result;
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
}

/** Writes settings to the extension's storage, as the popup would. */
async function setSettings(worker: { evaluate: <R, A>(fn: (arg: A) => R | Promise<R>, arg: A) => Promise<R> }, settings: Record<string, unknown>) {
  await worker.evaluate(async (value: Record<string, unknown>) => {
    const current = (await chrome.storage.sync.get("settings")).settings ?? {};
    await chrome.storage.sync.set({ settings: { ...current, ...value } });
  }, settings);
}

/** The scan's measure, and how many ranges our highlight holds. */
async function waitForScan(page: Page): Promise<{ duration: number; highlights: number }> {
  // Waited for in the page with a timer, as `settle` waits with the overlay off: Playwright's
  // `waitForFunction` would first evaluate its injected script in the page (~12 ms, right after
  // load), a task the runs with the overlay off do not have, inside the frames measured here.
  return page.evaluate(
    (name) =>
      new Promise<{ duration: number; highlights: number }>((resolve, reject) => {
        const start = performance.now();
        const check = () => {
          const entry = performance.getEntriesByName("backstory:scan")[0];
          if (entry !== undefined) resolve({ duration: entry.duration, highlights: CSS.highlights.get(name)?.size ?? 0 });
          else if (performance.now() - start > 120_000) reject(new Error("no backstory:scan measure within 120 s"));
          else setTimeout(check, 50);
        };
        check();
      }),
    MENTION_HIGHLIGHT,
  );
}

/** The task of median length among runs (its parts explain the figure). */
function medianTask(tasks: MainThreadTask[]): MainThreadTask {
  const sorted = [...tasks].sort((a, b) => a.durationMs - b.durationMs);
  return sorted[(sorted.length - 1) >> 1] ?? { startAfterLoadMs: 0, durationMs: 0, parts: [] };
}

/**
 * Runs the in-page benchmark: `runs` fresh pages with the overlay on (timed), as many traced
 * (for the longest task; tracing slows the page, so it is kept out of the timed runs), as many
 * with the overlay off (traced, then heap and appended paragraph), then the libraries: mark.js,
 * whose time grows faster than the page, only `markRuns` times; each library run capped at `capMs`.
 */
export async function runPageBench(options: {
  runs: number;
  markRuns: number;
  capMs: number;
  log?: (line: string) => void;
}): Promise<PageResults> {
  const log = options.log ?? (() => {});
  const bundled = await readDatasetFile(BUNDLED_DATASET);
  if (!bundled.ok) throw new Error(`the bundled dataset is invalid: ${bundled.problems[0]?.message}`);
  const aliases = datasetAliases(bundled.dataset);
  const bigPage = bigNewsPage(PAGE_TEXT_BYTES);
  // Whole words for the libraries: their "exactly" accuracy bounds a term by white space and
  // these limiters, so give them every other character that occurs in the page's text.
  const pageText = bigPage.html.replace(/<style>[\s\S]*?<\/style>/, "").replace(/<[^>]+>/g, "");
  const limiters = [...new Set(pageText.match(/[^\p{L}\p{N}\p{M}\s]/gu) ?? [])].join("");
  const libraryOptions = {
    separateWordSearch: false,
    acrossElements: true,
    accuracy: { value: "exactly", limiters: [...limiters] },
    caseSensitive: false,
    diacritics: true,
  };

  const server = new PageServer([]);
  await server.start();
  const url = server.add("news.html", bigPage.html);
  const profile = await mkdtemp(path.join(tmpdir(), "backstory-bench-"));
  const { context, worker } = await launchChromiumWithExtension({ profile, headless: true });
  try {
    await instrument(context);
    await setSettings(worker, { enabled: true, hoverDelayMs: DWELL_MS });

    // 1. Overlay on, timed.
    const scanMs: number[] = [];
    const floorMs: number[] = [];
    const reportedLongestOn: number[] = [];
    const framesOn: LongTask[] = [];
    const heapOn: number[] = [];
    const embedderOn: number[] = [];
    const appendMs: number[] = [];
    const hoverMs: number[] = [];
    const hoverHostMs: number[] = [];
    const hoverInteractiveMs: number[] = [];
    const frames: number[] = [];
    const sweepOn: number[] = [];
    const boxOn: number[] = [];
    let highlights = 0;
    for (let r = 0; r < options.runs; r++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "load", timeout: 60_000 });
      const scan = await waitForScan(page);
      scanMs.push(scan.duration);
      highlights = scan.highlights;
      await settle(page);
      reportedLongestOn.push(await longestReportedTask(page));
      framesOn.push(await longestFrameAfterLoad(page));
      const floors: number[] = [];
      for (let k = 0; k < 3; k++) floors.push(await page.evaluate(treeWalkerFloorPass));
      floorMs.push(median(floors));
      const heap = await heapAfterGc(page);
      heapOn.push(heap.used);
      if (heap.embedder !== null) embedderOn.push(heap.embedder);
      const append = await appendParagraph(page, true);
      if (append.found === 0) throw new Error("the appended paragraph's names were not highlighted");
      appendMs.push(append.paintedMs);
      await settle(page, 500);
      sweepOn.push(await pointerSweep(page));
      frames.push(await frameInterval(page));
      boxOn.push(await fixedBoxFrame(page));
      const hover = await hoverToCard(page);
      hoverMs.push(hover.frameMs - DWELL_MS);
      hoverHostMs.push(hover.hostMs - DWELL_MS);
      hoverInteractiveMs.push(hover.interactiveMs - DWELL_MS);
      await page.close();
      log(`page: overlay on, run ${r + 1}/${options.runs}: scan ${ms(scan.duration)}, ${highlights} highlights, hover → card ${ms(hover.frameMs - DWELL_MS)} (shown ${ms(hover.hostMs - DWELL_MS)})`);
    }

    // 2. Overlay on, traced: the longest task after load.
    const tasksOn: MainThreadTask[] = [];
    for (let r = 0; r < options.runs; r++) {
      const page = await context.newPage();
      tasksOn.push(await longestTaskAfterLoad(page, url, async () => {
        await waitForScan(page);
        await settle(page);
      }));
      await page.close();
    }
    log(`page: overlay on, traced: longest task ${tasksOn.map((t) => ms(t.durationMs)).join(", ")}`);

    // 3. Overlay off: the same page as the browser alone shows it.
    await setSettings(worker, { enabled: false });
    const tasksOff: MainThreadTask[] = [];
    const reportedLongestOff: number[] = [];
    const heapOff: number[] = [];
    const embedderOff: number[] = [];
    const appendOffMs: number[] = [];
    const sweepOff: number[] = [];
    const boxOff: number[] = [];
    for (let r = 0; r < options.runs; r++) {
      const page = await context.newPage();
      tasksOff.push(await longestTaskAfterLoad(page, url, () => settle(page)));
      reportedLongestOff.push(await longestReportedTask(page));
      const heap = await heapAfterGc(page);
      heapOff.push(heap.used);
      if (heap.embedder !== null) embedderOff.push(heap.embedder);
      appendOffMs.push((await appendParagraph(page, false)).paintedMs);
      await settle(page, 500);
      sweepOff.push(await pointerSweep(page));
      boxOff.push(await fixedBoxFrame(page));
      await page.close();
    }
    log(`page: overlay off, traced: longest task ${tasksOff.map((t) => ms(t.durationMs)).join(", ")}`);
    // Untraced, like the timed runs with the overlay on: tracing lengthens frames.
    const framesOff: LongTask[] = [];
    for (let r = 0; r < options.runs; r++) {
      const page = await context.newPage();
      await page.goto(url, { waitUntil: "load", timeout: 60_000 });
      await settle(page);
      framesOff.push(await longestFrameAfterLoad(page));
      await page.close();
    }
    log(`page: longest animation frame after load: overlay on ${framesOn.map((t) => ms(t.duration)).join(", ")}; off ${framesOff.map((t) => ms(t.duration)).join(", ")}`);

    // 4. The libraries, each on a fresh copy of the page (overlay still off).
    const advancedMs: number[] = [];
    let advancedMarks: number | null = null;
    let advancedTimedOut = false;
    for (let r = 0; r < options.runs; r++) {
      const result = await runLibrary(context, url, "advanced-mark.js", aliases, { ...libraryOptions, combinePatterns: true, blockElementsBoundary: true }, options.capMs);
      if (result === null) {
        advancedTimedOut = true;
        break;
      }
      advancedMs.push(result.ms);
      advancedMarks = result.marks;
    }
    log(`page: advanced-mark.js ${advancedTimedOut ? `over ${ms(options.capMs)}` : advancedMs.map(ms).join(", ")}`);
    const markMs: number[] = [];
    let markMarks: number | null = null;
    let markTimedOut = false;
    for (let r = 0; r < options.markRuns; r++) {
      const result = await runLibrary(context, url, "mark.js", aliases, libraryOptions, options.capMs);
      if (result === null) {
        markTimedOut = true;
        break;
      }
      markMs.push(result.ms);
      markMarks = result.marks;
    }
    log(`page: mark.js ${markTimedOut ? `over ${ms(options.capMs)}` : markMs.map(ms).join(", ")}`);

    const scan = median(scanMs);
    const floor = median(floorMs);
    // Load by page load: the scan and the floor measured in the same page.
    const scanToFloor = median(scanMs.map((t, i) => t / floorMs[i]!));
    const frame = median(frames);
    const runsNote = (n: number) => (n === options.runs ? "" : ` (${n} run${n === 1 ? "" : "s"})`);
    const libraryRow = (name: string, samples: number[], timedOut: boolean, target: string, factor: number): ReportRow => {
      if (samples.length === 0 && !timedOut) {
        const figure = `backstory:scan vs ${name} (same aliases, fresh page)`;
        return { section: SECTION, figure, ours: ms(scan), baseline: `${name} not run`, ratio: null, sense: "speedup", target, met: null };
      }
      const value = timedOut || samples.length === 0 ? options.capMs : median(samples);
      const shown = timedOut || samples.length === 0 ? `> ${ms(options.capMs)}` : ms(value);
      return {
        section: SECTION,
        figure: `backstory:scan vs ${name} (same aliases, fresh page)`,
        ours: ms(scan),
        baseline: `${name} ${shown}${timedOut ? "" : runsNote(samples.length)}`,
        ratio: value / scan,
        sense: "speedup",
        target,
        met: value / scan >= factor,
      };
    };
    const frameOn = median(framesOn.map((t) => t.duration));
    const frameOff = median(framesOff.map((t) => t.duration));
    const frameShown = (value: number) => (value === 0 ? "< 50 ms" : ms(value));
    const longestOn = medianTask(tasksOn);
    const longestOff = medianTask(tasksOff);
    const rows: ReportRow[] = [
      {
        section: SECTION,
        figure: "backstory:scan vs one-pass TreeWalker floor (same page)",
        ours: ms(scan),
        baseline: `floor ${ms(floor)}`,
        ratio: scanToFloor,
        sense: "cost",
        target: "≤ 4×",
        met: scanToFloor <= 4,
      },
      libraryRow("mark.js", markMs, markTimedOut, "≥ 50× faster", 50),
      libraryRow("advanced-mark.js", advancedMs, advancedTimedOut, "≥ 10× faster (“wide margin”)", 10),
      {
        section: SECTION,
        figure: "Longest main-thread task after load (trace)",
        ours: ms(longestOn.durationMs),
        baseline: `overlay off ${ms(longestOff.durationMs)}`,
        ratio: longestOff.durationMs > 0 ? longestOn.durationMs / longestOff.durationMs : null,
        sense: "cost",
        target: "≤ 50 ms",
        met: longestOn.durationMs <= 50,
      },
      {
        section: SECTION,
        figure: "Longest animation frame after load (LoAF)",
        ours: frameShown(frameOn),
        baseline: `overlay off ${frameShown(frameOff)}`,
        ratio: frameOn > 0 && frameOff > 0 ? frameOn / frameOff : null,
        sense: "cost",
        target: "≤ baseline + 10 ms",
        // Frames under 50 ms are not reported: none on our side is within the target whatever the baseline's.
        met: frameOn === 0 || frameOn <= Math.max(frameOff, 50) + 10 && frameOn - frameOff <= 10,
      },
      {
        section: SECTION,
        figure: "Longest frame while the pointer moves over text (LoAF)",
        ours: median(sweepOn) > 0 ? ms(median(sweepOn)) : "< 50 ms",
        baseline: `overlay off ${median(sweepOff) > 0 ? ms(median(sweepOff)) : "< 50 ms"}`,
        ratio: median(sweepOff) > 0 ? median(sweepOn) / median(sweepOff) : null,
        sense: "cost",
        target: "≤ 50 ms",
        met: median(sweepOn) <= 50,
      },
      {
        section: SECTION,
        figure: "Appended paragraph: append → highlight painted",
        ours: ms(median(appendMs)),
        baseline: `paragraph painted, overlay off ${ms(median(appendOffMs))}`,
        ratio: median(appendMs) / median(appendOffMs),
        sense: "cost",
        target: "< 100 ms",
        met: median(appendMs) < 100,
      },
      {
        section: SECTION,
        figure: `Hover → card painted, beyond the ${DWELL_MS} ms dwell`,
        ours: ms(median(hoverMs)),
        baseline: `one frame ${ms(frame)}`,
        ratio: median(hoverMs) / frame,
        sense: "cost",
        target: "≤ 1 frame",
        met: median(hoverMs) <= frame,
      },
      besideOverlayOff("The page shows a box of its own → painted (any repaint)", boxOn, boxOff, ms, "—"),
      besideOverlayOff("JS heap after scan (page's isolate, after GC)", heapOn, heapOff, bytes, `— (+${bytes(median(heapOn) - median(heapOff))})`),
    ];
    if (embedderOn.length > 0 && embedderOff.length > 0) {
      rows.push(
        besideOverlayOff("DOM (Blink) heap after scan: Ranges, Highlight", embedderOn, embedderOff, bytes, `— (+${bytes(median(embedderOn) - median(embedderOff))})`),
      );
    }
    const { html: _html, ...pageStats } = bigPage;
    return {
      rows,
      details: {
        chromium: chromiumVersion(),
        page: pageStats,
        runs: options.runs,
        markRuns: markMs.length,
        aliases: aliases.length,
        highlights,
        markJsMarks: markMarks,
        advancedMarkMarks: advancedMarks,
        markJsTimedOut: markTimedOut,
        limiters,
        longestTaskOn: longestOn,
        longestTaskOff: longestOff,
        longTasksApiOn: median(reportedLongestOn),
        longTasksApiOff: median(reportedLongestOff),
        longestFrameOn: [...framesOn].sort((a, b) => a.duration - b.duration)[(framesOn.length - 1) >> 1]!,
        longestFrameOff: frameOff,
        frameMs: frame,
        hoverToHostMs: median(hoverHostMs),
        hoverToInteractiveMs: median(hoverInteractiveMs),
        embedderHeapOn: embedderOn.length > 0 ? median(embedderOn) : null,
        embedderHeapOff: embedderOff.length > 0 ? median(embedderOff) : null,
      },
    };
  } finally {
    await context.close().catch(() => {});
    await server.stop();
    await rm(profile, { recursive: true, force: true });
  }
}
