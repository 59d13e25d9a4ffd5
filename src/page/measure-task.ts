/**
 * Records a stretch of our own main-thread work as a `backstory:task` User Timing measure. The
 * page, the browser and other extensions share the main thread with us; these measures are
 * what tells our work apart from theirs (the long-task and long-frame APIs do not attribute
 * an extension's isolated-world scripts, and Firefox has neither). Recorded only for work that
 * runs a bounded number of times per page change (scan slices, opening a card), never per
 * pointer event, so the page's timeline buffer does not grow while the reader merely reads.
 */

/** The User Timing name of one task of ours. */
const TASK_MEASURE = "backstory:task";

/** Records our work from `start` (a `performance.now()` time) until now as one task of a kind ("scan", "card"). */
export function measureTask(kind: string, start: number): void {
  performance.measure(TASK_MEASURE, { start, end: performance.now(), detail: kind });
}
