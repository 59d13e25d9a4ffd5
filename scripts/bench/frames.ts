/**
 * Frames and memory (Chromium, the built extension): what the extension adds to a page carrying
 * 30 cross-origin ad-like frames (no article text), and the content script's heap on a typical
 * article. Each page is loaded in two browsers side by side, one with `dist/chrome` and one
 * without any extension, turn about, `runs` times:
 * - main-thread time: the sum of every top-level task on every renderer main thread from the
 *   navigation until 3 s after the load event (a DevTools trace, which sees content scripts and
 *   rendering, unlike the Long Tasks API), with the extension and without; and, of it, the time
 *   in events that compile or run the extension's scripts (`chrome-extension://` URLs, in the
 *   thread's CPU time), each event given to the frame it ran in: the per-frame figure counts
 *   those of the sub-frames (the difference of two totals of seconds is noise on a shared
 *   machine, the extension's own events are not; and the top frame's own content script, which
 *   scans the article, moved by tens of milliseconds from load to load, so it is left out by
 *   frame rather than subtracted);
 * - memory: the V8 heap and Blink's heap of every renderer holding the page's frames, after two
 *   forced GCs, with minus without.
 * The per-frame time is the extension's time in the 30 sub-frames, divided by 30; the per-frame
 * memory, the memory added on the 30-frame page less that added on the same page with no frames
 * (the top frame's own content script), divided by 30. Both stand beside two floors measured the
 * same way (`FLOORS`): an all-frames content script that does nothing, and one that only reads
 * `document.body`.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type CDPSession, type Page } from "playwright-core";
import { CHROMIUM, launchChromiumWithExtension, ROOT } from "../lib/chromium-with-extension.ts";
import { PageServer } from "../lib/page-server.ts";
import { bytes, ms, type ReportRow } from "./report-row.ts";
import { median } from "./stats.ts";

const SECTION = "Frames and memory (Chromium)";
const FRAMES = 30;
/** How long after the load event the trace and the heap wait: the gates' rechecks fall inside. */
const AFTER_LOAD_MS = 3000;
const TARGET_FRAME_MS = 1;
const TARGET_FRAME_BYTES = 100_000;

/** An ad as ad servers deliver it: a sized box, an image, a label, a script that rotates the creative. */
const AD_FRAME = `<!doctype html><html><head><meta charset="utf-8"><style>body{margin:0;font:11px sans-serif}
.creative{width:300px;height:230px;background:linear-gradient(135deg,#fde68a,#60a5fa)}</style></head><body>
<div class="creative"><img alt="" width="300" height="230" src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"></div>
<span class="label">Advertisement</span>
<script>
  // Rotate the creative every second, as a carousel ad does (a DOM change the gate sees).
  let n = 0;
  setInterval(() => { const img = document.querySelector("img"); const next = img.cloneNode(); next.dataset.n = String(++n); img.replaceWith(next); }, 1000);
  window.adState = { slot: "top", sizes: [[300, 250]], keywords: ["news", "world"] };
</script></body></html>`;

/**
 * The floors: extensions whose all-frames content script is one statement. `void 0;` is what any
 * content script costs: Chromium creates an isolated world (a V8 context) for it in every frame,
 * whatever it does. `document.body;` is what any content script that looks at the page costs: the
 * first touch of the document in a fresh world sets up its DOM bindings (measured at about half
 * of the gate's own evaluation).
 */
const FLOORS = { empty: "void 0;\n", readsDocument: "document.body;\n" } as const;
type Floor = keyof typeof FLOORS;

async function writeFloorExtension(folder: string, script: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: "one-statement content script",
    version: "1",
    content_scripts: [{ matches: ["<all_urls>"], js: ["floor.js"], all_frames: true, run_at: "document_idle" }],
  };
  await writeFile(path.join(folder, "manifest.json"), JSON.stringify(manifest));
  await writeFile(path.join(folder, "floor.js"), script);
}

/** The page around the frames: a headline and a paragraph with names, as a news page's shell. */
function topPage(frameOrigin: string, frames: number): string {
  const iframes = Array.from({ length: frames }, (_, i) => `<iframe src="${frameOrigin}/ad.html?slot=${i}" width="300" height="250" style="border:0"></iframe>`).join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frames</title></head><body>
<h1>Talks in Istanbul</h1><p>Alexander Darchiev met Sonata Coulter in Istanbul on Thursday, the State Department said.</p>
<aside>${iframes}</aside></body></html>`;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (wall time less the time the thread waited for a core). */
  tdur?: number;
  args?: { name?: string; data?: { isMainFrame?: boolean; url?: string; scriptName?: string; frame?: string } };
}

/** A trace's main-thread time: all of it, and the part spent in the extension's own scripts. */
interface MainThreadTime {
  totalMs: number;
  /**
   * Compiling and running `chrome-extension://` scripts (the outermost such event counted once),
   * in the main thread's CPU time: with 31 frames loading at once on two cores, an evaluation's
   * wall time also held the time its thread waited for a core (1.3 ms of CPU took up to 15 ms).
   */
  extensionMs: number;
  /** The part of `extensionMs` in frames other than the top one. */
  subFramesMs: number;
}

const EXTENSION_URL = /^chrome-extension:\/\//;

/**
 * Renderer main-thread time while `work` runs: every top-level task on every `CrRendererMain`
 * thread, and within them the events that compile or run the extension's scripts.
 */
async function mainThreadTime(session: CDPSession, work: () => Promise<void>): Promise<MainThreadTime> {
  const events: TraceEvent[] = [];
  session.on("Tracing.dataCollected", (message) => {
    for (const event of message.value as unknown as TraceEvent[]) events.push(event);
  });
  await session.send("Tracing.start", {
    traceConfig: { includedCategories: ["toplevel", "__metadata", "devtools.timeline", "v8"], recordMode: "recordAsMuchAsPossible" },
    transferMode: "ReportEvents",
  });
  try {
    await work();
  } finally {
    const complete = new Promise((resolve) => session.once("Tracing.tracingComplete", resolve));
    await session.send("Tracing.end");
    await complete;
  }
  const { frameTree } = (await session.send("Page.getFrameTree")) as { frameTree: { frame: { id: string } } };
  const topFrame = frameTree.frame.id;
  const mainThreads = new Set(events.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain").map((e) => `${e.pid}:${e.tid}`));
  let total = 0;
  for (const e of events) {
    if (e.ph === "X" && e.dur !== undefined && (e.name === "ThreadControllerImpl::RunTask" || e.name === "RunTask") && mainThreads.has(`${e.pid}:${e.tid}`)) total += e.dur;
  }
  const ours = events
    .filter((e) => e.ph === "X" && e.dur !== undefined && mainThreads.has(`${e.pid}:${e.tid}`) && EXTENSION_URL.test(e.args?.data?.url ?? e.args?.data?.scriptName ?? ""))
    .sort((a, b) => a.pid - b.pid || a.tid - b.tid || a.ts - b.ts || b.dur! - a.dur!);
  let extension = 0;
  let subFrames = 0;
  let covered = { thread: "", until: -1 };
  for (const e of ours) {
    const thread = `${e.pid}:${e.tid}`;
    if (thread === covered.thread && e.ts < covered.until) continue; // inside an event already counted
    const cpu = e.tdur ?? e.dur!;
    extension += cpu;
    // Evaluating and calling carry their frame; the compilations inside them do not, and are
    // counted with the event around them.
    if (e.args?.data?.frame !== undefined && e.args.data.frame !== topFrame) subFrames += cpu;
    covered = { thread, until: e.ts + e.dur! };
  }
  return { totalMs: total / 1000, extensionMs: extension / 1000, subFramesMs: subFrames / 1000 };
}

/** V8 and Blink heap of every renderer holding the page's frames (the page's, plus any out-of-process frame's), after GC. */
async function heapOfPage(page: Page): Promise<{ v8: number; blink: number; processes: number }> {
  const sessions: CDPSession[] = [await page.context().newCDPSession(page)];
  for (const frame of page.frames().slice(1)) {
    // Only an out-of-process frame has a session of its own; the others share the page's isolate.
    const session = await page.context().newCDPSession(frame).catch(() => null);
    if (session !== null) sessions.push(session);
  }
  let v8 = 0;
  let blink = 0;
  for (const session of sessions) {
    await session.send("HeapProfiler.enable");
    await session.send("HeapProfiler.collectGarbage");
    await session.send("HeapProfiler.collectGarbage");
    const usage = (await session.send("Runtime.getHeapUsage")) as { usedSize: number; embedderHeapUsedSize?: number };
    v8 += usage.usedSize;
    blink += usage.embedderHeapUsedSize ?? 0;
    await session.detach().catch(() => {});
  }
  return { v8, blink, processes: sessions.length };
}

/** Loads `url` in a fresh page: its main-thread time until 3 s after load, then its heap. */
async function measure(context: BrowserContext, url: string, expectScan: boolean): Promise<Sample> {
  const page = await context.newPage();
  try {
    const session = await context.newCDPSession(page);
    const time = await mainThreadTime(session, async () => {
      await page.goto(url, { waitUntil: "load", timeout: 60_000 });
      if (expectScan) await page.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0, undefined, { timeout: 30_000 });
      await page.waitForTimeout(AFTER_LOAD_MS);
    });
    await session.detach().catch(() => {});
    return { mainMs: time.totalMs, extensionMs: time.extensionMs, subFramesMs: time.subFramesMs, ...(await heapOfPage(page)) };
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
}

interface Sample {
  mainMs: number;
  extensionMs: number;
  /** Of `extensionMs`, the part in sub-frames. */
  subFramesMs: number;
  v8: number;
  blink: number;
  processes: number;
}

/** What the frames part measured, beside the table rows. */
export interface FramesDetails {
  runs: number;
  frames: number;
  /** Medians, by page (`frames`, `noFrames`, `article`) and browser (`with`, `without` the extension). */
  medians: Record<string, { with: Sample; without: Sample }>;
  /** How many renderer processes held the 30-frame page (1: the frames share the page's). */
  processes: number;
  /** Heap per frame added by an extension whose all-frames content script is empty: the floor for any content script. */
  floorFrameBytes: number;
  /** Extension script time per frame of that empty content script. */
  floorFrameMs: number;
  /** The same two figures for a content script that only reads `document.body`. */
  readingFloorFrameBytes: number;
  readingFloorFrameMs: number;
  /** Our scripts' time in the top frame of the 30-frame page, left out of the per-frame figure. */
  topFrameExtensionMs: number;
  /** Ours per frame, by heap. */
  frameBytes: { v8: number; blink: number };
}

export interface FramesResults {
  rows: ReportRow[];
  details: FramesDetails;
}

function medianSample(samples: Sample[]): Sample {
  return {
    mainMs: median(samples.map((s) => s.mainMs)),
    extensionMs: median(samples.map((s) => s.extensionMs)),
    subFramesMs: median(samples.map((s) => s.subFramesMs)),
    v8: median(samples.map((s) => s.v8)),
    blink: median(samples.map((s) => s.blink)),
    processes: median(samples.map((s) => s.processes)),
  };
}

/** Runs the frames and memory benchmark (run the build first). */
export async function runFramesBench(options: { runs: number; log?: (line: string) => void }): Promise<FramesResults> {
  const log = options.log ?? (() => {});
  const top = new PageServer([]);
  const ads = new PageServer([]);
  await top.start();
  await ads.start();
  ads.add("ad.html", AD_FRAME);
  const pages = {
    frames: top.add("frames.html", topPage(ads.origin, FRAMES)),
    noFrames: top.add("no-frames.html", topPage(ads.origin, 0)),
    article: top.add("article.html", readFileSync(path.join(ROOT, "test/fixtures/pages/istanbul-talks.en.html"), "utf8")),
  };
  const profileWith = await mkdtemp(path.join(tmpdir(), "backstory-bench-frames-"));
  const profileWithout = await mkdtemp(path.join(tmpdir(), "backstory-bench-plain-"));
  const withExtension = await launchChromiumWithExtension({ profile: profileWith, headless: true });
  const without = await chromium.launchPersistentContext(profileWithout, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--disable-gpu", "--lang=en-US"],
    viewport: { width: 1100, height: 800 },
    locale: "en-US",
  });
  const floors = {} as Record<Floor, { folder: string; profile: string; context: BrowserContext }>;
  for (const [name, script] of Object.entries(FLOORS) as [Floor, string][]) {
    const folder = path.join(profileWithout, "..", `${path.basename(profileWithout)}-floor-${name}`);
    await writeFloorExtension(folder, script);
    const profile = await mkdtemp(path.join(tmpdir(), "backstory-bench-floor-"));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [`--disable-extensions-except=${folder}`, `--load-extension=${folder}`, "--disable-gpu", "--lang=en-US"],
      viewport: { width: 1100, height: 800 },
      locale: "en-US",
    });
    floors[name] = { folder, profile, context };
  }
  const samples: Record<string, { with: Sample[]; without: Sample[] }> = {};
  const floorSamples = { empty: { frames: [], noFrames: [] }, readsDocument: { frames: [], noFrames: [] } } as Record<Floor, Record<"frames" | "noFrames", Sample[]>>;
  try {
    for (let r = 0; r < options.runs; r++) {
      for (const floor of Object.keys(FLOORS) as Floor[]) {
        for (const name of ["frames", "noFrames"] as const) floorSamples[floor][name].push(await measure(floors[floor].context, pages[name], false));
      }
      for (const [name, url] of Object.entries(pages)) {
        const entry = (samples[name] ??= { with: [], without: [] });
        // Turn about, so drift in the machine's load falls on both sides.
        if (r % 2 === 0) {
          entry.with.push(await measure(withExtension.context, url, true));
          entry.without.push(await measure(without, url, false));
        } else {
          entry.without.push(await measure(without, url, false));
          entry.with.push(await measure(withExtension.context, url, true));
        }
        const [w, wo] = [entry.with.at(-1)!, entry.without.at(-1)!];
        log(`frames: ${name} run ${r + 1}: with ${ms(w.mainMs)} (extension ${ms(w.extensionMs)}, in sub-frames ${ms(w.subFramesMs)}) V8 ${bytes(w.v8)} Blink ${bytes(w.blink)}; without ${ms(wo.mainMs)} V8 ${bytes(wo.v8)} Blink ${bytes(wo.blink)}`);
      }
    }
  } finally {
    await withExtension.context.close().catch(() => {});
    await without.close().catch(() => {});
    for (const floor of Object.values(floors)) {
      await floor.context.close().catch(() => {});
      await rm(floor.profile, { recursive: true, force: true });
      await rm(floor.folder, { recursive: true, force: true });
    }
    await top.stop();
    await ads.stop();
    await rm(profileWith, { recursive: true, force: true });
    await rm(profileWithout, { recursive: true, force: true });
  }
  const medians = Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, { with: medianSample(s.with), without: medianSample(s.without) }]));
  const added = (name: string, key: "v8" | "blink") => medians[name]!.with[key] - medians[name]!.without[key];
  const perFrame = (key: "v8" | "blink") => (added("frames", key) - added("noFrames", key)) / FRAMES;
  const frameMs = medians.frames!.with.subFramesMs / FRAMES;
  const floorMedians = (floor: Floor) => ({ frames: medianSample(floorSamples[floor].frames), noFrames: medianSample(floorSamples[floor].noFrames) });
  const floorPerFrame = (floor: Floor, key: "v8" | "blink") =>
    (floorMedians(floor).frames[key] - medians.frames!.without[key] - (floorMedians(floor).noFrames[key] - medians.noFrames!.without[key])) / FRAMES;
  const floorFrameBytes = floorPerFrame("empty", "v8") + floorPerFrame("empty", "blink");
  const floorFrameMs = floorMedians("empty").frames.subFramesMs / FRAMES;
  const readingFloorFrameBytes = floorPerFrame("readsDocument", "v8") + floorPerFrame("readsDocument", "blink");
  const readingFloorFrameMs = floorMedians("readsDocument").frames.subFramesMs / FRAMES;
  const frameBytes = perFrame("v8") + perFrame("blink");
  const m = medians as FramesDetails["medians"];
  return {
    details: { runs: options.runs, frames: FRAMES, medians: m, processes: m.frames!.with.processes, floorFrameBytes, floorFrameMs, readingFloorFrameBytes, readingFloorFrameMs, topFrameExtensionMs: m.frames!.with.extensionMs - m.frames!.with.subFramesMs, frameBytes: { v8: perFrame("v8"), blink: perFrame("blink") } },
    rows: [
      {
        section: SECTION,
        figure: `${FRAMES} cross-origin ad frames: main-thread time, load + 3 s`,
        ours: ms(m.frames!.with.mainMs),
        baseline: `no extension ${ms(m.frames!.without.mainMs)}`,
        ratio: m.frames!.with.mainMs / m.frames!.without.mainMs,
        sense: "cost",
        target: "—",
        met: null,
      },
      {
        section: SECTION,
        figure: "Extension script time per empty frame (trace)",
        ours: ms(frameMs),
        baseline: `an empty content script ${ms(floorFrameMs)}; one reading document.body ${ms(readingFloorFrameMs)}`,
        ratio: readingFloorFrameMs > 0 ? frameMs / readingFloorFrameMs : null,
        sense: "cost",
        target: `≤ ${TARGET_FRAME_MS} ms`,
        met: frameMs <= TARGET_FRAME_MS,
      },
      {
        section: SECTION,
        figure: "Memory added per empty frame (V8 + Blink heap)",
        ours: bytes(frameBytes),
        baseline: `an empty content script ${bytes(floorFrameBytes)}; one reading document.body ${bytes(readingFloorFrameBytes)}`,
        ratio: frameBytes / floorFrameBytes,
        sense: "cost",
        target: "≤ 100 KB",
        met: frameBytes <= TARGET_FRAME_BYTES,
      },
      {
        section: SECTION,
        figure: "JS heap on a typical article (istanbul-talks.en.html)",
        ours: bytes(m.article!.with.v8),
        baseline: `no extension ${bytes(m.article!.without.v8)}`,
        ratio: m.article!.with.v8 / m.article!.without.v8,
        sense: "cost",
        target: `— (+${bytes(added("article", "v8"))})`,
        met: null,
      },
      {
        section: SECTION,
        figure: "Blink heap on a typical article",
        ours: bytes(m.article!.with.blink),
        baseline: `no extension ${bytes(m.article!.without.blink)}`,
        ratio: m.article!.with.blink / m.article!.without.blink,
        sense: "cost",
        target: `— (+${bytes(added("article", "blink"))})`,
        met: null,
      },
    ],
  };
}
