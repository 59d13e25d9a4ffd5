/**
 * Scans the page for mentions: the whole page once, in slices that leave the main thread to the
 * page, then only the blocks that mutations touch. Records the User Timing measures
 * `backstory:scan` (the initial scan) and `backstory:rescan` (each mutation batch), which span
 * their pauses, and a `backstory:task` for each slice between two pauses.
 */
import type { MatchProgress, Matcher } from "../core/matcher.ts";
import { collectTextRunsInSteps, isInSkippedRegion, nodesChangedBy, OVERLAY_ATTRIBUTE } from "./collect-text-runs.ts";
import type { MentionRegistry } from "./mention-registry.ts";
import { measureTask } from "./measure-task.ts";
import { FramePacer, yieldToPage } from "./yield-to-page.ts";
import { logFailure } from "./log-failure.ts";

/** How long one slice of scanning may run before yielding (well under the 50 ms long-task mark). */
const SLICE_MS = 8;
/** How long mutations gather before a rescan: a storm of edits costs one rescan, not hundreds. */
const BATCH_DELAY_MS = 20;
/**
 * Runs longer than this are matched a slice at a time, yielding between slices, so even one
 * text node of several megabytes never blocks the page for long.
 */
const LONG_RUN = 32_768;
/** Beyond this many changed blocks in one batch, rescanning the whole page is cheaper. */
const MAX_BLOCKS_PER_BATCH = 400;

const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

/** Whether a mutation only added or removed our own overlay host. */
function isOverlayOnly(record: MutationRecord): boolean {
  if (record.type !== "childList") return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every((n) => n instanceof Element && n.hasAttribute(OVERLAY_ATTRIBUTE));
}

/** Drives the initial scan and the rescans of one document. */
export class PageScanner {
  private readonly observer: MutationObserver;
  private pending: MutationRecord[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private busy = false;
  private scanned = false;
  /** When the current slice of our work began (see `measureTask`). */
  private taskStart = 0;
  private readonly pacer: FramePacer;

  constructor(
    private readonly document: Document,
    private readonly matcher: Matcher,
    private readonly registry: MentionRegistry,
    private readonly signal: AbortSignal,
    /** Called after the initial scan and after every rescan. */
    private readonly onScanned: () => void,
  ) {
    this.observer = new MutationObserver((records) => this.enqueue(records));
    this.pacer = new FramePacer(document);
    signal.addEventListener("abort", () => {
      this.observer.disconnect();
      clearTimeout(this.timer);
      this.pending = [];
    }, { once: true });
  }

  /** Scans the whole page, then keeps watching it until the signal aborts. */
  async start(): Promise<void> {
    this.observer.observe(this.document, OBSERVED);
    // The matcher's build has just ended (`content-script.ts`): a frame may be due behind it.
    await this.pacer.frame();
    const start = performance.now();
    this.taskStart = start;
    await this.scan(this.document.documentElement ?? this.document);
    if (this.signal.aborted) return;
    performance.measure("backstory:scan", { start, end: performance.now() });
    this.scanned = true;
    this.onScanned();
    measureTask("scan", this.taskStart);
    if (this.pending.length > 0) this.schedule();
  }

  /** Scans the runs under `root`, yielding to the page between slices. */
  private async scan(root: Node): Promise<void> {
    const onShadowRoot = (shadowRoot: ShadowRoot) => this.observer.observe(shadowRoot, OBSERVED);
    for (const run of collectTextRunsInSteps(root, { onShadowRoot })) {
      if (this.signal.aborted) return;
      if (run === null) {
        // A long stretch of elements walked: a place to pause inside a run.
      } else if (run.text.length <= LONG_RUN) {
        this.registry.addRun(run, this.matcher.findMentions(run.text));
      } else {
        const progress: MatchProgress = { mentions: [], reached: 0 };
        for (let from = 0; from < run.text.length; from += LONG_RUN) {
          this.matcher.findMentionsFrom(run.text, from, from + LONG_RUN, progress);
          await this.pause();
          if (this.signal.aborted) return;
        }
        this.registry.addRun(run, progress.mentions);
      }
      if (performance.now() - this.taskStart > SLICE_MS) await this.pause();
    }
  }

  /**
   * Ends the current slice (recording it) and gives the main thread back to the page. The
   * initial scan's slices are paced around the page's frames (it runs right after load, while
   * the page still renders its first frames); a rescan's are not: once our highlights are
   * registered every frame repaints them (~17 ms a frame on the bench's 2 MB page when this was
   * measured, with the underline then drawn by default; ~3 ms with the marker: see
   * content-script.css), and a rescan of the whole page paced that way ran on for several times
   * as long, into the reader's next interactions (a box the page showed 150 ms after appending it
   * took 45 ms to paint, not 20).
   */
  private async pause(): Promise<void> {
    measureTask("scan", this.taskStart);
    await (this.scanned ? yieldToPage() : this.pacer.pause());
    this.taskStart = performance.now();
  }

  private enqueue(records: MutationRecord[]): void {
    for (const record of records) if (!isOverlayOnly(record)) this.pending.push(record);
    if (this.pending.length > 0 && this.scanned) this.schedule();
  }

  private schedule(): void {
    if (this.timer !== undefined || this.busy) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      logFailure(this.rescan(), "rescanning");
    }, BATCH_DELAY_MS);
  }

  /** Rescans the blocks the pending mutations touched. */
  private async rescan(): Promise<void> {
    if (this.signal.aborted) return;
    this.busy = true;
    const start = performance.now();
    this.taskStart = start;
    const records = [...this.pending, ...this.observer.takeRecords().filter((r) => !isOverlayOnly(r))];
    this.pending = [];
    let removed = false;
    const blocks = new Set<Node>();
    for (const record of records) {
      if (record.type === "childList" && record.removedNodes.length > 0) removed = true;
      for (const node of nodesChangedBy(record)) blocks.add(node);
    }
    if (removed) this.registry.dropDisconnected();
    for (const block of this.outermost(blocks)) {
      if (this.signal.aborted) break;
      this.dropTextUnder(block);
      await this.scan(block);
    }
    this.busy = false;
    if (this.signal.aborted) return;
    performance.measure("backstory:rescan", { start, end: performance.now() });
    this.onScanned();
    measureTask("scan", this.taskStart);
    if (this.pending.length > 0) this.schedule();
  }

  /**
   * The blocks worth rescanning: connected, not inside a region we never match, and not
   * inside another block of the batch (which its rescan covers).
   */
  private outermost(blocks: Set<Node>): Node[] {
    if (blocks.size > MAX_BLOCKS_PER_BATCH) return [this.document.documentElement ?? this.document];
    const roots: Node[] = [];
    for (const block of blocks) {
      if (!block.isConnected || isInSkippedRegion(block)) continue;
      let covered = false;
      for (let n = block.parentNode; n !== null && !covered; n = n.parentNode) covered = blocks.has(n);
      if (!covered) roots.push(block);
    }
    return roots;
  }

  /** Forgets the mentions of every text node under `root`, before it is scanned again. */
  private dropTextUnder(root: Node): void {
    const walker = this.document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) this.registry.dropNode(n as Text);
  }
}
