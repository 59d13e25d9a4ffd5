/**
 * Touch benchmark: the built extension in Debian's Chromium, the tab made a 360 × 640 phone
 * with touch input through the DevTools protocol, on the English fixture article. For each of
 * `runs` fresh pages: a finger taps a highlighted name (resting 50 ms, as a quick tap does) and
 * the time is taken from the `pointerup` (the finger lifting) to the end of the frame that
 * renders the card's host. The baseline, in the same page: a tap on the headline, where the
 * page's own `pointerup` handler shows a box, timed the same way; that is what any page pays
 * for a tap to reach the screen.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CDPSession, Page } from "playwright-core";
import { launchChromiumWithExtension, ROOT } from "../lib/chromium-with-extension.ts";
import { PageServer } from "../lib/page-server.ts";
import { ms, type ReportRow } from "./report-row.ts";
import { median } from "./stats.ts";

const SECTION = "Touch (Chromium, 360 × 640)";
const PHONE = { width: 360, height: 640 };
const ARTICLE = "istanbul-talks.en.html";
/** How long the finger rests on the glass before it lifts. */
const TAP_REST_MS = 50;

/** What the touch part measured, beside the table rows. */
export interface TouchDetails {
  runs: number;
  /** Every run's tap → card painted, and the baseline's, in ms. */
  tapToCardMs: number[];
  tapToBoxMs: number[];
}

export interface TouchResults {
  rows: ReportRow[];
  details: TouchDetails;
}

declare global {
  interface Window {
    __benchTap?: { up?: number; painted?: number };
  }
}

/**
 * Arms the page to time the next tap: from its `pointerup` to the end of the frame that renders
 * the first element added to the document by `selector`'s rule (our host, or the page's box).
 */
async function armTapTimer(page: Page, addedAttribute: string): Promise<void> {
  await page.evaluate((attribute) => {
    const state: { up?: number; painted?: number } = {};
    window.__benchTap = state;
    window.addEventListener("pointerup", (event) => (state.up ??= event.timeStamp), { capture: true, once: true });
    new MutationObserver((records, observer) => {
      const added = records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && n.hasAttribute(attribute)));
      if (!added) return;
      observer.disconnect();
      // A message posted from the next frame's callback runs once that frame has been rendered.
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          state.painted = performance.now();
        };
        channel.port2.postMessage(null);
      });
    }).observe(document.documentElement, { childList: true, subtree: true });
  }, addedAttribute);
}

async function tap(session: CDPSession, point: { x: number; y: number }): Promise<void> {
  await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: point.x, y: point.y, id: 1 }] });
  await new Promise((resolve) => setTimeout(resolve, TAP_REST_MS));
  await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
}

async function tapTime(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const s = window.__benchTap;
      return s?.up !== undefined && s.painted !== undefined ? s.painted - s.up : null;
    },
    undefined,
    { timeout: 10_000, polling: 20 },
  );
  return (await handle.jsonValue())!;
}

/** Runs the touch benchmark on `runs` fresh pages. */
export async function runTouchBench(options: { runs: number; log?: (line: string) => void }): Promise<TouchResults> {
  const log = options.log ?? (() => {});
  const server = new PageServer([path.join(ROOT, "test/fixtures/pages")]);
  await server.start();
  const profile = await mkdtemp(path.join(tmpdir(), "backstory-bench-touch-"));
  const { context } = await launchChromiumWithExtension({ profile, headless: true });
  // tsx's esbuild names functions (keepNames) with a helper the page does not have.
  await context.addInitScript("globalThis.__name = (fn) => fn;");
  const tapToCardMs: number[] = [];
  const tapToBoxMs: number[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      const session = await context.newCDPSession(page);
      await session.send("Emulation.setDeviceMetricsOverride", { ...PHONE, deviceScaleFactor: 2, mobile: true });
      await session.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
      await page.goto(server.url(ARTICLE));
      await page.waitForFunction(() => performance.getEntriesByName("backstory:scan").length > 0, undefined, { timeout: 30_000, polling: 50 });
      await page.waitForTimeout(300);

      // The baseline: the page's own handler shows a box when the headline is tapped.
      const headline = await page.evaluate(() => {
        const h1 = document.querySelector("h1")!;
        h1.scrollIntoView({ block: "start", behavior: "instant" });
        h1.addEventListener("pointerup", () => {
          const box = document.createElement("div");
          box.setAttribute("data-bench-box", "");
          box.style.cssText = "position:fixed;inset:auto 0 0 0;height:40vh;background:#eee";
          document.documentElement.append(box);
        }, { once: true });
        const r = h1.getClientRects()[0]!;
        return { x: r.left + 8, y: r.top + r.height / 2 };
      });
      await armTapTimer(page, "data-bench-box");
      await tap(session, headline);
      tapToBoxMs.push(await tapTime(page));
      await page.evaluate(() => document.querySelector("[data-bench-box]")?.remove());
      await page.waitForTimeout(200);

      // Ours: a name outside any link, brought near the top so nothing covers it.
      const name = await page.evaluate(() => {
        const ranges = [...(CSS.highlights.get("backstory-mention") ?? [])] as Range[];
        const range = ranges.find((r) => r.startContainer.parentElement?.closest("a") === null && r.toString() === "Darchiev") ?? ranges[0]!;
        range.startContainer.parentElement!.scrollIntoView({ block: "start", behavior: "instant" });
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: range.toString() };
      });
      await page.waitForTimeout(200);
      await armTapTimer(page, "data-backstory");
      await tap(session, name);
      tapToCardMs.push(await tapTime(page));
      log(`touch run ${run + 1}: tap «${name.text}» → card painted ${ms(tapToCardMs.at(-1)!)}, headline → box painted ${ms(tapToBoxMs.at(-1)!)}`);
      await page.close();
    }
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await server.stop();
  }
  const ours = median(tapToCardMs);
  const baseline = median(tapToBoxMs);
  return {
    rows: [
      {
        section: SECTION,
        figure: "Tap → card painted, after the finger lifts",
        ours: ms(ours),
        baseline: `page's own tap → box painted ${ms(baseline)}`,
        ratio: ours / baseline,
        sense: "cost",
        target: "≤ 100 ms",
        met: ours <= 100,
      },
    ],
    details: { runs: options.runs, tapToCardMs, tapToBoxMs },
  };
}
