/**
 * The longest task on a page's main thread, from a DevTools trace. The Long Tasks API
 * (`PerformanceObserver` with `longtask`) reports only tasks that ran the page's own script: in
 * Chromium it is silent about rendering work (style, layout, paint of highlights) and about
 * content scripts, which is most of what an extension adds. The trace sees every task.
 */
import type { CDPSession, Page } from "playwright-core";

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; beginData?: { url?: string }; data?: { isMainFrame?: boolean; url?: string } };
}

/** One long task and what it spent its time on (its direct sub-events, by name). */
export interface MainThreadTask {
  /** Milliseconds after the load event ended. */
  startAfterLoadMs: number;
  durationMs: number;
  /** The largest direct parts of the task, e.g. `[["Paint", 40.2], ["FunctionCall", 12.1]]`. */
  parts: [string, number][];
}

const CATEGORIES = ["toplevel", "devtools.timeline"];
const TASK_NAMES = new Set(["RunTask", "ThreadControllerImpl::RunTask"]);

/** Records a trace of the page while `work` runs. */
async function trace(session: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  session.on("Tracing.dataCollected", (message) => {
    for (const event of message.value as unknown as TraceEvent[]) events.push(event);
  });
  await session.send("Tracing.start", {
    traceConfig: { includedCategories: CATEGORIES, recordMode: "recordAsMuchAsPossible" },
    transferMode: "ReportEvents",
  });
  try {
    await work();
  } finally {
    const complete = new Promise((resolve) => session.once("Tracing.tracingComplete", resolve));
    await session.send("Tracing.end");
    await complete;
  }
  return events;
}

/** Sums the direct sub-events of a task by name. */
function taskParts(task: TraceEvent, events: TraceEvent[]): [string, number][] {
  const end = task.ts + task.dur!;
  const inside = events
    .filter((e) => e !== task && e.ph === "X" && e.dur !== undefined && e.ts >= task.ts && e.ts + e.dur <= end && !TASK_NAMES.has(e.name))
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const totals = new Map<string, number>();
  let coveredUntil = -1;
  for (const e of inside) {
    if (e.ts < coveredUntil) continue; // nested inside a part already counted
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur! / 1000);
    coveredUntil = e.ts + e.dur!;
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 4);
}

/**
 * Navigates `page` to `url` under a trace, runs `after` (waiting for the scan and for quiet),
 * and returns the longest main-thread task that started after the load event.
 */
export async function longestTaskAfterLoad(page: Page, url: string, after: () => Promise<void>): Promise<MainThreadTask> {
  const session = await page.context().newCDPSession(page);
  try {
    const events = await trace(session, async () => {
      await page.goto(url, { waitUntil: "load", timeout: 60_000 });
      await after();
    });
    const parse = events.find((e) => e.name === "ParseHTML" && e.args?.beginData?.url === url);
    if (parse === undefined) throw new Error("the trace has no ParseHTML event for the page");
    const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
    const load = thread.find((e) => e.name === "MarkLoad" && e.args?.data?.isMainFrame !== false);
    if (load === undefined) throw new Error("the trace has no load event for the page");
    const tasks = thread.filter((e) => TASK_NAMES.has(e.name) && e.ph === "X" && e.dur !== undefined && e.ts >= load.ts);
    let longest: TraceEvent | undefined;
    for (const task of tasks) if (longest === undefined || task.dur! > longest.dur!) longest = task;
    if (longest === undefined) return { startAfterLoadMs: 0, durationMs: 0, parts: [] };
    return {
      startAfterLoadMs: (longest.ts - load.ts) / 1000,
      durationMs: longest.dur! / 1000,
      parts: taskParts(longest, thread),
    };
  } finally {
    await session.detach().catch(() => {});
  }
}
