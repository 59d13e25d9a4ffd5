/**
 * Which mentions are in the Highlight the browser draws. On an ordinary page, all of them. On
 * a page with thousands of mentions, only those in blocks near the viewport: each change to a
 * registered Highlight makes Chromium prepare paint for every range in it again (measured at
 * 150–175 ms for 25,000 ranges, ~5 ms for 1,000), and `highlightsFromPoint` walks them all on
 * every pointer frame. One IntersectionObserver on the mentions' blocks keeps the drawn set
 * to the screen and one screen's height above and below it. The registry still knows every
 * mention; only drawing is limited. A mention's Range is made when it is first drawn (see
 * `mention-registry.ts`), so the mentions far from the viewport never get one.
 */
import { enclosingBlock } from "./collect-text-runs.ts";

/** Above this many mentions on a page, only those near the viewport are drawn. */
const DRAW_ALL_UP_TO = 1000;

const ELEMENT_NODE = 1;

/**
 * What drawing needs of a run's record: its text nodes (to find its block) and its mentions'
 * ranges. Declared here, not imported from the registry, so the pipeline's imports run one way.
 */
export interface DrawnRun {
  readonly run: { readonly nodes: readonly Text[] };
  /**
   * `range` may be made on first read, so it is read only to draw; `outer` is set on a name
   * inside a longer name: it is drawn in the nested highlight.
   */
  readonly mentions: readonly { readonly range: Range; readonly outer?: unknown }[];
}

/** The element whose visibility stands for a run's: its block, or the host of its shadow root. */
function blockElementOf(record: DrawnRun): Element | null {
  const first = record.run.nodes[0];
  if (first === undefined) return null;
  let block: Node | null = enclosingBlock(first);
  if (block.nodeType !== ELEMENT_NODE) block = (block as ShadowRoot).host ?? (block as Document).documentElement ?? null;
  return block as Element | null;
}

/** Keeps the drawn Highlight to what the reader can see, once a page has many mentions. */
export class DrawnRanges {
  /** The Highlight registered with the page. */
  readonly highlight = new Highlight();
  /**
   * Names inside names, in a Highlight of their own drawn over the first: in one Highlight the
   * inner name's underline would merge into its outer name's and the reader could not see it.
   */
  readonly nested = new Highlight();
  private readonly records = new Set<DrawnRun>();
  /** The records whose mentions are in the highlights now (so undrawing never makes a Range). */
  private readonly drawnRecords = new Set<DrawnRun>();
  private mentions = 0;
  private observer: IntersectionObserver | null = null;
  private readonly byBlock = new Map<Element, Set<DrawnRun>>();
  private readonly blockOf = new Map<DrawnRun, Element>();
  private readonly near = new Set<Element>();
  /** Whether drawing has started (see `show`). */
  private shown = false;

  constructor(private readonly drawAllUpTo = DRAW_ALL_UP_TO) {
    this.nested.priority = 1;
  }

  /** Whether only the mentions near the viewport are drawn. */
  get isLimitedToViewport(): boolean {
    return this.observer !== null;
  }

  /**
   * Starts drawing, once the initial scan has found every mention: only then is it known
   * whether the page has few enough to draw them all, and a page with many never makes Ranges
   * for its first thousand mentions only to drop them from the highlight.
   */
  show(): void {
    if (this.shown) return;
    this.shown = true;
    if (this.mentions > this.drawAllUpTo) this.limitToViewport();
    else for (const record of this.records) this.draw(record);
  }

  add(record: DrawnRun): void {
    this.records.add(record);
    this.mentions += record.mentions.length;
    if (!this.shown) return;
    if (this.observer === null && this.mentions > this.drawAllUpTo) this.limitToViewport();
    if (this.observer === null) this.draw(record);
    else this.track(record);
  }

  remove(record: DrawnRun): void {
    if (!this.records.delete(record)) return;
    this.mentions -= record.mentions.length;
    this.undraw(record);
    const block = this.blockOf.get(record);
    if (block === undefined) return;
    this.blockOf.delete(record);
    const others = this.byBlock.get(block)!;
    others.delete(record);
    if (others.size === 0) {
      this.byBlock.delete(block);
      this.near.delete(block);
      this.observer?.unobserve(block);
    }
  }

  /** Forgets everything and stops observing. */
  clear(): void {
    this.shown = false;
    for (const record of this.records) this.undraw(record);
    this.records.clear();
    this.mentions = 0;
    this.observer?.disconnect();
    this.observer = null;
    this.byBlock.clear();
    this.blockOf.clear();
    this.near.clear();
  }

  private limitToViewport(): void {
    this.observer = new IntersectionObserver((entries) => this.onIntersect(entries), { rootMargin: "100% 0px 100% 0px" });
    for (const record of this.records) {
      this.undraw(record);
      this.track(record);
    }
  }

  /** Observes a record's block; draws it at once if the block is already known to be near. */
  private track(record: DrawnRun): void {
    const block = blockElementOf(record);
    if (block === null) {
      this.draw(record);
      return;
    }
    this.blockOf.set(record, block);
    let recordsOfBlock = this.byBlock.get(block);
    if (recordsOfBlock === undefined) {
      recordsOfBlock = new Set();
      this.byBlock.set(block, recordsOfBlock);
      this.observer!.observe(block); // reports the block's current state in its first callback
    }
    recordsOfBlock.add(record);
    if (this.near.has(block)) this.draw(record);
  }

  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = entry.target;
      const recordsOfBlock = this.byBlock.get(block);
      if (recordsOfBlock === undefined) continue;
      if (entry.isIntersecting && !this.near.has(block)) {
        this.near.add(block);
        for (const record of recordsOfBlock) this.draw(record);
      } else if (!entry.isIntersecting && this.near.has(block)) {
        this.near.delete(block);
        for (const record of recordsOfBlock) this.undraw(record);
      }
    }
  }

  private draw(record: DrawnRun): void {
    if (this.drawnRecords.has(record)) return;
    this.drawnRecords.add(record);
    for (const m of record.mentions) (m.outer ? this.nested : this.highlight).add(m.range);
  }

  private undraw(record: DrawnRun): void {
    if (!this.drawnRecords.delete(record)) return;
    for (const m of record.mentions) (m.outer ? this.nested : this.highlight).delete(m.range);
  }
}
